#!/usr/bin/env bash
# `make run`: installs what is missing, builds the desktop app (release) and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  cat >&2 <<'MSG'
TCM Workbench is a desktop application and no display was found (neither DISPLAY nor
WAYLAND_DISPLAY is set), so it cannot open its window here.

Headless alternatives:
  cargo run -p tcm-cli -- demo --out demo.pdf   see the product: a fictitious company's full audit report
  xvfb-run -a make run                          starts the app on a virtual screen
  make test                                     runs every test, the real window included, under Xvfb
  cargo run -p tcm-cli -- --help                the command-line tool: audits, answers, imports, reports
MSG
  exit 1
fi

scripts/setup.sh run
echo "==> Building the interface"
npm --prefix ui run build --silent
echo "==> Building the live-session participant page (embedded by crates/tcm-live)"
npm --prefix ui run build:live --silent
echo "==> Building the desktop app (the first build takes a few minutes)"
ui/node_modules/.bin/tauri build --no-bundle
echo "==> Starting TCM Workbench"
exec target/release/tcm-workbench "$@"
