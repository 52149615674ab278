# TCM Workbench. The two commands of the README:
#   make run    install what is missing, build and start the desktop app
#   make test   install what is missing and run every check and test (what CI runs)

.PHONY: run test setup bindings fmt lint e2e package measure live-page

run:
	scripts/run.sh

test:
	scripts/test.sh

setup:
	scripts/setup.sh test

# Regenerate the TypeScript bindings of tcm-api's transfer types into ui/src/lib/bindings.
bindings: live-page
	cargo test -p tcm-api --quiet

fmt:
	cargo fmt --all

# crates/tcm-live embeds the participant page: build it before cargo needs it.
live-page:
	npm --prefix ui run build:live --silent

lint: live-page
	cargo clippy --workspace --all-targets -- -D warnings
	npm --prefix ui run check
	npm --prefix ui run lint

# Only the end-to-end tests (expects `make setup` done).
e2e:
	npm --prefix ui run build --silent
	tests/e2e/run.sh

# The Debian package of the desktop app (release build): target/release/bundle/deb/*.deb.
package:
	scripts/setup.sh run
	npm --prefix ui run build --silent
	ui/node_modules/.bin/tauri build --bundles deb

# Measures the release app under Xvfb: cold start, answer-to-saved latency, memory after a
# full audit, and the .deb's size (run `make package` first). A script, not a test.
measure:
	scripts/measure-app.sh
