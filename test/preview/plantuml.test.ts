import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagramText, encodePlantUml, findOnPath, PlantUmlService, renderPlantUml, resolveRenderer, type PlantUmlRenderer, type RendererSettings } from '../../client/src/preview/plantuml';
import { stubPlantUmlServer } from './stubServer';

const PLANTUML = findOnPath('plantuml');
/** On a developer machine without Debian's plantuml the local tests skip; in CI they must run. */
const noPlantUml = !PLANTUML && process.env.CI !== 'true' ? 'Debian plantuml is not installed (apt-get install plantuml)' : false;

const GOOD = 'Alice -> Bob : page the on-call\nBob --> Alice : ack\n';
const BAD = '@startuml\nAlice -> Bob : ok\nthis is not plantuml (\n@enduml\n';

function settings(values: Partial<Record<'renderer' | 'jar' | 'server', { globalValue?: string; workspaceValue?: string }>>, trusted = true): RendererSettings {
  return { renderer: values.renderer ?? {}, jar: values.jar ?? {}, server: values.server ?? {}, trusted };
}
const lastArg = (renderer: PlantUmlRenderer) => (renderer.kind === 'local' ? renderer.args.at(-1) : undefined);
const found = (names: string[]) => (name: string) => (names.includes(name) ? `/usr/bin/${name}` : undefined);

describe('resolveRenderer', () => {
  it('defaults to the local plantuml command when it exists, else stays off without a word', () => {
    assert.deepEqual(resolveRenderer(settings({}), found(['plantuml'])), { kind: 'local', command: '/usr/bin/plantuml', args: [] });
    assert.deepEqual(resolveRenderer(settings({}), found([])), { kind: 'off' });
  });

  it('says why when the user asked for local and there is none', () => {
    const renderer = resolveRenderer(settings({ renderer: { globalValue: 'local' } }), found([]));
    assert.equal(renderer.kind, 'off');
    assert.match((renderer as { reason: string }).reason, /install the `plantuml` package or set opsdocs.plantuml.jar/);
  });

  it('prefers java -jar with a configured jar', () => {
    assert.deepEqual(resolveRenderer(settings({ jar: { globalValue: '/opt/plantuml.jar' } }), found(['java', 'plantuml'])), {
      kind: 'local',
      command: '/usr/bin/java',
      args: ['-Djava.awt.headless=true', '-jar', '/opt/plantuml.jar'],
    });
  });

  it('ignores a jar from the workspace settings in Restricted Mode, but not the user’s', () => {
    const fromWorkspace = settings({ jar: { workspaceValue: '/repo/evil.jar' } }, false);
    assert.deepEqual(resolveRenderer(fromWorkspace, found(['java', 'plantuml'])), { kind: 'local', command: '/usr/bin/plantuml', args: [] });
    assert.deepEqual(resolveRenderer(fromWorkspace, found(['java'])), { kind: 'off' });
    const explicit = settings({ renderer: { globalValue: 'local' }, jar: { workspaceValue: '/repo/evil.jar' } }, false);
    assert.match((resolveRenderer(explicit, found(['java'])) as { reason: string }).reason, /not used in Restricted Mode/);
    const fromUser = settings({ jar: { globalValue: '/home/me/plantuml.jar', workspaceValue: '/repo/evil.jar' } }, false);
    assert.deepEqual(lastArg(resolveRenderer(fromUser, found(['java']))), '/home/me/plantuml.jar');
    const trusted = settings({ jar: { globalValue: '/home/me/plantuml.jar', workspaceValue: '/repo/team.jar' } }, true);
    assert.deepEqual(lastArg(resolveRenderer(trusted, found(['java']))), '/repo/team.jar');
  });

  it('uses a server only when one is configured: never a public default', () => {
    assert.deepEqual(resolveRenderer(settings({ renderer: { globalValue: 'server' }, server: { globalValue: 'http://127.0.0.1:8080/' } }), found([])), { kind: 'server', url: 'http://127.0.0.1:8080' });
    assert.match((resolveRenderer(settings({ renderer: { globalValue: 'server' } }), found(['plantuml'])) as { reason: string }).reason, /Set opsdocs.plantuml.server/);
    assert.match((resolveRenderer(settings({ renderer: { globalValue: 'server' }, server: { globalValue: 'file:///etc/passwd' } }), found([])) as { reason: string }).reason, /not an http\(s\) URL/);
    const untrusted = settings({ renderer: { workspaceValue: 'server' }, server: { workspaceValue: 'https://collector.example' } }, false);
    assert.match((resolveRenderer(untrusted, found(['plantuml'])) as { reason: string }).reason, /not used in Restricted Mode/);
  });

  it('turns off when asked', () => {
    assert.deepEqual(resolveRenderer(settings({ renderer: { workspaceValue: 'off' } }), found(['plantuml'])), { kind: 'off' });
  });
});

describe('PlantUML text', () => {
  it('encodes the way PlantUML servers decode (the documented example)', () => {
    assert.equal(encodePlantUml('Bob -> Alice : hello'), 'SyfFKj2rKt3CoKnELR1Io4ZDoSa70000');
  });

  it('wraps a block without @startuml, and leaves one with it alone', () => {
    assert.deepEqual(diagramText('A -> B'), { text: '@startuml\nA -> B\n@enduml\n', lineOffset: 1 });
    assert.deepEqual(diagramText('@startuml\nA -> B\n@enduml\n'), { text: '@startuml\nA -> B\n@enduml\n', lineOffset: 0 });
  });
});

describe('local rendering (Debian plantuml)', { skip: noPlantUml }, () => {
  const local: PlantUmlRenderer = { kind: 'local', command: PLANTUML ?? 'plantuml', args: [] };

  it('renders a good diagram to SVG', async () => {
    const result = await renderPlantUml(local, GOOD, { format: 'svg', timeoutMs: 30_000 });
    assert.ok(result.ok, !result.ok ? result.error : '');
    const svg = result.data.toString('utf8');
    assert.match(svg, /<svg[\s>]/);
    assert.match(svg, /page the on-call/);
  });

  it('renders PNG too', async () => {
    const result = await renderPlantUml(local, GOOD, { format: 'png', timeoutMs: 30_000 });
    assert.ok(result.ok);
    assert.deepEqual([...result.data.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });

  it('reports a bad diagram with PlantUML’s message and the line in the block', async () => {
    const result = await renderPlantUml(local, BAD, { format: 'svg', timeoutMs: 30_000 });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && { error: result.error, line: result.line }, { error: 'Syntax Error?\nSome diagram description contains errors', line: 3 });
    const unwrapped = await renderPlantUml(local, 'Alice -> Bob\nnonsense (\n', { format: 'svg', timeoutMs: 30_000 });
    assert.equal(!unwrapped.ok && unwrapped.line, 2);
  });

  it('sends nothing over the network, even to loopback (!includeurl)', async () => {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('Alice -> Bob : fetched\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await renderPlantUml(local, `@startuml\n!includeurl http://127.0.0.1:${port}/steal.iuml\nA -> B\n@enduml\n`, { format: 'svg', timeoutMs: 30_000 });
      assert.deepEqual(requests, []);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.error : '', /Cannot open URL/);
    } finally {
      server.close();
    }
  });

  it('caches by content: the same text renders once', async () => {
    const service = new PlantUmlService(local, { timeoutMs: 30_000 });
    assert.equal(service.peek(GOOD, 'svg'), undefined);
    const first = service.render(GOOD, 'svg');
    assert.equal(service.render(GOOD, 'svg'), first, 'a second request joins the running render');
    assert.ok(service.busy);
    const result = await first;
    assert.equal(service.peek(GOOD, 'svg'), result);
    assert.equal(service.busy, false);
    assert.equal(service.peek(`${GOOD}\n`, 'svg'), undefined);
  });
});

describe('time box', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-plantuml-'));
    fs.writeFileSync(path.join(dir, 'slow.js'), 'setTimeout(() => {}, 60_000);\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops a renderer that takes too long, and says so', async () => {
    const slow: PlantUmlRenderer = { kind: 'local', command: process.execPath, args: [path.join(dir, 'slow.js')] };
    const started = Date.now();
    const result = await renderPlantUml(slow, GOOD, { format: 'svg', timeoutMs: 300 });
    // Stopped, not waited for: the renderer would run a minute.
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(result, { ok: false, error: 'PlantUML did not finish within 0.3 s.', transient: true });
  });

  it('reports a renderer that cannot start', async () => {
    const missing: PlantUmlRenderer = { kind: 'local', command: path.join(dir, 'no-such-plantuml'), args: [] };
    const result = await renderPlantUml(missing, GOOD, { format: 'svg', timeoutMs: 5_000 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /^Could not run .*no-such-plantuml: spawn .* ENOENT/);
  });
});

describe('server rendering (stub server on 127.0.0.1)', () => {
  let stub: Awaited<ReturnType<typeof stubPlantUmlServer>>;
  let url: string;

  before(async () => {
    stub = await stubPlantUmlServer((_format, text, response) => {
      if (text.includes('slow')) return void setTimeout(() => response.end('<svg/>'), 2_000).unref();
      if (text.includes('crash')) return void response.writeHead(500, 'Internal Server Error').end();
      if (text.includes('bad')) {
        response.writeHead(400, { 'content-type': 'image/svg+xml', 'x-plantuml-diagram-error': 'Syntax Error?', 'x-plantuml-diagram-error-line': '2' });
        return void response.end('<svg>error picture</svg>');
      }
      response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(`<svg xmlns="http://www.w3.org/2000/svg"><text>${text.length}</text></svg>`);
    });
    url = stub.url;
  });
  after(() => stub.close());

  it('sends the encoded text and returns the SVG', async () => {
    const result = await renderPlantUml({ kind: 'server', url }, 'A -> B', { format: 'svg', timeoutMs: 5_000 });
    assert.ok(result.ok);
    assert.match(result.data.toString(), /^<svg/);
    assert.equal(stub.seen.at(-1), 'svg @startuml\nA -> B\n@enduml\n');
  });

  it('turns the error headers into the message and the line of the block', async () => {
    const result = await renderPlantUml({ kind: 'server', url }, 'A -> B\nbad line\n', { format: 'svg', timeoutMs: 5_000 });
    assert.deepEqual(result, { ok: false, error: 'Syntax Error?', line: 2 });
  });

  it('reports a failing or silent server', async () => {
    assert.deepEqual(await renderPlantUml({ kind: 'server', url }, 'crash', { format: 'svg', timeoutMs: 5_000 }), { ok: false, error: 'The PlantUML server answered 500 Internal Server Error', transient: true });
    assert.deepEqual(await renderPlantUml({ kind: 'server', url }, 'slow', { format: 'svg', timeoutMs: 200 }), { ok: false, error: 'The PlantUML server did not answer within 0.2 s.', transient: true });
  });

  it('keeps a transient failure only for a while, a syntax error until the text changes', async () => {
    const service = new PlantUmlService({ kind: 'server', url }, { timeoutMs: 5_000, retryAfterMs: 0 });
    await service.render('crash', 'svg');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(service.peek('crash', 'svg'), undefined);
    await service.render('bad', 'svg');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(service.peek('bad', 'svg')?.ok, false);
  });
});
