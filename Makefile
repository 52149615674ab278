# TCM Workbench. The two commands of the README:
#   make run    install what is missing, build and start the desktop app
#   make test   install what is missing and run every check and test (what CI runs)

.PHONY: run test setup bindings fmt lint e2e

run:
	scripts/run.sh

test:
	scripts/test.sh

setup:
	scripts/setup.sh test

# Regenerate the TypeScript bindings of tcm-api's transfer types into ui/src/lib/bindings.
bindings:
	cargo test -p tcm-api --quiet

fmt:
	cargo fmt --all

lint:
	cargo clippy --workspace --all-targets -- -D warnings
	npm --prefix ui run check
	npm --prefix ui run lint

# Only the end-to-end tests (expects `make setup` done).
e2e:
	npm --prefix ui run build --silent
	tests/e2e/run.sh
