// Before any test: make sure the build and the notebook kernel are current (the same script `npm test` runs first;
// it takes well under a second when nothing is missing), so CLI and notebook tests never run a stale dist/.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export default function setup(): void {
  execFileSync("bash", [path.join(__dirname, "..", "scripts", "setup.sh"), "--test"], { stdio: "inherit" });
}
