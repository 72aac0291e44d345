/**
 * The language server on a large documentation set: Validate All (cold and warm), re-validation
 * after one file changes on disk, search latency, hover and completion latency on an open document,
 * and the server's memory (now and at its peak, worker threads included).
 * Usage: node --import tsx bench/lsp-workspace.ts [folder | count] (the data sets of bench/helpers.ts dataSet)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, uri } from '../test/helpers/lspClient';
import { countMarkdown, dataSet, percentile, requireBuild, rssMegabytes } from './helpers';

const QUERIES = ['rollback', 'kubectl rollout', 'escalat', 'payments restart', 'healthz', 'checkout drain', 'rotate credentials', 'canary', 'platform team lead', 'rolback', 'vpn', 'SLO', 'ledger fail over', 'replicas', 'dashboards ten minutes'];

async function main(): Promise<void> {
  requireBuild();
  const { folder: root, label } = dataSet(process.argv[2]);
  console.log(`data set: ${root} (${label}), ${countMarkdown(root)} Markdown files`);
  const client = new LspClient();
  await client.initialize(root);

  let started = performance.now();
  const cold = (await client.connection.sendRequest('opsdocs/validateAll', {})) as { documents: number };
  const coldMs = performance.now() - started;

  started = performance.now();
  await client.connection.sendRequest('opsdocs/validateAll', {});
  const warmMs = performance.now() - started;

  const file = path.join(root, fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()[0]);
  const original = fs.readFileSync(file, 'utf8');
  const changes: number[] = [];
  for (let i = 0; i < 20; i++) {
    fs.writeFileSync(file, original + `\nTODO: change ${i}\n`);
    client.forget(file);
    started = performance.now();
    await client.changedOnDisk([{ file, type: 2 }]);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => String(d.message).includes("Placeholder")));
    changes.push(performance.now() - started);
  }
  fs.writeFileSync(file, original);

  const searches: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of QUERIES) {
      started = performance.now();
      await client.connection.sendRequest('opsdocs/search', { query, limit: 50 });
      searches.push(performance.now() - started);
    }
  }
  // Hover on every line of an open runbook, then a heading completion on each of its lines (a new version each time).
  const opened = fs.readFileSync(file, 'utf8');
  const lines = opened.split('\n');
  await client.open(file, opened);
  const hovers: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (let line = 0; line < lines.length; line++) {
      started = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line, character: 2 } });
      hovers.push(performance.now() - started);
    }
  }
  const completions: number[] = [];
  for (let line = 0; line < lines.length; line++) {
    await client.change(file, [...lines.slice(0, line), '## ', ...lines.slice(line)].join('\n'));
    started = performance.now();
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(file) }, position: { line, character: 3 } });
    completions.push(performance.now() - started);
  }
  await client.close(file);
  const rss = rssMegabytes(client.pid);
  const peak = rssMegabytes(client.pid, 'VmHWM');
  // The worker threads stop after a minute without work (lsp/workspaceIndex.ts WORKERS_IDLE_MS).
  await new Promise((resolve) => setTimeout(resolve, 65_000));
  const idle = rssMegabytes(client.pid);
  await client.stop();

  console.log(`documents                         ${cold.documents}`);
  console.log(`Validate All, cold               ${(coldMs / 1000).toFixed(2)} s`);
  console.log(`Validate All, nothing changed    ${warmMs.toFixed(0)} ms`);
  console.log(`re-validation of a changed file  p50 ${percentile(changes, 50).toFixed(1)} ms, max ${Math.max(...changes).toFixed(1)} ms (target < 100 ms)`);
  console.log(`search (${searches.length} queries)          p50 ${percentile(searches, 50).toFixed(1)} ms, p95 ${percentile(searches, 95).toFixed(1)} ms (target p95 < 20 ms)`);
  console.log(`${`hover (${hovers.length} requests)`.padEnd(33)} p50 ${percentile(hovers, 50).toFixed(1)} ms, p95 ${percentile(hovers, 95).toFixed(1)} ms`);
  console.log(`${`completion after an edit (${completions.length})`.padEnd(33)} p50 ${percentile(completions, 50).toFixed(1)} ms, p95 ${percentile(completions, 95).toFixed(1)} ms`);
  console.log(`server memory (RSS)              ${rss.toFixed(0)} MB after the requests, ${peak.toFixed(0)} MB at its peak`);
  console.log(`server memory, a minute idle     ${idle.toFixed(0)} MB (target ≤ 300 MB)`);
}

void main();
