/**
 * The Marketplace package: `vsce ls` and `vsce package` (as `npm run package` runs it) pass without
 * a warning, and the .vsix holds every file package.json points at (icon, walkthrough media,
 * grammar, snippets, schemas, preview scripts, the CLI the task runs).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchWorkspace } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function vsce(...args: string[]) {
  const result = spawnSync(process.execPath, [VSCE, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file path in package.json's manifest that VS Code or the Marketplace reads. */
function referencedFiles(): string[] {
  const c = manifest.contributes;
  const media = c.walkthroughs.flatMap((w: { steps: Array<{ media: Record<string, string> }> }) => w.steps.flatMap((s) => [s.media.image, s.media.markdown, s.media.svg]));
  return [
    manifest.main,
    manifest.icon,
    manifest.bin.opsdocs,
    ...media,
    ...c.snippets.map((s: { path: string }) => s.path),
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.jsonValidation.map((v: { url: string }) => v.url),
    ...c['markdown.previewScripts'],
    ...c['markdown.previewStyles'],
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ]
    .filter((file): file is string => typeof file === 'string')
    .map((file) => path.normalize(file));
}

describe('the .vsix', () => {
  it('vsce ls (as npm run package packs: --no-dependencies) lists every file the manifest names, without a warning', () => {
    const { code, stdout, stderr } = vsce('ls', '--no-dependencies');
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stdout + stderr, /warn/i);
    const listed = new Set(stdout.split('\n').filter(Boolean).map((file) => path.normalize(file)));
    for (const file of referencedFiles()) assert.ok(listed.has(file), `${file} is packaged`);
    assert.ok(![...listed].some((file) => file.endsWith('.svg')), 'no SVG: the Marketplace refuses them');
  });

  it('vsce package writes it without a warning', () => {
    const out = path.join(scratchWorkspace({}, 'opsdocs-vsix-'), 'opsdocs.vsix');
    const { code, stdout, stderr } = vsce('package', '--no-dependencies', '-o', out);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stdout + stderr, /warn/i);
    assert.ok(fs.statSync(out).size > 0);
  });

  it('has an icon of at least 128×128 pixels, a PNG', () => {
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && height >= 128 && width === height, `${width}×${height}`);
  });
});
