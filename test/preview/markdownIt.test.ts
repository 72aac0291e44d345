import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { blockAt, findDiagramBlocks } from '../../client/src/preview/fences';
import { diagramFences, type PlantUmlView } from '../../client/src/preview/markdownItPlugin';
import { diagramKind, diagramKindOfFile } from '../../client/src/preview/protocol';
import { markdownIt } from './markdownItHost';

const DOC = `# Failover

\`\`\`mermaid
graph TD
  A[Primary down] --> B{Replica healthy?}
  B -- "yes & <ready>" --> C[Promote]
\`\`\`

\`\`\`bash
kubectl get pods
\`\`\`

\`\`\`puml
Alice -> Bob : page
\`\`\`
`;

describe('markdown-it plugin', () => {
  it('turns a mermaid fence into a container holding its escaped source', () => {
    const html = diagramFences(markdownIt()).render(DOC);
    assert.match(html, /<div class="opsdocs-diagram opsdocs-mermaid"><pre class="opsdocs-diagram-source"><code class="language-mermaid">graph TD\n {2}A\[Primary down\] --&gt; B\{Replica healthy\?\}\n {2}B -- &quot;yes &amp; &lt;ready&gt;&quot; --&gt; C\[Promote\]\n<\/code><\/pre><\/div>/);
  });

  it('leaves other fences to the renderer it wraps', () => {
    const html = diagramFences(markdownIt()).render(DOC);
    assert.match(html, /<pre><code class="language-bash">kubectl get pods\n<\/code><\/pre>/);
    assert.match(html, /<code class="language-puml">/, 'no PlantUML host: a plain code block');
  });

  it('keeps the attributes the preview sets for scroll sync, without changing the token', () => {
    // VS Code applies contributed plugins first, then wraps `fence` to add `data-line` and `code-line`.
    const md = diagramFences(markdownIt());
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const token = tokens[idx] as unknown as { attrSet(name: string, value: string): void; attrJoin(name: string, value: string): void; map: number[] };
      token.attrSet('data-line', String(token.map[0]));
      token.attrJoin('class', 'code-line');
      return fence(tokens, idx, options, env, self);
    };
    const tokens = md.parse(DOC, {});
    const first = md.renderer.render(tokens, md.options, {});
    assert.match(first, /<div data-line="2" class="code-line opsdocs-diagram opsdocs-mermaid">/);
    assert.match(first, /<pre><code data-line="8" class="code-line language-bash">/);
    assert.equal(md.renderer.render(tokens, md.options, {}).includes('opsdocs-mermaid opsdocs-mermaid'), false);
  });

  it('asks the host about each PlantUML block, counting them from 0', () => {
    const asked: [string, number][] = [];
    const views: PlantUmlView[] = [
      { state: 'done', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>ok</text></svg>' },
      { state: 'error', message: 'Line 2: Syntax Error?' },
      { state: 'pending' },
      { state: 'pending', previous: '<svg/>' },
      { state: 'unavailable', reason: 'Set opsdocs.plantuml.server to the URL of your PlantUML server.' },
      { state: 'off' },
    ];
    const md = diagramFences(markdownIt(), { plantuml: (source, index) => (asked.push([source, index]), views[index]) });
    const html = md.render(views.map((_, i) => `\`\`\`plantuml\nA -> B : ${i}\n\`\`\`\n`).join('\n'));
    assert.deepEqual(asked.map(([, index]) => index), [0, 1, 2, 3, 4, 5]);
    assert.equal(asked[0][0], 'A -> B : 0\n');
    const blocks = html.split('\n').filter(Boolean);
    assert.match(blocks[0], /^<div class="opsdocs-diagram opsdocs-plantuml"><div class="opsdocs-diagram-output"><img alt="PlantUML diagram" src="data:image\/svg\+xml;base64,PHN2Zy/);
    assert.match(html, /<div class="opsdocs-diagram-output opsdocs-diagram-error" role="alert"><strong>PlantUML:<\/strong><pre>Line 2: Syntax Error\?<\/pre><\/div><pre class="opsdocs-diagram-source">/);
    assert.match(html, /<div class="opsdocs-diagram-pending">Rendering PlantUML…<\/div>/);
    assert.match(html, /<div class="opsdocs-diagram-output opsdocs-diagram-stale"><img alt="PlantUML diagram" src="data:image\/svg\+xml;base64,PHN2Zy8\+"><\/div>/);
    assert.match(html, /<div class="opsdocs-diagram-note">PlantUML not rendered: Set opsdocs.plantuml.server to the URL of your PlantUML server.<\/div>/);
    assert.match(html, /<pre><code class="language-plantuml">A -&gt; B : 5\n<\/code><\/pre>/, 'off: a plain code block');
  });
});

describe('fence languages', () => {
  it('knows mermaid, plantuml and puml, whatever follows the name', () => {
    assert.deepEqual(['mermaid', ' Mermaid {.wide}', 'plantuml', 'puml title', 'mermaidjs', 'bash', ''].map(diagramKind), ['mermaid', 'mermaid', 'plantuml', 'plantuml', undefined, undefined, undefined]);
    assert.deepEqual(['a.mmd', 'b.MERMAID', 'c.puml', 'd.plantuml', 'e.pu', 'f.md', 'puml'].map(diagramKindOfFile), ['mermaid', 'mermaid', 'plantuml', 'plantuml', 'plantuml', undefined, undefined]);
  });
});

describe('findDiagramBlocks', () => {
  it('finds diagram fences with their lines and text', () => {
    const blocks = findDiagramBlocks(DOC);
    assert.deepEqual(blocks, [
      { kind: 'mermaid', start: 2, end: 6, source: 'graph TD\n  A[Primary down] --> B{Replica healthy?}\n  B -- "yes & <ready>" --> C[Promote]\n' },
      { kind: 'plantuml', start: 12, end: 14, source: 'Alice -> Bob : page\n' },
    ]);
    assert.equal(blockAt(blocks, 4), blocks[0]);
    assert.equal(blockAt(blocks, 6), blocks[0]);
    assert.equal(blockAt(blocks, 8), undefined);
  });

  it('follows CommonMark fences: tildes, longer closers, a ``` inside ````, nesting in list items, CRLF', () => {
    const text = ['1. Step', '   ~~~mermaid', '   graph LR', '     A --> B', '   ~~~~', '', '````markdown', '```mermaid', 'not a diagram', '```', '````', '```mermaid', 'unclosed'].join('\r\n');
    assert.deepEqual(findDiagramBlocks(text), [
      { kind: 'mermaid', start: 1, end: 4, source: 'graph LR\n  A --> B\n' },
      { kind: 'mermaid', start: 11, end: 12, source: 'unclosed\n' },
    ]);
  });
});

describe('the extension host side', () => {
  it('carries no Mermaid: the plugin and the panel command bundle small', async () => {
    const result = await esbuild.build({
      entryPoints: ['client/src/preview/markdownIt.ts', 'client/src/preview/diagramPanel.ts'],
      absWorkingDir: path.join(__dirname, '..', '..'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules')), []);
    for (const file of result.outputFiles) assert.ok(file.contents.length < 40_000, `${path.basename(file.path)}: ${file.contents.length} bytes`);
  });
});
