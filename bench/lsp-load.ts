/**
 * Load: 1,000 edits a minute to one large document over a real LSP connection, for N minutes
 * (default 10). Prints, every 30 s, the server's memory, how many edits were sent and how many
 * diagnostic runs reached the client; at the end, whether the diagnostics converged to the last text.
 * Usage: node --import tsx bench/lsp-load.ts [minutes=10]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../test/helpers/lspClient';
import { largeRunbook, rssMegabytes } from './helpers';

const minutes = Number(process.argv[2] ?? 10);
const EDIT_INTERVAL_MS = 60;

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-load-'));
  const file = path.join(root, 'large.md');
  const base = largeRunbook(1500);
  const client = new LspClient();
  await client.initialize(root);
  await client.open(file, base);
  await client.diagnostics(file);
  console.log(`document: ${(base.length / 1024).toFixed(0)} KB; ${1000} edits a minute for ${minutes} min`);
  console.log('time    RSS MB   edits sent   diagnostic runs received');
  const started = Date.now();
  let edits = 0;
  let lastVersion = 1;
  let received = client.publishCount(file);
  const sample = () => console.log(`${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s  ${rssMegabytes(client.pid).toFixed(0).padStart(6)}   ${String(edits).padStart(10)}   ${String(client.publishCount(file) - received).padStart(10)}`);
  sample();
  const sampler = setInterval(sample, 30_000);
  while (Date.now() - started < minutes * 60_000) {
    edits++;
    // Typing at the end of a section: every edit changes the document, some add a placeholder.
    lastVersion = await client.change(file, base + `\nNote ${edits}${edits % 3 === 0 ? ' TODO: check' : ''}\n`);
    // Paced against the clock, so the rate holds whatever each send costs.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + edits * EDIT_INTERVAL_MS - Date.now())));
  }
  clearInterval(sampler);
  sample();
  const final = await client.diagnostics(file, (p) => p.version === lastVersion, 30_000);
  const expectTodo = edits % 3 === 0;
  const converged = final.some((d) => d.code === 'placeholder') === expectTodo;
  console.log(`converged to the last text (version ${lastVersion}): ${converged ? 'yes' : 'NO'}`);
  console.log(`diagnostic runs published: ${client.publishCount(file) - received} for ${edits} edits (stale runs dropped)`);
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
  if (!converged) process.exitCode = 1;
}

void main();
