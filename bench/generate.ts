/**
 * Generates a documentation set of runbook-like documents for the benchmarks:
 * bench/.generated/docs-<count>/, with an .opsdocs.yaml that types them.
 * Usage: node --import tsx bench/generate.ts [count=10000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SERVICES = ['payments', 'checkout', 'search', 'auth', 'billing', 'inventory', 'notifications', 'gateway', 'ledger', 'reporting'];
const ACTIONS = ['Restart', 'Scale', 'Fail over', 'Drain', 'Rotate credentials for', 'Restore', 'Roll back', 'Upgrade'];

/** A deterministic pseudo-random sequence, so every run benchmarks the same files. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function runbook(i: number, next: () => number): string {
  const service = SERVICES[i % SERVICES.length];
  const action = ACTIONS[Math.floor(next() * ACTIONS.length)];
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(next() * 11)).padStart(2, '0');
  const skipRollback = next() < 0.1;
  const todo = next() < 0.05 ? '\nTODO: confirm the thresholds with the service owner.\n' : '';
  return `---
title: "${action} ${service} (${i})"
type: runbook
owner: team-${service}
last_reviewed: 2026-${month}-${day}
review_cycle: quarterly
tags: [${service}, operations]
---

# ${action} ${service} (${i})

## Overview

This runbook describes how to ${action.toLowerCase()} the ${service} service in production when its
error rate or latency breaches the SLO. It is used by the on-call engineer during incidents and
planned maintenance alike. See the [architecture overview](../../architecture.md) for the components.
${todo}
## Prerequisites

- Access to the \`${service}\` namespace with the \`${service}-operator\` role
- VPN connected, \`kubectl\` context set to \`prod-eu-1\`
- A change ticket for planned work

| Check | Command | Expected |
|-------|---------|----------|
| Pods ready | \`kubectl -n ${service} get pods\` | all Running |
| Error rate | dashboard "${service} / errors" | < 1% |

## Procedure

1. Confirm the alert and the scope:

   \`\`\`bash
   kubectl -n ${service} get pods -l app=${service}
   kubectl -n ${service} describe deployment ${service} | grep -i replicas
   \`\`\`

2. Apply the change:

   \`\`\`bash
   kubectl -n ${service} rollout restart deployment/${service}
   kubectl -n ${service} rollout status deployment/${service} --timeout=300s
   \`\`\`

3. Watch the dashboards for ten minutes.

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${service}
spec:
  replicas: ${3 + (i % 5)}
\`\`\`

## Verification

\`\`\`bash
curl -fsS https://${service}.internal.example.com/healthz
\`\`\`

The health endpoint answers 200 and the error rate is back under 1%.
${skipRollback ? '' : `
## Rollback

\`\`\`bash
kubectl -n ${service} rollout undo deployment/${service}
\`\`\`
`}
## Escalation

Page the ${service} on-call through PagerDuty; if there is no answer within 15 minutes, escalate to
the platform team lead.
`;
}

const count = Number(process.argv[2] ?? 10_000);
const root = path.join(__dirname, '.generated', `docs-${count}`);
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'runbooks'), { recursive: true });
fs.writeFileSync(path.join(root, '.opsdocs.yaml'), 'docs: "**/*.md"\nreview:\n  cycle: quarterly\n');
fs.writeFileSync(path.join(root, 'architecture.md'), '# Architecture\n\nThe services and how they talk.\n');
const next = random(42);
for (let i = 0; i < count; i++) {
  const folder = path.join(root, 'runbooks', SERVICES[i % SERVICES.length]);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `runbook-${i}.md`), runbook(i, next));
}
console.log(`${count} documents in ${path.relative(process.cwd(), root)}`);
