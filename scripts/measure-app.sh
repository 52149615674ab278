#!/usr/bin/env bash
# `make measure`: the desktop app's figures, measured on the release build in a real window
# under Xvfb (cold start, answer → saved latency, memory after a full audit, .deb size).
# Not part of the test suite: timings belong to measurements, not to assertions.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
application="$PWD/target/release/tcm-workbench"
if [[ ! -x $application ]]; then
  echo "Build the release app first: make package" >&2
  exit 1
fi
deb=$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -1 || true)
export TCM_E2E_APPLICATION=$application TCM_E2E_ARTIFACTS="$PWD/target/measure" TCM_MEASURE_DEB=$deb
mkdir -p "$TCM_E2E_ARTIFACTS"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
  tauri-driver --port 4444 >"$TCM_E2E_ARTIFACTS/tauri-driver.log" 2>&1 &
  driver=$!
  trap "kill $driver 2>/dev/null || true" EXIT
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null && break; sleep 0.1; done
  node tests/e2e/measure/measure.js
'
