#!/usr/bin/env bash
# `make run`: installs what is missing, builds the desktop app (release) and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  cat >&2 <<'MSG'
TCM Workbench is a desktop application and no display was found (neither DISPLAY nor
WAYLAND_DISPLAY is set), so it cannot open its window here.

Headless alternatives:
  make test                                  runs every test, the real window included, under Xvfb
  xvfb-run -a make run                       starts the app on a virtual screen
  cargo run -p tcm-cli -- score --help       the command-line tool: validate questionnaires, score answers
MSG
  exit 1
fi

scripts/setup.sh run
echo "==> Building the interface"
npm --prefix ui run build --silent
echo "==> Building the desktop app (the first build takes a few minutes)"
ui/node_modules/.bin/tauri build --no-bundle
echo "==> Starting TCM Workbench"
exec target/release/tcm-workbench "$@"
