/**
 * `opsdocs validate --fix` on real documentation (copies of ../shared/corpora, or
 * $OPSDOCS_CORPORA) changes nothing a person has to review: every code block's text, every review
 * and drill date, every link and definition destination stays byte for byte what it was; every
 * document still parses; and every finding a fix was applied for is gone afterwards. Each
 * collection runs twice: with the defaults, and with the config the precision benchmark describes
 * its conventions with (bench/corpora/<name>.opsdocs.yaml), so that typed documents' fixes run too.
 * A minute's work, so it runs in `npm run test:robustness` (which builds the CLI it needs and sets
 * OPSDOCS_CORPUS_FIX=1), not in `npm test`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMap, isPair, isScalar } from 'yaml';
import { visit } from 'unist-util-visit';
import { parseDocument, type OpsDocument } from '../../server/src/engine/document/parse';
import { codeBlocks } from '../../server/src/engine/document/codeBlocks';
import { findReviewDate } from '../../server/src/engine/review/review';
import { CLI, runCli } from '../helpers/cli';

const repo = path.join(__dirname, '..', '..');
/** $OPSDOCS_CORPORA, or the nearest shared/corpora beside the repository or one of its parent folders. */
function findCorpora(): string {
  if (process.env.OPSDOCS_CORPORA) return process.env.OPSDOCS_CORPORA;
  for (let dir = path.dirname(repo); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'corpora');
    if (fs.existsSync(candidate) || path.dirname(dir) === dir) return candidate;
  }
}
const corpora = findCorpora();
const collections = fs.existsSync(corpora) ? fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory()) : [];
const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
/** Front matter keys that record a review or a drill: a fix never writes them. */
const DATE_KEYS = ['last_reviewed', 'last_updated', 'last-reviewed', 'reviewed_by', 'last_tested', 'test_cycle', 'review_cycle'];

interface JsonDiagnostic {
  rule: string;
  message: string;
  fixes?: Array<{ kind: string; title: string }>;
}
interface JsonReport {
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
}

function markdownFiles(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(root, full));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push(path.relative(root, full));
  }
  return found.sort();
}

/** What a fix must leave as it was, read with the engine's own parser and date finders. */
function protectedParts(doc: OpsDocument) {
  const destinations: string[] = [];
  visit(doc.tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') destinations.push(`${node.type} ${(node as { url: string }).url}`);
  });
  const dates: string[] = [];
  const fm = doc.frontMatter;
  if (fm?.data && isMap(fm.yaml.contents)) {
    for (const pair of fm.yaml.contents.items) {
      if (isPair(pair) && isScalar(pair.key) && DATE_KEYS.includes(String(pair.key.value))) dates.push(`${String(pair.key.value)}: ${isScalar(pair.value) ? String(pair.value.source ?? pair.value.value) : String(pair.value)}`);
    }
  }
  const review = findReviewDate(doc);
  if (review) dates.push(`${review.source} ${review.label}: ${doc.text.slice(review.start, review.end)}`);
  // The engine reads the body only when front matter states no date: read the body alone too.
  const yamlEnd = doc.tree.children[0]?.type === 'yaml' ? doc.tree.children[0].position?.end.offset : undefined;
  if (yamlEnd !== undefined) {
    const body = parseDocument(doc.path, doc.text.slice(yamlEnd));
    const stated = findReviewDate(body);
    if (stated) dates.push(`body ${stated.label}: ${body.text.slice(stated.start, stated.end)}`);
  }
  return { code: codeBlocks(doc).map((block) => block.value), destinations, dates, frontMatter: fm?.data !== undefined };
}

/** Whether `now` is `was` less one character at its start or its end. */
function lessOneAtAnEnd(was: string | undefined, now: string): boolean {
  if (was === undefined || was.length !== now.length + 1) return false;
  const [kind, url] = [now.slice(0, now.indexOf(' ')), now.slice(now.indexOf(' ') + 1)];
  return was === `${kind} ${url}${was[was.length - 1]}` || was === `${kind} ${was[kind.length + 1]}${url}`;
}

function json(result: ReturnType<typeof runCli>, what: string): JsonReport {
  assert.ok(result.code === 0 || result.code === 1, `${what} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as JsonReport;
}

/** Per document, how many findings of each rule and message: a fix resolves its finding when the count drops. */
function tally(report: JsonReport, pick: (d: JsonDiagnostic) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (!pick(d)) continue;
      const key = `${file.path}\u0000${d.rule}\u0000${d.message}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const skip = process.env.OPSDOCS_CORPUS_FIX !== '1' ? 'runs in npm run test:robustness (OPSDOCS_CORPUS_FIX=1)' : collections.length === 0 && `no corpora at ${corpora}`;

describe('--fix on copies of real documentation collections', { skip }, () => {
  const made: string[] = [];
  for (const collection of collections) {
    for (const variant of ['defaults', 'benchmark config'] as const) {
      const config = path.join(repo, 'bench', 'corpora', `${collection}.opsdocs.yaml`);
      const skip = variant === 'benchmark config' && !fs.existsSync(config) && `no ${path.relative(repo, config)}`;
      it(`${collection} (${variant}): commands, dates and link targets unchanged; fixed findings gone`, { skip }, (t) => {
        assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build`);
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-corpus-fix-'));
        made.push(copy);
        fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
        if (variant === 'benchmark config') fs.copyFileSync(config, path.join(copy, '.opsdocs.yaml'));
        const files = markdownFiles(copy);
        const before = new Map(files.map((file) => [file, fs.readFileSync(path.join(copy, file), 'utf8')]));

        const checked = json(runCli(copy, 'validate', '--no-cache', '--format', 'json', '.'), 'validate');
        const fixed = json(runCli(copy, 'validate', '--no-cache', '--fix', '--format', 'json', '.'), 'validate --fix');

        let changed = 0;
        for (const file of files) {
          const original = before.get(file)!;
          const now = fs.readFileSync(path.join(copy, file), 'utf8');
          if (now === original) continue;
          changed++;
          let doc: OpsDocument;
          assert.doesNotThrow(() => (doc = parseDocument(path.join(copy, file), now)), `${file} no longer parses`);
          const was = protectedParts(parseDocument(path.join(copy, file), original));
          const is = protectedParts(doc!);
          assert.deepEqual(is.code, was.code, `--fix changed a code block of ${file}`);
          // The one fix that touches a destination: a link that led nowhere loses a stray character.
          const strayFixed = checked.files.find((f) => f.path === file)?.diagnostics.some((d) => d.rule === 'link-broken' && d.fixes?.some((f) => f.kind === 'fix')) ?? false;
          const destinations = is.destinations.map((now, i) => (strayFixed && lessOneAtAnEnd(was.destinations[i], now) ? was.destinations[i] : now));
          assert.deepEqual(destinations, was.destinations, `--fix changed a link destination of ${file}`);
          assert.deepEqual(is.dates, was.dates, `--fix changed a review or drill date of ${file}`);
          assert.equal(is.frontMatter, was.frontMatter, `--fix changed whether ${file}'s front matter parses`);
        }
        // Files that are not Markdown are never touched.
        for (const file of fs.readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
          const full = path.join(copy, file);
          if (MARKDOWN.test(file) || file === '.opsdocs.yaml' || !fs.statSync(full).isFile()) continue;
          assert.ok(fs.readFileSync(full).equals(fs.readFileSync(path.join(corpora, collection, file))), `--fix changed ${file}`);
        }

        const claimed = tally(checked, (d) => d.fixes?.some((f) => f.kind === 'fix') ?? false);
        const all = tally(checked);
        const after = tally(fixed);
        for (const [key, count] of claimed) {
          const left = after.get(key) ?? 0;
          assert.ok(left <= all.get(key)! - count, `a fix did not resolve ${key.split('\u0000').join(' | ')} (${count} fixed of ${all.get(key)}, ${left} left)`);
        }
        const fixable = [...tally(fixed, (d) => d.fixes?.some((f) => f.kind === 'fix') ?? false).keys()];
        assert.deepEqual(fixable, [], '--fix left findings it could fix');
        const fixedCount = [...claimed.values()].reduce((a, b) => a + b, 0);
        t.diagnostic(`${collection} (${variant}): ${files.length} documents, ${changed} changed by --fix, ${fixedCount} findings fixed`);
        fs.rmSync(copy, { recursive: true, force: true });
      });
    }
  }
  process.on('exit', () => {
    for (const copy of made) fs.rmSync(copy, { recursive: true, force: true });
  });
});
