#!/usr/bin/env bash
# npm run test:e2e: the packaged extension in a real VS Code (code-server on 127.0.0.1, driven by
# Debian's chromium through playwright-core).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
eval "$(bash test/e2e/setup.sh)"
export OPSDOCS_E2E_NODE="$NODE24" OPSDOCS_E2E_CODE_SERVER="$CODE_SERVER"
npm run package >/dev/null
node --test --test-reporter=spec --test-concurrency=1 test/e2e/*.e2e.test.mjs
