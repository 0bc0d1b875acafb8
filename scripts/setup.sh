#!/usr/bin/env bash
# Installs whatever is missing for introsim, and is quick when nothing is: npm packages, the TypeScript build,
# Jupyter from Debian (nbconvert + nbclient + ipykernel; the Notebook UI with --notebook-ui), DejaVu fonts for
# charts, and the tslab kernel registered inside this project (.jupyter/, no global install).
# Used by `npm start`, `npm test` and `npm run notebooks`. Flags:
#   --test          also what the test suite needs: Debian's chromium (headless check of report.html) and
#                   poppler-utils (pdftotext: the printed PDF's page numbers and running header)
#   --notebook-ui   also install Debian's jupyter-notebook (the interactive UI)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WANT_UI=0
WANT_TEST=0
for arg in "$@"; do
  case "$arg" in
    --test) WANT_TEST=1 ;;
    --notebook-ui) WANT_UI=1 ;;
    *) echo "setup.sh: unknown flag $arg (allowed: --test, --notebook-ui)" >&2; exit 2 ;;
  esac
done
say() { echo "introsim setup: $*" >&2; }

# 1. npm packages: install when node_modules is missing or older than package.json / package-lock.json.
#    A fresh clone (no node_modules) with a lockfile gets `npm ci`: exactly what the lock pins, and the lock is never
#    rewritten, so the clone stays clean. The lock holds every platform's optional bindings (@duckdb/node-bindings-*,
#    @resvg/resvg-js-*), so it fits any machine. A working tree whose node_modules is only out of date gets
#    `npm install` (fast, keeps what is there; others may be running tests from it).
stamp=node_modules/.package-lock.json
if [ -f package-lock.json ] && { [ ! -f "$stamp" ] || [ ! -e node_modules/introsim ]; }; then
  say "installing npm packages (npm ci, from package-lock.json)"
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    say "npm ci failed: package-lock.json may not match package.json. After changing dependencies run \`npm install\` and commit package.json with package-lock.json."
    exit 1
  fi
elif [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; } || [ ! -e node_modules/introsim ]; then
  say "installing npm packages (npm install)"
  npm install --no-audit --no-fund --loglevel=error
fi

# 2. The build: src/ -> dist/ (CommonJS + .d.ts, which tslab notebooks import as "introsim").
if [ ! -f dist/index.js ] || [ ! -f .build-stamp ] || [ -n "$(find src tsconfig.json package.json -newer .build-stamp -print -quit)" ]; then
  say "building (tsc)"
  # built beside dist/ and swapped in, so that tests and notebooks running at the same time never see dist/ missing
  tmp="dist.tmp-$$"
  rm -rf "$tmp"
  if npx --no-install tsc -p tsconfig.json --outDir "$tmp"; then ok=1; else ok=0; fi
  if [ -d "$tmp" ]; then rm -rf dist && mv "$tmp" dist; fi
  if [ "$ok" != 1 ]; then say "tsc reported type errors (dist/ was still emitted); fix them and run again"; exit 1; fi
  touch .build-stamp
fi

# 3. Debian packages: Jupyter (PyPI is not reachable here; Debian's packages are), fonts for charts.
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi
pkgs=()
if ! /usr/bin/python3 -c 'import nbconvert, nbclient, jupyter_client, ipykernel' 2>/dev/null || [ ! -x /usr/bin/jupyter ] || [ ! -x /usr/bin/jupyter-nbconvert ]; then
  pkgs+=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)
fi
if [ "$WANT_UI" = 1 ] && [ ! -x /usr/bin/jupyter-notebook ]; then pkgs+=(jupyter-notebook); fi
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then pkgs+=(fonts-dejavu-core); fi
if [ "$WANT_TEST" = 1 ] && [ ! -x /usr/bin/chromium ]; then pkgs+=(chromium); fi
if [ "$WANT_TEST" = 1 ] && [ ! -x /usr/bin/pdftotext ]; then pkgs+=(poppler-utils); fi
if [ "${#pkgs[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && [ -z "$SUDO" ]; then
    say "missing Debian packages: ${pkgs[*]}. Install them as root: apt-get install -y --no-install-recommends ${pkgs[*]}"
    exit 1
  fi
  say "installing Debian packages: ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

# 4. The tslab kernel, registered in this project with the absolute path of its binary (re-done in every clone).
kernel=".jupyter/share/jupyter/kernels/tslab/kernel.json"
if [ ! -f "$kernel" ] || ! grep -q "\"$ROOT/node_modules/.bin/tslab\"" "$kernel"; then
  say "registering the tslab kernel in .jupyter/"
  npx --no-install tslab install --python=/usr/bin/python3 --binary="$ROOT/node_modules/.bin/tslab" --prefix="$ROOT/.jupyter" >/dev/null
fi
