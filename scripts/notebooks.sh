#!/usr/bin/env bash
# Opens the notebooks in Jupyter Notebook (Debian's classic UI) with the project's TypeScript (tslab) kernel.
# Run through `npm run notebooks`, which first installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/../notebooks"
export JUPYTER_PATH="$PWD/../.jupyter/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
extra=()
if [ "$(id -u)" = 0 ]; then extra+=(--allow-root); fi # machines of this kind run as root; Notebook refuses without it
exec /usr/bin/jupyter-notebook --no-browser --ip=127.0.0.1 "${extra[@]}" "$@"
