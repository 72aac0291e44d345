#!/usr/bin/env bash
# Checks that the new release answers.
set -euo pipefail
curl -fsS "https://${APP_HOST:-app.internal}/healthz"
