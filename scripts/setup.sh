#!/usr/bin/env bash
# Installs what TCM Workbench needs and is missing; does nothing for what is already there.
#   scripts/setup.sh run    build dependencies (to build and start the desktop app)
#   scripts/setup.sh test   the above, plus what the test suite drives (Xvfb, WebDriver, poppler…)
# Safe to run again and again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
TAURI_DRIVER_VERSION=2.1.0

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian packages ------------------------------------------------------------------------
build_packages=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  librsvg2-dev libayatana-appindicator3-dev libxdo-dev file)
test_packages=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick chromium)
packages=("${build_packages[@]}")
[[ $mode == test ]] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  say "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages: installed again only when a lock file changed --------------------------------
npm_install() {
  local dir=$1 stamp="$1/node_modules/.tcm-lock-stamp"
  if [[ ! -f $stamp ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "Installing npm packages in $dir"
    # `npm install` installs the locked versions; unlike `npm ci` it tolerates optional
    # packages for other platforms that a registry mirror may not carry (the Tauri CLI
    # ships one native package per platform).
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install ui
[[ $mode == test ]] && npm_install tests/e2e

# Cargo tools ----------------------------------------------------------------------------------
if [[ $mode == test ]]; then
  if ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
    say "Installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install "tauri-driver@$TAURI_DRIVER_VERSION" --locked
  fi
fi
say "Set-up complete ($mode)"
