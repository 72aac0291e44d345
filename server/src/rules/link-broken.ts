import * as path from 'node:path';
import picomatch from 'picomatch';
import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import { localLinks, splitDestination } from '../engine/document/links';
import type { Rule, RuleContext } from '../engine/rule';

/** The id of the fix that drops a character pasted onto a path. */
const STRAY_CHARACTER = 'stray-character';

export const linkBroken: Rule = {
  id: 'link-broken',
  description: 'A relative link or image to a file that does not exist.',
  defaultSeverity: 'error',
  // A stray character is a fix: once it is gone the link lands on exactly one file, the one the
  // writer typed. A did-you-mean is only a guess at another name.
  fixes: { [DID_YOU_MEAN]: 'suggestion', [STRAY_CHARACTER]: 'fix' },
  check(context) {
    const { doc, fs, range, report } = context;
    const ignored = ignoredTargets(context);
    for (const link of localLinks(doc)) {
      const { file } = splitDestination(link.url);
      if (!file) continue;
      const target = resolveTarget(context, file);
      if (fs.stat(target) !== undefined || ignored(target) || isSitePage(context, file)) continue;
      const whole = doc.text.slice(link.start, link.end);
      const end = link.start + (/[?#]/.exec(whole)?.index ?? whole.length);
      const written = doc.text.slice(link.start, end);
      const stray = strayCharacter(context, file, written);
      if (stray) {
        report({
          message: `Link target "${file}" does not exist; did you mean "${stray.newText}"?`,
          range: range(link.start, end),
          fixes: [{ id: STRAY_CHARACTER, title: `Remove the stray "${stray.character}"`, edits: [{ range: range(link.start, end), newText: stray.newText }] }],
        });
        continue;
      }
      const suggestion = suggest(context, target, written);
      report({
        message: `Link target "${file}" does not exist${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        range: range(link.start, end),
        fixes: changeTo(range(link.start, end), suggestion),
      });
    }
  },
};

/** Punctuation that sticks to the end of a path typed in a sentence: `./setup.md.`, `docs/a.md,`, `a.md)`. */
const TRAILING_STRAY = '.,;:!?)]}>\'"`';
/** …and to its start: `("docs/a.md`, `` `a.md ``. Never `.`, which starts `./`, `../` and hidden folders. */
const LEADING_STRAY = '([{<\'"`';

/**
 * The written path less one stray character at its end or start, when that and only that makes
 * the link land on a file; undefined when no removal does, or when two would (which one was meant
 * is then a guess).
 */
function strayCharacter(context: RuleContext, file: string, written: string): { character: string; newText: string } | undefined {
  const candidates: Array<{ character: string; newText: string; target: string }> = [];
  const last = written[written.length - 1];
  if (written.length > 1 && TRAILING_STRAY.includes(last) && file.endsWith(last)) candidates.push({ character: last, newText: written.slice(0, -1), target: file.slice(0, -1) });
  const first = written[0];
  if (written.length > 1 && LEADING_STRAY.includes(first) && file.startsWith(first)) candidates.push({ character: first, newText: written.slice(1), target: file.slice(1) });
  const landing = candidates.filter((c) => c.target !== '' && context.fs.stat(resolveTarget(context, c.target)) === 'file');
  const files = new Set(landing.map((c) => resolveTarget(context, c.target)));
  return files.size === 1 ? landing[0] : undefined;
}

/**
 * Targets a build makes or a site serves (`ignore: ["docs/assets/**", "before/**"]`), as globs
 * relative to the workspace root.
 */
function ignoredTargets({ config, options }: RuleContext): (target: string) => boolean {
  const globs = Array.isArray(options.ignore) ? options.ignore.map(String) : [];
  if (globs.length === 0) return () => false;
  const matches = picomatch(globs, { dot: true });
  return (target) => {
    const relative = path.relative(config.root, target).split(path.sep).join('/');
    return matches(relative) || matches(`${relative}/`);
  };
}

/** `/x` is the workspace's (as on GitHub, the repository's) root; anything else the document's folder. */
export function resolveTarget({ doc, config }: RuleContext, file: string): string {
  return file.startsWith('/') ? path.join(config.root, file) : path.resolve(path.dirname(doc.path), file);
}

/**
 * `/before/different_roles/` (or `/docs/add-runbook`): the URL a static site (MkDocs, Hugo, Jekyll) serves a page at, when a
 * folder on the way from the document to the workspace root (the site's docs folder) holds the page
 * as `different_roles.md` or as a folder's `index.md`, `_index.md` or `README.md`.
 */
function isSitePage({ doc, config, fs }: RuleContext, file: string): boolean {
  const page = withoutSlashes(file);
  // A site path: from the root, and a page's name (`/before/roles/`, Hugo's `/docs/add-runbook`), not a file's.
  if (!file.startsWith('/') || page === '' || path.posix.extname(page) !== '') return false;
  for (let folder = path.dirname(doc.path); ; folder = path.dirname(folder)) {
    const candidates = [`${page}.md`, `${page}/index.md`, `${page}/_index.md`, `${page}/README.md`];
    if (candidates.some((candidate) => fs.stat(path.join(folder, candidate)) !== undefined)) return true;
    if (folder === config.root || path.dirname(folder) === folder || !folder.startsWith(config.root)) return false;
  }
}

/** The path without its leading and trailing slashes (by index: a `\/+$` regex backtracks on a run of them). */
function withoutSlashes(file: string): string {
  let start = 0;
  let end = file.length;
  while (file[start] === '/') start++;
  while (end > start && file[end - 1] === '/') end--;
  return file.slice(start, end);
}

/** The written path with its last segment replaced by the closest entry of its folder. */
function suggest({ fs }: RuleContext, target: string, written: string): string | undefined {
  const entries = fs.readDirectory(path.dirname(target));
  const match = entries && closest(path.basename(target), entries.filter((name) => !name.startsWith('.')));
  if (!match) return undefined;
  let trimmed = written;
  while (trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1) + encodeURI(match);
}
