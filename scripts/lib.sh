# Shared by scripts/setup, run, test and bench. Every step checks before it installs, so a
# second run skips straight to the work. Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml.
WASM_BINDGEN_VERSION="0.2.130"
# Splits the wasm at the lazily loaded pages (scripts/split-wasm, Trunk's post-build hook).
WASM_SPLIT_VERSION="0.2.4"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk brotli)
# The property-based API tester scripts/schemathesis runs, from PyPI into .tools/venv.
SCHEMATHESIS_VERSION="4.32.5"
VENV="$ROOT/.tools/venv"

export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_PATH=/usr/bin/chromium

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs a step and reports how long it took.
timed() {
  local label="$1"; shift
  local start=$SECONDS
  "$@"
  printf '    (%s: %ss)\n' "$label" "$((SECONDS - start))"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { say "Adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    say "Installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
    # Not --locked: its lockfile pins a crate version this registry mirror lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# wasm-split-cli has no --version; cargo's own record of installed crates tells.
ensure_wasm_split() {
  if ! command -v wasm-split-cli >/dev/null ||
     ! grep -q "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml" 2>/dev/null; then
    say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

# npm install only when the lockfile changed since the last install.
ensure_npm_dir() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
     ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.care-installed-lock"; then
    say "Installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.care-installed-lock"
  fi
}

# A virtualenv made with the machine's python3, holding schemathesis and its dependencies
# at the versions tests/schemathesis/requirements.txt pins; made again when that changes.
ensure_schemathesis() {
  local requirements="$ROOT/tests/schemathesis/requirements.txt"
  if ! cmp -s "$requirements" "$VENV/.care-installed-requirements" ||
     ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q " $SCHEMATHESIS_VERSION\$"; then
    say "Installing schemathesis $SCHEMATHESIS_VERSION from PyPI into .tools/venv (about a minute, once)"
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    fi
    python3 -m venv --clear "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    grep -q "^schemathesis==$SCHEMATHESIS_VERSION\$" "$requirements" ||
      { echo "tests/schemathesis/requirements.txt does not pin schemathesis $SCHEMATHESIS_VERSION" >&2; exit 1; }
    cp "$requirements" "$VENV/.care-installed-requirements"
  fi
}

ensure_tools() {
  ensure_apt_packages
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_npm_dir "$ROOT/.tools"
  ensure_npm_dir "$ROOT/tests/e2e"
  ensure_schemathesis
}

# The release build of the app in dist/, with .br and .gz beside each file for the server.
build_app() {
  say "Building the app (trunk --release --offline)"
  cargo fetch --quiet
  trunk build --release --offline
  find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
    -o -name '*.json' -o -name '*.svg' -o -name '*.webmanifest' \) | while read -r f; do
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -f -9 -k -n "$f"
  done
}

build_server() {
  say "Building the reference backend"
  cargo build --quiet -p care-server
}

# Honours CARGO_TARGET_DIR, like cargo and trunk do.
SERVER_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/care-server"
