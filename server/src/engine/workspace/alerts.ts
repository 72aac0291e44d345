import * as path from 'node:path';
import { toPosix } from '../analysis';
import type { OpsDocsConfig } from '../config/config';
import { noteDependencies, withDependencies, type Dependency } from '../dependencies';
import type { FileSystem } from '../fileSystem';
import { discoverDocuments } from './discover';
import { readRuleFile, ruleFileCandidates, type AlertRule, type RuleFile } from './ruleFiles';

export type { AlertRule } from './ruleFiles';

/**
 * Where an alert's runbook annotation leads: a path in the workspace (relative to the rule file's
 * folder or the root), or a web address, mapped into the workspace through `alerts.baseUrl` or a
 * forge's blob URL (`…/blob/main/docs/x.md`), else matched by its last segments
 * (`…/runbooks/node/nodefilesystemspacefillingup` is `…/runbooks/node/NodeFilesystemSpaceFillingUp.md`).
 * `{{ $labels.x }}` takes the rule's own label x; any other template, or a label the rule does not
 * set (it comes from the series), stands for any name.
 */
export interface RunbookLink {
  /** Absolute paths the link can mean, most likely first. */
  paths: PathMatcher[];
  /** The last segments of a web address no mapping placed, lower case and without extension. */
  tail: RegExp[];
  fragment?: string;
  web: boolean;
  /** A web address under one of `alerts.baseUrl`: the writer says it lies in this workspace. */
  underBase: boolean;
  /** Some template stands for any name: the link names a family of files. */
  wildcard: boolean;
  /** The link with the rule's labels put in. */
  expanded: string;
}

interface PathMatcher {
  exact?: string;
  pattern?: RegExp;
}

/** Stands for a template that names no label of the rule (a wildcard). */
const ANY = '\u0000';
const TEMPLATE = /\{\{([^{}]*)\}\}/g;
const LABEL = /^(?:\$labels|\.Labels)\.([A-Za-z_]\w*)$|^index\s+(?:\$labels|\.Labels)\s+"([^"]+)"$/;
const WEB = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i;
const FOLDER_PAGES = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

/** Links as read, per alert, for the root and base addresses they were read against. */
const links = new WeakMap<AlertRule, { against: string; link: RunbookLink | undefined }>();

export function runbookLink(alert: AlertRule, config: OpsDocsConfig): RunbookLink | undefined {
  const against = [config.root, ...config.alerts.baseUrl].join('\n');
  let known = links.get(alert);
  if (known?.against !== against) links.set(alert, (known = { against, link: readLink(alert, config) }));
  return known.link;
}

function readLink(alert: AlertRule, config: OpsDocsConfig): RunbookLink | undefined {
  if (!alert.runbook) return undefined;
  const expanded = alert.runbook.value.replace(TEMPLATE, (_, action: string) => {
    const label = LABEL.exec(trimAction(action));
    const name = label?.[1] ?? label?.[2];
    return name && alert.labels[name] !== undefined ? alert.labels[name] : ANY;
  });
  const wildcard = expanded.includes(ANY);
  const hash = expanded.indexOf('#');
  const fragment = hash < 0 ? undefined : safeDecode(expanded.slice(hash + 1)) || undefined;
  // `{{ $externalURL }}/runbooks/x`: a template for the whole base is some web address.
  const web = expanded.startsWith(ANY) ? [expanded, expanded.slice(1).split(/[?#]/)[0]] : WEB.exec(expanded);
  if (!web) {
    const file = safeDecode(expanded.slice(0, hash < 0 ? undefined : hash).split('?')[0]);
    if (file === '') return { paths: [], tail: [], fragment, web: false, underBase: false, wildcard, expanded };
    const bases = file.startsWith('/') ? [config.root] : [path.dirname(alert.file), config.root];
    return { paths: bases.map((base) => matcher(path.join(base, file))), tail: [], fragment, web: false, underBase: false, wildcard, expanded };
  }
  const base = config.alerts.baseUrl.find((b) => expanded.toLowerCase().startsWith(withSlash(b).toLowerCase()));
  const address = expanded.slice(0, hash < 0 ? undefined : hash).split('?')[0];
  if (base) {
    const rest = safeDecode(address.slice(withSlash(base).length));
    return { paths: [matcher(path.join(config.root, rest))], tail: [], fragment, web: true, underBase: true, wildcard, expanded };
  }
  const urlPath = web[1];
  const forge = forgePath(urlPath);
  const paths = forge ? [matcher(path.join(config.root, safeDecode(forge)))] : [];
  const segments = urlPath.split('/').filter(Boolean).slice(-2).map((s) => segmentPattern(safeDecode(s)));
  return { paths, tail: segments, fragment, web: true, underBase: false, wildcard, expanded };
}

/** Whether the link leads to this document (or to its folder, whose README or index it is). */
export function linkNames(link: RunbookLink, doc: string): boolean {
  for (const candidate of link.paths) {
    if (candidate.exact !== undefined) {
      if (samePath(candidate.exact, doc)) return true;
      if (FOLDER_PAGES.test(path.basename(doc)) && samePath(candidate.exact, path.dirname(doc))) return true;
    } else if (candidate.pattern!.test(toPosix(doc))) return true;
  }
  return tailMatches(link, doc);
}

/** The file or folder the link leads to, when it exists. */
export function linkTarget(link: RunbookLink, documents: readonly string[], fs: FileSystem): string | undefined {
  for (const candidate of link.paths) {
    if (candidate.exact !== undefined) {
      if (fs.stat(candidate.exact)) return candidate.exact;
    } else {
      const found = documents.find((doc) => candidate.pattern!.test(toPosix(doc)));
      if (found) return found;
    }
  }
  return link.tail.length > 0 ? documents.find((doc) => tailMatches(link, doc)) : undefined;
}

/** Whether an alert names a document: its runbook link leads there, or the file is named after the alert. */
export function alertNames(alert: AlertRule, config: OpsDocsConfig, doc: string): boolean {
  const link = runbookLink(alert, config);
  return (link !== undefined && linkNames(link, doc)) || path.basename(doc, path.extname(doc)).toLowerCase() === alert.name.toLowerCase();
}

/** `{{- $labels.x -}}`: the action without its trim markers. */
function trimAction(action: string): string {
  let text = action.trim();
  if (text.startsWith('-')) text = text.slice(1);
  if (text.endsWith('-')) text = text.slice(0, -1);
  return text.trim();
}

/** The file part of a forge's file address: after `/blob/<ref>/` (GitHub, GitLab's `/-/blob/`), `/tree/`, `/raw/`, Gitea's `/src/branch/<ref>/`. */
function forgePath(urlPath: string): string | undefined {
  const segments = urlPath.split('/');
  for (let i = 1; i < segments.length - 2; i++) {
    const kind = segments[i];
    if (kind === 'blob' || kind === 'tree' || kind === 'raw') return segments.slice(i + 2).join('/') || undefined;
    if (kind === 'src' && segments[i + 1] === 'branch' && i + 3 < segments.length) return segments.slice(i + 3).join('/') || undefined;
  }
  return undefined;
}

function matcher(file: string): PathMatcher {
  const resolved = path.resolve(file);
  if (!resolved.includes(ANY)) return { exact: resolved };
  const source = toPosix(resolved).split(ANY).map(escapeRegExp).join('[^/]*');
  return { pattern: new RegExp(`^${source}$`) };
}

function segmentPattern(segment: string): RegExp {
  const bare = segment.replace(/\.(?:md|markdown|html?)$/i, '');
  return new RegExp(`^${bare.split(ANY).map(escapeRegExp).join('[^/]*')}$`, 'i');
}

function tailMatches(link: RunbookLink, doc: string): boolean {
  if (link.tail.length === 0) return false;
  const segments = toPosix(doc).split('/').slice(-link.tail.length);
  if (segments.length < link.tail.length) return false;
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.(?:md|markdown|mdx)$/i, '');
  return link.tail.every((pattern, i) => pattern.test(segments[i]));
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` is no escape: the link is taken as written, and reported if it leads nowhere.
    return text;
  }
}

/** The rule files of a workspace and their alerts. */
export interface AlertSet {
  /** True when no `alerts` globs name the rule files and they were found by their content. */
  discovered: boolean;
  files: RuleFile[];
  alerts: AlertRule[];
  /** Whether some alert names some document of the set: computed once, when asked. */
  namesDocuments?: boolean;
}

interface Loaded {
  at: number;
  set: AlertSet;
  /**
   * For rule files found by content: when the tree was last listed, and which files were rule
   * files then. Listing and reading every YAML file of a large tree is not done on every keystroke.
   */
  listedAt?: number;
  /** What the set was read from (the listing, each file), noted again for a check that uses it. */
  dependencies: Dependency[];
}

/**
 * By config file, or by root for the built-in defaults: a folder without a config file gets a new
 * default config on each look-up, and its rule files are still the same.
 */
const loaded = new Map<string, Loaded & { config: OpsDocsConfig }>();
const FRESH_MS = 5_000;
const LISTING_FRESH_MS = 60_000;

/** The rule files a config names (or that its workspace holds) and their alerts, re-read after a few seconds. */
export function alertSetOf(config: OpsDocsConfig, fs: FileSystem): AlertSet {
  const key = config.file ?? `defaults:${config.root}`;
  const known = loaded.get(key);
  // An edited config file is a new config object: what the old one found no longer holds.
  const cached = known && (known.config === config || !config.file) ? known : undefined;
  const now = Date.now();
  if (cached && now - cached.at < FRESH_MS) {
    noteDependencies(cached.dependencies);
    return cached.set;
  }
  const relist = !cached?.listedAt || now - cached.listedAt >= LISTING_FRESH_MS;
  const { value, dependencies } = withDependencies(() => {
    // A listing kept from the last look still stands for the tree: so does its dependency.
    if (!relist && cached?.set.discovered) noteDependencies(cached.dependencies.filter((d) => d.kind === 'glob'));
    const { files, discovered } = cached?.set.discovered && !relist ? { files: cached.set.files.map((f) => f.file), discovered: true } : ruleFileCandidates(config);
    return { discovered, read: files.map((file) => readCached(file, fs.readFile(file), config, discovered)).filter((f): f is RuleFile => f !== undefined) };
  });
  const { discovered, read } = value;
  // Nothing changed: the same set, and what was worked out about it (namesDocuments) still holds.
  const unchanged = cached && cached.set.discovered === discovered && cached.set.files.length === read.length && read.every((f, i) => f === cached.set.files[i]);
  const set: AlertSet = unchanged ? cached.set : { discovered, files: read, alerts: read.flatMap((f) => f.alerts) };
  loaded.set(key, { config, at: now, set, listedAt: discovered ? (relist ? now : cached?.listedAt) : undefined, dependencies });
  return set;
}

/** Rule files as last read, by path: a file is parsed again only when its text changed. */
const parsed = new Map<string, { text: string | undefined; keys: string; discovered: boolean; ruleFile: RuleFile | undefined }>();

function readCached(file: string, text: string | undefined, config: OpsDocsConfig, discovered: boolean): RuleFile | undefined {
  const known = parsed.get(file);
  // What is read of a rule file depends on its text, the annotation keys, and how it was found.
  const keys = config.alerts.annotations.join('\n');
  if (known && known.text === text && known.keys === keys && known.discovered === discovered) return known.ruleFile;
  const ruleFile = readRuleFile(file, text, config, discovered);
  parsed.set(file, { text, keys, discovered, ruleFile });
  return ruleFile;
}

/** Whether any alert of the set leads to, or is named like, a document that the config's `docs` globs find. */
export function setNamesDocuments(set: AlertSet, config: OpsDocsConfig): boolean {
  if (set.namesDocuments === undefined) {
    const documents = set.alerts.length > 0 ? discoverDocuments(config) : [];
    set.namesDocuments = set.alerts.some((alert) => documents.some((doc) => alertNames(alert, config, doc)));
  }
  return set.namesDocuments;
}

export function alertsOf(config: OpsDocsConfig, fs: FileSystem): AlertRule[] {
  return alertSetOf(config, fs).alerts;
}

/** `runbook_url, runbook or link`: the annotation keys, for messages. */
export function annotationKeys(config: OpsDocsConfig): string {
  const keys = config.alerts.annotations;
  return keys.length < 2 ? keys.join('') : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
}

/** Where the alerts come from, for messages: the config's globs, or the rule files found. */
export function ruleFilesDescription(config: OpsDocsConfig, set: AlertSet): string {
  if (!set.discovered) return (config.alerts.files ?? []).join(', ');
  const count = set.files.length;
  return `the ${count === 1 ? 'rule file' : `${count} rule files`} found in the workspace`;
}
