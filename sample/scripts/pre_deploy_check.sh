#!/usr/bin/env bash
# Checks that the cluster is ready for a deployment.
set -euo pipefail
kubectl get nodes
