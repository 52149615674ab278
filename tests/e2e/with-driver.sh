#!/usr/bin/env bash
# Runs inside xvfb-run: starts tauri-driver, waits for its port, runs the specs, stops it.
set -euo pipefail
cd "$(dirname "$0")"

port=${TCM_E2E_DRIVER_PORT:-4444}
# The WebKit driver behind it: another port when several runs share the machine.
native_port=${TCM_E2E_NATIVE_PORT:-4445}

# The app inherits tauri-driver's environment: no default database or config of the user's is
# touched, and save dialogs answer at once with a file in the artifacts folder.
XDG_DATA_HOME=$(mktemp -d)
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_DATA_HOME XDG_CONFIG_HOME
export TCM_E2E_SAVE_DIR="${TCM_E2E_ARTIFACTS:-/tmp}/exports"
mkdir -p "$TCM_E2E_SAVE_DIR"
# Open dialogs answer this file at once; a spec that opens one writes it first.
export TCM_E2E_OPEN_FILE="${TCM_E2E_OPEN_FILE:-${TCM_E2E_ARTIFACTS:-/tmp}/open/responses.csv}"
# The folder dialog answers this folder (the classroom spec fills it with groups' files).
export TCM_E2E_OPEN_FOLDER="${TCM_E2E_ARTIFACTS:-/tmp}/class-folder"
tauri-driver --port "$port" --native-port "$native_port" >"${TCM_E2E_ARTIFACTS:-/tmp}/tauri-driver.log" 2>&1 &
driver=$!
trap 'kill "$driver" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done

# Specs named on the command line (`run.sh specs/classroom.test.js`), else all of them.
if [ "$#" -gt 0 ]; then
  TCM_E2E_DRIVER_PORT=$port node --test --test-concurrency=1 "$@"
else
  TCM_E2E_DRIVER_PORT=$port npm test --silent
fi
