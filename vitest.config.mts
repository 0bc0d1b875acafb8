import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    // Notebook execution and CLI runs spawn processes; give them room on a loaded machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
