import * as path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { OpsDocsConfig, SlugStyle } from '../config/config';
import type { FileSystem } from '../fileSystem';

/**
 * Heading ids as each host makes them. GitHub's come from github-slugger, GitHub's own algorithm
 * kept as a package. No package reproduces the others faithfully (anchor-markdown-header's GitLab
 * mode trims hyphens GitLab keeps), so each is written here from its host's source:
 * - GitLab before 17.0 (Banzai TableOfContentsFilter): lower case, drop all but word characters,
 *   hyphens and spaces, spaces to hyphens, runs of hyphens squeezed to one, a digits-only id
 *   prefixed `anchor-`, repeats `-1`, `-2`. Since 17.0 (comrak's header_ids) as GitHub, without the
 *   squeeze. Both are accepted: a collection's links were written under either.
 * - MkDocs (Python-Markdown's toc `slugify`): accents folded to ASCII, other non-ASCII dropped,
 *   punctuation dropped, runs of blanks and hyphens made one hyphen; repeats `_1`, `_2`.
 * - Hugo (goldmark `autoHeadingIDType`): `github` (the default: letters, digits and `_` kept,
 *   blanks and hyphens to hyphens, the rest dropped), `github-ascii` (the same, ASCII only), or
 *   `blackfriday` (runs of other characters make one hyphen, none at the ends); repeats `-1`, `-2`.
 * With the host unknown, GitHub's ids and the squeezed form that GitLab, MkDocs and Blackfriday
 * share are both accepted, and GitHub's are proposed.
 */
export type SlugFlavour = SlugStyle | 'mkdocs-custom' | 'hugo-github-ascii' | 'hugo-blackfriday' | 'unknown';

/** Gives each heading of one document its ids, the host's own first; later ids may be alternatives. */
export type Slugger = (title: string) => string[];

export function newSlugger(flavour: SlugFlavour): Slugger {
  switch (flavour) {
    case 'github': {
      const github = new GithubSlugger();
      return (title) => [github.slug(title)];
    }
    case 'gitlab': {
      const current = repeats('-', (t) => t.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-'));
      const legacy = gitlabLegacy();
      return (title) => [current(title)[0], legacy(title)];
    }
    case 'mkdocs':
      return pythonMarkdownSlugger();
    case 'mkdocs-custom': {
      // A custom toc slugify (pymdownx.slugs and the like) is not known: accept both common forms.
      const github = new GithubSlugger();
      const python = pythonMarkdownSlugger();
      return (title) => [...python(title), github.slug(title)];
    }
    case 'hugo':
      return repeats('-', hugoGithub, 'heading');
    case 'hugo-github-ascii':
      return repeats('-', (t) => hugoGithub(removeAccents(t)).replace(/[^\x00-\x7f]/g, ''), 'heading');
    case 'hugo-blackfriday':
      return repeats('-', blackfriday, 'heading');
    case 'unknown': {
      const github = new GithubSlugger();
      return (title) => {
        const id = github.slug(title);
        const squeezed = squeezedSlug(title);
        return squeezed === id ? [id] : [id, squeezed];
      };
    }
  }
}

/** A slug function with a host's way of telling repeated headings apart (`-1` or `_1` from the second on). */
function repeats(separator: string, slug: (title: string) => string, empty = ''): Slugger {
  const taken = new Set<string>();
  return (title) => {
    const base = slug(title) || empty;
    let id = base;
    for (let n = 1; taken.has(id); n++) id = `${base}${separator}${n}`;
    taken.add(id);
    return [id];
  };
}

/** GitLab before 17.0: its counter counts each base id, whatever other headings are called. */
function gitlabLegacy(): (title: string) => string {
  const counts = new Map<string, number>();
  return (title) => {
    const id = title
      .replace(/:[a-z0-9_+-]+:/g, '') // emoji shortcodes render as images, which have no text
      .toLowerCase()
      .replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^(\d+)$/, 'anchor-$1');
    const seen = counts.get(id) ?? 0;
    counts.set(id, seen + 1);
    return seen > 0 ? `${id}-${seen}` : id;
  };
}

/** Python-Markdown's `slugify` and `unique`: an id already taken (or empty) gets `_1`, then `_2`. */
function pythonMarkdownSlugger(): Slugger {
  const taken = new Set<string>();
  return (title) => {
    let id = pythonMarkdownSlug(title);
    while (taken.has(id) || id === '') {
      const counted = /^(.*)_(\d+)$/.exec(id);
      id = counted ? `${counted[1]}_${Number(counted[2]) + 1}` : `${id}_1`;
    }
    taken.add(id);
    return [id];
  };
}

function pythonMarkdownSlug(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  const kept = ascii.replace(/[^\w\s-]/g, '').trim().toLowerCase();
  return kept.replace(/[-\s]+/g, '-');
}

/** The squeezed form of the unknown host: GitHub's slug with runs of hyphens made one, none at the ends. */
function squeezedSlug(title: string): string {
  const slug = pythonMarkdownSlug(title);
  let start = 0;
  let end = slug.length;
  while (start < end && slug[start] === '-') start++;
  while (end > start && slug[end - 1] === '-') end--;
  return slug.slice(start, end);
}

function hugoGithub(title: string): string {
  let id = '';
  for (const ch of title.trim()) {
    if (ch === '-' || ch === ' ' || ch === '\t') id += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) id += ch.toLowerCase();
  }
  return id;
}

function blackfriday(title: string): string {
  let id = '';
  let dash = false;
  for (const ch of title) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (dash && id) id += '-';
      dash = false;
      id += ch.toLowerCase();
    } else dash = true;
  }
  return id;
}

function removeAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/** Site and CI files that say which host renders a collection, nearest folder first. */
const MKDOCS = ['mkdocs.yml', 'mkdocs.yaml'];
const HUGO = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];
/** Older Hugo sites keep `config.*`, too common a name to count without a content/ folder beside it. */
const HUGO_LEGACY = ['config.toml', 'config.yaml', 'config.yml'];
const MAX_LEVELS = 16;
const FRESH_MS = 30_000;

/** By file system (the editor's, the disk, a test's), then by root and folder. */
const detected = new WeakMap<FileSystem, Map<string, { at: number; flavour: SlugFlavour }>>();

/** The slug flavour of the host that renders a document: `links.slugs`, or what the files around it say. */
export function slugFlavourFor(config: OpsDocsConfig, documentPath: string, fs: FileSystem): SlugFlavour {
  const folder = path.dirname(documentPath);
  const key = `${config.root}\0${folder}`;
  let byFolder = detected.get(fs);
  if (!byFolder) detected.set(fs, (byFolder = new Map()));
  const cached = byFolder.get(key);
  if (cached && Date.now() - cached.at < FRESH_MS) return refine(config.links.slugs, cached.flavour);
  const flavour = detect(folder, config.root, fs);
  byFolder.set(key, { at: Date.now(), flavour });
  return refine(config.links.slugs, flavour);
}

/** A configured style wins; `hugo` still takes the site's autoHeadingIDType when one was found. */
function refine(configured: SlugStyle | undefined, found: SlugFlavour): SlugFlavour {
  if (!configured) return found;
  if (configured === 'hugo' && found.startsWith('hugo')) return found;
  if (configured === 'mkdocs' && found === 'mkdocs-custom') return found;
  return configured;
}

/**
 * From the document's folder up to the config's root (or, for a document outside it, the
 * repository's root). A `.github` folder proves little (mirrors keep one): GitHub's ids are what an
 * unknown host gets proposed anyway.
 */
function detect(start: string, root: string, fs: FileSystem): SlugFlavour {
  let gitlab = false;
  let folder = start;
  const inside = (start + path.sep).startsWith(path.resolve(root) + path.sep);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const mkdocs = MKDOCS.map((name) => path.join(folder, name)).find((f) => fs.stat(f) === 'file');
    if (mkdocs) return /^[ \t]*slugify[ \t]*:/m.test(fs.readFile(mkdocs) ?? '') ? 'mkdocs-custom' : 'mkdocs';
    const hugo = HUGO.map((name) => path.join(folder, name)).find((f) => fs.stat(f) === 'file')
      ?? (fs.stat(path.join(folder, 'content')) === 'directory' ? HUGO_LEGACY.map((name) => path.join(folder, name)).find((f) => fs.stat(f) === 'file') : undefined);
    if (hugo) return hugoFlavour(fs.readFile(hugo) ?? '');
    gitlab ||= fs.stat(path.join(folder, '.gitlab-ci.yml')) === 'file' || fs.stat(path.join(folder, '.gitlab')) === 'directory';
    // The root ends the search: a site config above it renders other documents.
    if ((inside && path.resolve(folder) === path.resolve(root)) || fs.stat(path.join(folder, '.git')) !== undefined) break;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return gitlab ? 'gitlab' : 'unknown';
}

/** `markup.goldmark.parser.autoHeadingIDType`, or the Blackfriday renderer of Hugo before 0.60. */
function hugoFlavour(siteConfig: string): SlugFlavour {
  const type = /autoHeadingIDType["']?\s*[=:]\s*["']?([\w-]+)/i.exec(siteConfig)?.[1]?.toLowerCase();
  if (type === 'github-ascii') return 'hugo-github-ascii';
  if (type === 'blackfriday' || /defaultMarkdownHandler["']?\s*[=:]\s*["']?blackfriday/i.test(siteConfig)) return 'hugo-blackfriday';
  return 'hugo';
}
