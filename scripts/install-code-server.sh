#!/usr/bin/env bash
# Installs code-server 4.100.3 (the last release whose engines.node accepts Node 20; VS Code 1.100.3)
# for the real-editor e2e tests, from the npm registry and Debian only:
#   scripts/install-code-server.sh [DEST]        (default: .cache/code-server, gitignored)
# A plain `npm install code-server` cannot succeed offline: its postinstall downloads ripgrep from
# GitHub (and argon2/kerberos prebuilts). So the scripts are skipped and postinstall.sh is
# replicated by hand, with Debian's /usr/bin/rg in place of the download. Idempotent: a second run
# with the same version returns at once. Prints the path of entry.js on its last line.
set -euo pipefail

VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-$ROOT/.cache/code-server}
mkdir -p "$(dirname "$DEST")"
DEST=$(cd "$(dirname "$DEST")" && pwd)/$(basename "$DEST")
STAMP=$DEST/.installed-$VERSION
ENTRY=$DEST/node_modules/code-server/out/node/entry.js

if [[ -f $STAMP && -f $ENTRY ]]; then
  echo "code-server $VERSION already installed"
  echo "$ENTRY"
  exit 0
fi

log() { echo "[install-code-server] $*" >&2; }
fail() { echo "install-code-server: $*" >&2; exit 1; }

# Debian prerequisites: headers for the kerberos native module, ripgrep to stand in for the
# @vscode/ripgrep download, a C++ toolchain for node-gyp (argon2, node-pty, spdlog, ...).
missing=()
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
[[ -x /usr/bin/rg ]] || missing+=(ripgrep)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  log "installing with apt: ${missing[*]}"
  SUDO=()
  [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq || fail "apt-get update failed (needed for ${missing[*]})"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" || fail "apt-get install ${missing[*]} failed"
fi

export npm_config_yes=true            # node-pty's install runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=${npm_config_loglevel:-error}

# Build in a scratch dir next to DEST and move it in place at the end, so an interrupted run
# never leaves a half-installed tree that looks complete.
WORK=$DEST.partial
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
printf '{"name":"code-server-e2e","private":true}\n' > package.json

log "npm install code-server@$VERSION --ignore-scripts"
npm install "code-server@$VERSION" --ignore-scripts || fail "npm install code-server@$VERSION failed"
log "building argon2 (its GitHub prebuilt is unreachable; node-gyp builds it from source)"
npm rebuild argon2 || fail "building argon2 failed"

CS=$WORK/node_modules/code-server
cd "$CS/lib/vscode"
log "installing VS Code's server dependencies (lib/vscode)"
npm install --omit=dev --ignore-scripts || fail "npm install in lib/vscode failed"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg   # ripgrep's postinstall exits 0 when bin/ exists
log "building native modules (node-pty, spdlog, kerberos, watchers)"
npm rebuild || fail "npm rebuild in lib/vscode failed"
# What code-server's postinstall.sh does besides the installs.
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
log "installing the built-in extensions' dependencies"
(cd extensions && npm install --omit=dev) || fail "npm install in lib/vscode/extensions failed"

node "$CS/out/node/entry.js" --version >/dev/null 2>&1 || fail "installed code-server does not start (node $(node --version))"
rm -rf "$DEST"
mv "$WORK" "$DEST"
touch "$STAMP"
log "code-server $VERSION installed in $DEST"
echo "$ENTRY"
