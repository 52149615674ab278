#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every check and test CI runs, in order:
# formatting, clippy, Rust tests (with the bindings and mock fixtures drift check), the UI's type check, lint,
# unit tests and browser flows, the live-session page against `tcm live`, and the real app under Xvfb
# driven through tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

# Incremental caches double what a one-off build writes to disk; a developer can set it back.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
started=$SECONDS

scripts/setup.sh test

step "Building the interface (the desktop crate embeds ui/dist)"
npm --prefix ui run build --silent

step "Building the live-session participant page (crates/tcm-live embeds ui/dist-live; cargo needs it)"
npm --prefix ui run build:live --silent

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (and TypeScript bindings regenerated)"
cargo test --workspace --locked

step "Drift: regenerated bindings and mock fixtures must match the committed ones"
# tcm-api's tests write both: the TypeScript twins of the transfer types, and the golden JSON
# the UI's mock backend serves (ui/src/mock/fixtures, from the real handlers).
generated=(ui/src/lib/bindings ui/src/mock/fixtures)
if ! git diff --exit-code -- "${generated[@]}" || [[ -n $(git status --porcelain -- "${generated[@]}") ]]; then
  echo "${generated[*]} changed when regenerated: run 'cargo test -p tcm-api' and commit the result." >&2
  exit 1
fi

step "UI: type check, lint, unit tests"
npm --prefix ui run check --silent
npm --prefix ui run lint --silent
npm --prefix ui test --silent

step "UI: browser flows (Debian Chromium, mock backend)"
npm --prefix ui run test:browser --silent

step "Live sessions: the participant page on an emulated phone against \`tcm live\` on 127.0.0.1"
# Uses target/debug/tcm, built by the Rust tests above.
npm --prefix ui run test:live --silent

step "End to end: the real app under Xvfb, driven through tauri-driver"
tests/e2e/run.sh

printf '\n\033[1mAll checks passed in %d s.\033[0m\n' $((SECONDS - started))
