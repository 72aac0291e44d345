/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview as VS Code shows it: the real markdown-it plugin renders a runbook, the page carries
 * the built-in preview's strict Content-Security-Policy and loads the freshly built dist/preview.js
 * the way VS Code does (async, by nonce), and headless Chromium (Debian's) runs it. No request may
 * leave 127.0.0.1 and no CSP violation may happen.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { diagramFences, type PlantUmlView } from '../../client/src/preview/markdownItPlugin';
import { panelHtml } from '../../client/src/preview/panelHtml';
import { describeError, findOnPath, PlantUmlService } from '../../client/src/preview/plantuml';
import type { ToPanel } from '../../client/src/preview/protocol';
import { markdownIt } from './markdownItHost';

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const noChromium = !fs.existsSync(CHROMIUM) && process.env.CI !== 'true' ? 'Debian chromium is not installed (apt-get install chromium)' : false;
const PLANTUML = findOnPath('plantuml');
const NONCE = 'dGVzdC1ub25jZQ==';

const RUNBOOK = `# Database failover

\`\`\`mermaid
flowchart TD
  A[Primary down] --> B{Replica healthy?}
  B -- yes --> C[Promote replica]
  B -- no --> D[Page the DBA]
\`\`\`

\`\`\`mermaid
sequenceDiagram
  Alertmanager->>On-call: page
  On-call-->>Alertmanager: ack
\`\`\`

\`\`\`mermaid
flowchart TD
  A[Primary down] -->
\`\`\`

\`\`\`plantuml
Alice -> Bob : promote
\`\`\`

\`\`\`plantuml
@startuml
Alice -> Bob : ok
this is not plantuml (
@enduml
\`\`\`
`;

/** The built-in preview's page for a body, with its Strict security level's policy. */
function previewPage(body: string, theme = 'vscode-light'): string {
  const csp = `default-src 'none'; img-src 'self' https: data:; media-src 'self' https: data:; script-src 'nonce-${NONCE}'; style-src 'self' 'unsafe-inline' https: data:; font-src 'self' https: data:;`;
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-type" content="text/html;charset=UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="stylesheet" type="text/css" href="/preview.css"></head>
<body class="vscode-body ${theme}"><div class="markdown-body" dir="auto">${body}</div>
<script async src="/preview.js" nonce="${NONCE}" charset="UTF-8"></script></body></html>`;
}

/** markdown-it as VS Code sets it up: contributed plugins first, then its `data-line` wrapper. */
async function renderRunbook(text: string): Promise<string> {
  const plantuml = PLANTUML ? new PlantUmlService({ kind: 'local', command: PLANTUML, args: [] }, { timeoutMs: 30_000 }) : undefined;
  const view = (source: string): PlantUmlView => {
    const result = plantuml?.peek(source, 'svg');
    if (!result) return { state: 'pending' };
    return result.ok ? { state: 'done', svg: result.data.toString('utf8') } : { state: 'error', message: describeError(result) };
  };
  const md = diagramFences(markdownIt(), { plantuml: view });
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as unknown as { attrSet(name: string, value: string): void; attrJoin(name: string, value: string): void; map: number[] };
    token.attrSet('data-line', String(token.map[0]));
    token.attrJoin('class', 'code-line');
    return fence(tokens, idx, options, env, self);
  };
  if (plantuml) {
    // The extension renders on a first pass and refreshes the preview: render ahead here.
    const sources = [...text.matchAll(/```plantuml\n([\s\S]*?)```/g)].map((m) => m[1]);
    await Promise.all(sources.map((source) => plantuml.render(source, 'svg')));
  }
  return md.render(text);
}

describe('diagrams in headless Chromium', { skip: noChromium }, () => {
  let dir: string;
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  const pages = new Map<string, string>();
  const served: string[] = [];
  let bundleBytes = 0;
  let mermaidBytes = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-preview-'));
    const { previewBuilds } = (await import(pathToFileURL(path.join(ROOT, 'client/src/preview/bundle.mjs')).href)) as { previewBuilds: esbuild.BuildOptions[] };
    await Promise.all(previewBuilds.map((options) => esbuild.build({ ...options, absWorkingDir: ROOT, outfile: path.join(dir, path.basename(options.outfile!)) })));
    bundleBytes = fs.statSync(path.join(dir, 'preview.js')).size;
    mermaidBytes = fs.statSync(path.join(dir, 'mermaid.js')).size;
    server = http.createServer((request, response) => {
      const url = request.url ?? '/';
      const page = pages.get(url);
      if (page !== undefined) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      const file = path.join(dir, path.basename(url));
      if (!/^\/(preview\.js|preview\.css|mermaid\.js)$/.test(url) || !fs.existsSync(file)) return void response.writeHead(404).end();
      served.push(url);
      response.writeHead(200, { 'content-type': url.endsWith('.js') ? 'text/javascript' : 'text/css' }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records every request leaving 127.0.0.1 (and blocks it), CSP violations and script errors. */
  async function open(route: string, html: string, init?: string): Promise<{ page: Page; offsite: string[]; problems: string[] }> {
    pages.set(route, html);
    const page = await browser.newPage();
    const offsite: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (request) => (request.request().url().startsWith(origin) || request.request().url().startsWith('data:') ? request.continue() : (offsite.push(request.request().url()), request.abort())));
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));${init ?? ''}`);
    await page.goto(origin + route);
    return { page, offsite, problems };
  }

  it('renders good Mermaid diagrams as SVG and a bad one as Mermaid’s error, offline, within the policy', async (t) => {
    const { page, offsite, problems } = await open('/runbook.html', previewPage(await renderRunbook(RUNBOOK)));
    const rendered = await page.waitForFunction(() => document.querySelectorAll('.opsdocs-mermaid > .opsdocs-diagram-output').length === 3 && performance.now(), undefined, { timeout: 30_000 });
    const [script] = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/preview.js')).map((e) => (e as PerformanceResourceTiming).responseEnd));
    const elapsed = Math.round((await rendered.jsonValue()) as number);
    const blocks = await page.$$eval('.opsdocs-mermaid', (els) =>
      els.map((el) => ({
        line: el.getAttribute('data-line'),
        svg: el.querySelector(':scope > .opsdocs-diagram-output > svg') !== null,
        labels: el.querySelector('svg')?.textContent ?? '',
        error: el.querySelector('.opsdocs-diagram-error pre')?.textContent ?? '',
        sourceShown: getComputedStyle(el.querySelector('.opsdocs-diagram-source')!).display !== 'none',
      })),
    );
    assert.deepEqual(blocks.map((b) => [b.line, b.svg, b.sourceShown]), [['2', true, false], ['9', true, false], ['15', false, true]]);
    assert.match(blocks[0].labels, /Promote\s*replica/, 'Mermaid may wrap a label into lines without a space');
    assert.match(blocks[1].labels, /Alertmanager/);
    assert.match(blocks[2].error, /^Parse error on line \d+:\n.*\n-+\^\nExpecting /);
    assert.deepEqual(offsite, []);
    assert.deepEqual(problems, []);
    t.diagnostic(`preview.js ${(bundleBytes / 1024).toFixed(0)} KB, mermaid.js ${(mermaidBytes / 1024 / 1024).toFixed(2)} MB; after navigation: preview.js loaded ${Math.round(script)} ms, three Mermaid blocks rendered ${elapsed} ms`);
    await page.close();
  });

  it('puts an unchanged diagram back in the same task when the preview replaces its DOM, and keeps the old picture while a changed one renders', async (t) => {
    const { page, problems } = await open('/update.html', previewPage(await renderRunbook(RUNBOOK.split('```mermaid\nsequenceDiagram')[0])));
    await page.waitForSelector('.opsdocs-mermaid > .opsdocs-diagram-output > svg', { timeout: 30_000 });
    // What VS Code's morphdom does to a block it finds changed: our picture goes, its text stays.
    const sameTask = await page.evaluate(() => {
      const block = document.querySelector('.opsdocs-mermaid')!;
      block.querySelector('.opsdocs-diagram-output')!.remove();
      window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
      return block.querySelector(':scope > .opsdocs-diagram-output > svg') !== null && !block.querySelector('.opsdocs-diagram-stale');
    });
    assert.equal(sameTask, true, 'the cached picture is back before the page can paint');
    const edited = await page.evaluate(() => {
      const block = document.querySelector('.opsdocs-mermaid')!;
      block.querySelector('.opsdocs-diagram-output')!.remove();
      block.querySelector('code')!.textContent = 'flowchart TD\n  A[Primary down] --> E[Fail over to the other region]\n';
      window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
      return { stale: block.querySelector(':scope > .opsdocs-diagram-stale > svg') !== null, started: performance.now() };
    });
    assert.equal(edited.stale, true, 'the previous picture stays, dimmed, while the new text renders');
    const renderMs = await page.evaluate(async (started) => {
      while (!document.querySelector('.opsdocs-mermaid > .opsdocs-diagram-output:not(.opsdocs-diagram-stale) > svg')) await new Promise((resolve) => setTimeout(resolve, 5));
      return performance.now() - started;
    }, edited.started);
    assert.match((await page.textContent('.opsdocs-mermaid svg')) ?? '', /Fail over to the\s*other region/);
    assert.deepEqual(problems, []);
    t.diagnostic(`re-render of an edited flowchart: ${Math.round(renderMs)} ms`);
    await page.close();
  });

  it('loads Mermaid only for a page with a diagram it has not drawn, and puts diagrams back at once after a reload', async (t) => {
    const before = served.length;
    const plain = await open('/plain.html', previewPage(await renderRunbook('# Restart the workers\n\n```bash\nsystemctl restart workers\n```\n')));
    await plain.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/preview.js')));
    await plain.page.waitForTimeout(300);
    assert.deepEqual(served.slice(before).filter((url) => url === '/mermaid.js'), [], 'no Mermaid for a page without diagrams');
    await plain.page.close();

    const { page, problems } = await open('/reload.html', previewPage(await renderRunbook('```mermaid\nflowchart LR\n  Page --> Ack --> Mitigate\n```\n')));
    await page.waitForSelector('.opsdocs-mermaid > .opsdocs-diagram-output svg', { timeout: 30_000 });
    // What markdown.preview.refresh does (after a PlantUML render): the same webview loads the page again.
    const reloadedAt = served.length;
    await page.reload();
    const back = await page.waitForFunction(() => document.querySelector('.opsdocs-mermaid > .opsdocs-diagram-output svg') && performance.now(), undefined, { timeout: 30_000 });
    assert.deepEqual(served.slice(reloadedAt).filter((url) => url === '/mermaid.js'), [], 'drawn from the remembered picture, without loading Mermaid');
    assert.deepEqual(problems, []);
    t.diagnostic(`after a reload the diagram is back ${Math.round((await back.jsonValue()) as number)} ms after navigation`);
    await page.close();
  });

  it('follows the editor’s theme: dark when VS Code says so, light again from the cache', async () => {
    const body = await renderRunbook('```mermaid\nflowchart LR\n  A --> B\n```\n');
    const { page, problems } = await open('/theme.html', previewPage(body, 'vscode-dark'));
    await page.waitForSelector('.opsdocs-mermaid svg', { timeout: 30_000 });
    const dark = await page.$eval('.opsdocs-mermaid svg', (svg) => svg.outerHTML);
    await page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-light'));
    await page.waitForFunction((old) => document.querySelector('.opsdocs-mermaid > .opsdocs-diagram-output:not(.opsdocs-diagram-stale) svg')?.outerHTML !== old, dark, { timeout: 30_000 });
    const light = await page.$eval('.opsdocs-mermaid svg', (svg) => svg.outerHTML);
    assert.notEqual(light, dark);
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    assert.equal(await page.$eval('.opsdocs-mermaid svg', (svg) => svg.outerHTML), dark, 'back to dark at once, from the cache');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps Mermaid strict whatever the document says: no script, no handler, no javascript: link', async () => {
    const hostile = '```mermaid\n%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%\nflowchart LR\n  A[Runbook] --> B["<img src=x onerror=alert(1)>"]\n  click A href "javascript:alert(2)"\n  click B call alert(3)\n```\n';
    const { page, offsite, problems } = await open('/strict.html', previewPage(await renderRunbook(hostile)));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.waitForSelector('.opsdocs-mermaid > .opsdocs-diagram-output', { timeout: 30_000 });
    const output = await page.$eval('.opsdocs-mermaid > .opsdocs-diagram-output', (el) => ({
      html: el.innerHTML,
      handlers: [...el.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    }));
    await page.click('.opsdocs-mermaid svg', { force: true }).catch(() => undefined);
    assert.match(output.html, /^<svg/, 'drawn, not refused');
    assert.deepEqual(output.handlers, []);
    assert.doesNotMatch(output.html, /javascript:/i);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(offsite, []);
    // Newer Chromium reports the policy refusing the label's `onerror` while Mermaid measures it:
    // the attack was blocked (no dialog, no handler left), which is what the policy is for.
    assert.deepEqual(problems.filter((problem) => problem !== 'csp: script-src-attr inline'), []);
    await page.close();
  });

  it('shows PlantUML pictures and PlantUML’s error in place', { skip: PLANTUML ? false : 'Debian plantuml is not installed' }, async () => {
    const { page, problems } = await open('/plantuml.html', previewPage(await renderRunbook(RUNBOOK)));
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.opsdocs-plantuml img')].every((img) => img.complete), undefined, { timeout: 10_000 });
    const images = await page.$$eval('.opsdocs-plantuml img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    assert.equal(images.length, 1);
    assert.ok(images[0] > 0);
    assert.match((await page.textContent('.opsdocs-plantuml .opsdocs-diagram-error')) ?? '', /PlantUML:Line 3: Syntax Error\?/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the diagram panel renders what the extension sends and exports SVG and PNG, under its own policy', async () => {
    const html = panelHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css` }).replace('<body ', '<body class="vscode-light" ');
    const stub = `window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });`;
    const { page, offsite, problems } = await open('/panel.html', html, stub);
    await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length === 1);
    const send = (message: ToPanel) => page.evaluate((m) => window.postMessage(m, '*'), message);
    const posted = () => page.evaluate(() => (window as unknown as { posted: { type: string; format?: string; data?: string; message?: string }[] }).posted);

    await send({ type: 'show', kind: 'mermaid', title: 'failover.md: diagram 1 (line 3)', source: 'flowchart TD\n  A[Primary down] --> B[Promote]\n' });
    await page.waitForSelector('#opsdocs-view svg', { timeout: 30_000 });
    assert.equal(await page.textContent('#opsdocs-title'), 'failover.md: diagram 1 (line 3)');
    await page.click('#opsdocs-export-svg');
    await page.click('#opsdocs-export-png');
    await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length === 3);
    const [, svg, png] = await posted();
    assert.equal(svg.format, 'svg');
    assert.match(svg.data ?? '', /^<svg[^>]*>[\s\S]*Promote[\s\S]*<\/svg>$/);
    assert.equal(png.format, 'png', png.message);
    const bytes = Buffer.from(png.data ?? '', 'base64');
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.ok(bytes.readUInt32BE(16) > 100, 'PNG drawn at twice the diagram’s size');

    await send({ type: 'show', kind: 'mermaid', title: 'broken.mmd', source: 'sequenceDiagram\n  Alertmanager->>On-call page\n' });
    await page.waitForSelector('#opsdocs-view .opsdocs-diagram-error', { timeout: 30_000 });
    assert.match((await page.textContent('#opsdocs-view .opsdocs-diagram-error')) ?? '', /^Mermaid:Parse error on line 2:[\s\S]*Expecting 'TXT', got 'NEWLINE'$/);
    assert.equal(await page.isDisabled('#opsdocs-export-png'), true);

    await send({ type: 'show', kind: 'plantuml', title: 'flow.puml', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><text x="5" y="20">Alice</text></svg>' });
    await page.waitForFunction(() => (document.querySelector('#opsdocs-view img') as HTMLImageElement | null)?.complete);
    await page.click('#opsdocs-export-png');
    await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length === 4);
    assert.equal((await posted())[3].format, 'png');

    await send({ type: 'show', kind: 'plantuml', title: 'flow.puml', error: 'Line 2: Syntax Error?' });
    await page.waitForSelector('#opsdocs-view .opsdocs-diagram-error');
    assert.equal(await page.textContent('#opsdocs-view .opsdocs-diagram-error pre'), 'Line 2: Syntax Error?');
    assert.deepEqual(offsite, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
