#!/usr/bin/env node
// The introsim command: runs the compiled CLI in dist/ (build with `npm run build`, or `npm start` which builds).
"use strict";
let cli;
try {
  cli = require("../dist/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist/cli/main.js")) {
    process.stderr.write("introsim: error: not built yet; run `npm start` (or `npm run build`) in the project folder first\n");
    process.exit(1);
  }
  throw e;
}
cli.main();
