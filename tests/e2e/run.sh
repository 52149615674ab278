#!/usr/bin/env bash
# Builds the desktop app with its interface embedded, starts tauri-driver on a virtual screen
# and runs the WebDriver specs against the real window.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "Building the interface and the participant page (the app embeds both as they are on disk)"
npm --prefix ui run --silent build
npm --prefix ui run --silent build:live

step "Building the app under test (debug, interface embedded)"
ui/node_modules/.bin/tauri build --debug --no-bundle

step "Building the tcm command-line tool (the tests compare the window with it)"
cargo build --quiet -p tcm-cli

export TCM_E2E_APPLICATION="$PWD/target/debug/tcm-workbench"
export TCM_E2E_CLI="$PWD/target/debug/tcm"
export TCM_E2E_ARTIFACTS="$PWD/target/e2e"
mkdir -p "$TCM_E2E_ARTIFACTS"

step "Running the WebDriver specs under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" tests/e2e/with-driver.sh "$@"
