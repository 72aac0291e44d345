import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PlantUmlService, type PlantUmlRenderer } from '../../client/src/preview/plantuml';
import { PlantUmlPreview } from '../../client/src/preview/plantumlPreview';
import { stubPlantUmlServer } from './stubServer';

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PlantUML in the Markdown preview', () => {
  let stub: Awaited<ReturnType<typeof stubPlantUmlServer>>;
  let renderer: PlantUmlRenderer;

  before(async () => {
    stub = await stubPlantUmlServer((_format, text, response) => {
      if (text.includes('bad')) return void response.writeHead(400, { 'x-plantuml-diagram-error': 'Syntax Error?', 'x-plantuml-diagram-error-line': '1' }).end();
      setTimeout(() => response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(`<svg xmlns="http://www.w3.org/2000/svg"><text>${text.split('\n')[1]}</text></svg>`), 20).unref();
    });
    renderer = { kind: 'server', url: stub.url };
  });
  after(() => stub.close());

  function preview(service = new PlantUmlService(renderer, { timeoutMs: 5_000 })) {
    const refreshes: number[] = [];
    const plantuml = new PlantUmlPreview({ service: () => service, refresh: () => refreshes.push(Date.now()), document: () => ({ key: 'file:///runbook.md' }) });
    return { plantuml, refreshes, service };
  }

  it('shows a placeholder, renders once, refreshes the preview once, then shows the picture', async () => {
    const { plantuml, refreshes } = preview();
    const before = stub.seen.length;
    assert.deepEqual(plantuml.view('A -> B : once\n', 0, {}), { state: 'pending', previous: undefined });
    assert.deepEqual(plantuml.view('A -> B : once\n', 0, {}), { state: 'pending', previous: undefined }, 'asked again while it renders');
    await settle();
    assert.equal(stub.seen.length - before, 1);
    assert.equal(refreshes.length, 1);
    assert.deepEqual(plantuml.view('A -> B : once\n', 0, {}), { state: 'done', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>A -> B : once</text></svg>' });
    await settle();
    assert.equal(refreshes.length, 1, 'a cached answer asks for no refresh');
  });

  it('waits for every render of a pass, then refreshes once', async () => {
    const { plantuml, refreshes } = preview();
    const texts = ['A -> B : one\n', 'A -> B : two\n', 'A -> B : three\n'];
    texts.forEach((text, i) => plantuml.view(text, i, {}));
    await settle(250);
    assert.equal(refreshes.length, 1);
    assert.deepEqual(texts.map((text, i) => plantuml.view(text, i, {}).state), ['done', 'done', 'done']);
  });

  it('keeps the previous picture of a block while its new text renders', async () => {
    const { plantuml } = preview();
    plantuml.view('A -> B : v1\n', 0, {});
    await settle();
    const first = plantuml.view('A -> B : v1\n', 0, {});
    assert.equal(first.state, 'done');
    assert.deepEqual(plantuml.view('A -> B : v2\n', 0, {}), { state: 'pending', previous: first.state === 'done' ? first.svg : '' });
    assert.deepEqual(plantuml.view('C -> D\n', 1, {}), { state: 'pending', previous: undefined }, 'another block has no previous picture');
  });

  it('needs no refresh when an edit re-rendered the preview before the result came', async () => {
    const { plantuml, refreshes, service } = preview();
    plantuml.view('A -> B : typed\n', 0, {});
    await service.render('A -> B : typed\n', 'svg');
    assert.equal(plantuml.view('A -> B : typed\n', 0, {}).state, 'done', 'the next keystroke’s render found it');
    await settle();
    assert.equal(refreshes.length, 0);
  });

  it('shows the renderer’s error in place, after one refresh', async () => {
    const { plantuml, refreshes } = preview();
    plantuml.view('this is bad\n', 0, {});
    await settle();
    assert.deepEqual(plantuml.view('this is bad\n', 0, {}), { state: 'error', message: 'Line 1: Syntax Error?' });
    assert.equal(refreshes.length, 1);
    const down = preview(new PlantUmlService({ kind: 'server', url: 'http://127.0.0.1:9' }, { timeoutMs: 2_000 }));
    down.plantuml.view('A -> B', 0, {});
    await settle(400);
    const view = down.plantuml.view('A -> B', 0, {});
    assert.match(view.state === 'error' ? view.message : '', /^Could not reach the PlantUML server at http:\/\/127\.0\.0\.1:9: /);
  });

  it('leaves blocks as code when rendering is off, and says why when the user asked for what is missing', () => {
    assert.deepEqual(preview(new PlantUmlService({ kind: 'off' })).plantuml.view('A -> B', 0, {}), { state: 'off' });
    assert.deepEqual(preview(new PlantUmlService({ kind: 'off', reason: 'Set opsdocs.plantuml.server.' })).plantuml.view('A -> B', 0, {}), { state: 'unavailable', reason: 'Set opsdocs.plantuml.server.' });
  });
});
