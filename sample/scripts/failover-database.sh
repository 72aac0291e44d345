#!/usr/bin/env bash
# Promotes the replica to primary.
set -euo pipefail
patronictl -c /etc/patroni.yml failover --force
