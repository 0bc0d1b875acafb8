// ESLint (flat config) for introsim (issue 21): `npm run lint`.
//
// TypeScript in src/ and test/: eslint recommended + typescript-eslint recommendedTypeChecked (type-aware, one
// TypeScript program from tsconfig.test.json, which covers both folders), with the unsafe-any family as errors.
// JavaScript (bench/, scripts/, bin/, config files): eslint recommended with Node globals.
// eslint-config-prettier comes last, so no formatting rule fights Prettier (`npm run format`).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

const unusedVars = [
  "error",
  { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "all", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
];

export default tseslint.config(
  {
    // Generated, vendored or not code. (.gitignore'd folders are listed too: ESLint does not read .gitignore.)
    ignores: ["node_modules/", "dist/", ".jupyter/", "charts/", "data/", "notebooks/", "test/.out/", "scratch/", "coverage/", "**/*.tmp-*"],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules: { "no-unused-vars": unusedVars },
  },
  {
    files: ["**/*.cjs", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    files: ["src/**/*.ts", "test/**/*.ts"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        project: ["./tsconfig.test.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": unusedVars,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unsafe-assignment": "error",
      "@typescript-eslint/no-unsafe-member-access": "error",
      "@typescript-eslint/no-unsafe-call": "error",
      "@typescript-eslint/no-unsafe-return": "error",
      "@typescript-eslint/no-unsafe-argument": "error",
      // Off: it disagrees with tsc on this code base. With noUncheckedIndexedAccess it calls `xs[i]!` and narrowed
      // indexed accesses (s[field] after typeof, a const captured by a closure) unnecessary where tsc 5.9 needs them;
      // its --fix broke the build. tsc (npm run typecheck) is the authority on types.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
    },
  },
  {
    // Tests read untyped JSON (CLI output, results.json, manifests, YAML fixtures): a wrong shape already fails the
    // test's expect(), so the unsafe-any family is off here, and tests may type a parsed YAML tree they mutate as
    // Record<string, any>.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // TypeScript outside the two programs (vitest.config.mts): syntax rules only.
    files: ["*.mts", "*.ts"],
    extends: [...tseslint.configs.recommended],
  },
  prettier,
);
