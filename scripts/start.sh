#!/usr/bin/env bash
# npm start (after npm run build): open the extension in a real VS Code on the sample workspace.
# A local `code` runs it as an extension development host; without one, VS Code's server build
# (code-server) is installed once into .e2e/ and served on 127.0.0.1, and its address printed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if command -v code >/dev/null 2>&1; then
  exec code --extensionDevelopmentPath="$ROOT" "$ROOT/sample"
fi
eval "$(bash test/e2e/setup.sh)"
npx vsce package --no-dependencies -o opsdocs.vsix >/dev/null
DATA="$ROOT/.e2e/start/data"
EXTENSIONS="$ROOT/.e2e/start/extensions"
mkdir -p "$DATA/User"
[ -f "$DATA/User/settings.json" ] || echo '{ "workbench.startupEditor": "none" }' > "$DATA/User/settings.json"
"$NODE24" "$CODE_SERVER" --extensions-dir "$EXTENSIONS" --install-extension "$ROOT/opsdocs.vsix" --force >/dev/null
PORT=${PORT:-8080}
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
fi
echo
echo "  OpsDocs in VS Code: http://127.0.0.1:$PORT/?folder=$ROOT/sample"
echo "  (Ctrl+C stops it)"
echo
exec "$NODE24" "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --user-data-dir "$DATA" --extensions-dir "$EXTENSIONS" \
  --disable-telemetry --disable-update-check "$ROOT/sample"
