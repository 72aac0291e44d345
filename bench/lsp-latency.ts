/**
 * Latency of the language server on one large runbook (about 5,000 lines, 550 bash blocks) over a
 * real LSP connection: first diagnostics after didOpen (and all of them, with ShellCheck's), diagnostics after each keystroke (less the
 * 200 ms typing delay), and hover and completion while the document is being checked. Printed
 * against the targets: no peer server checks runbooks (markdownlint-cli2 has none).
 * Usage: npm run build && node --import tsx bench/lsp-latency.ts [keystrokes=40]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { LspClient, uri } from '../test/helpers/lspClient';
import { largeRunbook, median, percentile, requireBuild, rssMegabytes } from './helpers';

const KEYSTROKES = Number(process.argv[2] ?? 40);
/** The server's typing delay (server/src/lsp/server.ts DEBOUNCE_MS). */
const DEBOUNCE_MS = 200;
const OPENS = 3;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (value: number, target: number) => (value <= target ? 'yes' : 'NO');

/**
 * The first diagnostics (the in-process rules' findings, published before ShellCheck, PlantUML and
 * git run) and all of them (the check's second publication).
 */
async function firstDiagnostics(root: string, file: string, text: string): Promise<{ ms: number; allMs: number; client: LspClient }> {
  const client = new LspClient();
  await client.initialize(root);
  const started = performance.now();
  await client.open(file, text);
  await client.diagnostics(file, (p) => p.version === 1, 60_000);
  const first = performance.now() - started;
  await client.diagnostics(file, () => client.publishCount(file) >= 2, 60_000);
  return { ms: first, allMs: performance.now() - started, client };
}

async function main(): Promise<void> {
  requireBuild();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-latency-'));
  const file = path.join(root, 'large.md');
  const text = largeRunbook(550, true);
  const lines = text.split('\n');
  fs.writeFileSync(file, text);
  console.log(`document: ${lines.length} lines, ${(text.match(/^```bash$/gm) ?? []).length} bash blocks, ${(text.length / 1024).toFixed(0)} KB`);
  console.log(`${os.cpus().length} cores; ${execFileSync('uptime', { encoding: 'utf8' }).trim()}\n`);

  // Each open on a fresh server: what a user waits for after opening the runbook.
  const opens: number[] = [];
  const complete: number[] = [];
  let client: LspClient | undefined;
  for (let i = 0; i < OPENS; i++) {
    await client?.stop();
    const opened = await firstDiagnostics(root, file, text);
    opens.push(opened.ms);
    complete.push(opened.allMs);
    client = opened.client;
  }
  const server = client!;

  // Keystrokes: one character typed into a prose line, then the diagnostics of that version.
  const line = lines.findIndex((l) => l.startsWith('Run the step 275'));
  let version = 1;
  let typed = 0;
  const type = async () => {
    version++;
    const character = lines[line].length + typed++;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    return version;
  };
  const afterKeystroke: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const started = performance.now();
    const sent = await type();
    await server.diagnostics(file, (p) => p.version === sent, 60_000);
    afterKeystroke.push(performance.now() - started - DEBOUNCE_MS);
  }

  // Requests while the document is being checked: a keystroke, the typing delay, then hover and completion.
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const sent = await type();
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 5));
    const at = 8 + ((i * 97) % (lines.length - 16));
    let started = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: at, character: 2 } });
    hovers.push(performance.now() - started);
    started = performance.now();
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(file) }, position: { line: at, character: 0 } });
    completions.push(performance.now() - started);
    await server.diagnostics(file, (p) => p.version === sent, 60_000);
  }
  const rss = rssMegabytes(server.pid);
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });

  console.log('measure                                        figure                          target      met');
  const row = (name: string, figure: string, target: string, met: string) => console.log(`${name.padEnd(52)}${figure.padEnd(32)}${target.padEnd(12)}${met}`);
  row(`first diagnostics after didOpen (${OPENS} servers)`, `median ${ms(median(opens))}, max ${ms(Math.max(...opens))}`, '≤ 300 ms', verdict(median(opens), 300));
  row(`  all of them, ShellCheck's included (${OPENS})`, `median ${ms(median(complete))}, max ${ms(Math.max(...complete))}`, '', '');
  row(`diagnostics after a keystroke, less ${DEBOUNCE_MS} ms (${KEYSTROKES})`, `p50 ${ms(percentile(afterKeystroke, 50))}, p95 ${ms(percentile(afterKeystroke, 95))}`, 'p95 ≤ 50 ms', verdict(percentile(afterKeystroke, 95), 50));
  row(`hover while checking (${KEYSTROKES})`, `p50 ${ms(percentile(hovers, 50))}, p95 ${ms(percentile(hovers, 95))}`, 'p95 ≤ 20 ms', verdict(percentile(hovers, 95), 20));
  row(`completion while checking (${KEYSTROKES})`, `p50 ${ms(percentile(completions, 50))}, p95 ${ms(percentile(completions, 95))}`, 'p95 ≤ 20 ms', verdict(percentile(completions, 95), 20));
  row('server memory (RSS) with the document open', `${rss.toFixed(0)} MB`, '', '');
}

void main();
