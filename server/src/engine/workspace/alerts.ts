import { globFingerprint, noteDependencies, noteDependency, withDependencies, type Dependency } from '../dependencies';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { toPosix } from '../analysis';
import { ALWAYS_IGNORED, type OpsDocsConfig } from '../config/config';
import type { FileSystem } from '../fileSystem';

/** An alerting rule of a Prometheus rule file (or a PrometheusRule resource), where it is written. */
export interface AlertRule {
  name: string;
  runbookUrl?: string;
  file: string;
  /** Offsets, in the rule file, of the alert's name and of its runbook_url value. */
  nameStart: number;
  nameEnd: number;
  urlStart?: number;
  urlEnd?: number;
}

/** The rule files the config's `alerts` globs name. */
export function alertFiles(config: OpsDocsConfig): string[] {
  if (config.alerts.length === 0) return [];
  const files = globFiles(config.root, config.alerts);
  // A rule file that appears or goes away changes which runbooks are orphans.
  noteDependency({ kind: 'glob', path: [config.root, ...config.alerts].join('\0'), value: globFingerprint(files) });
  return files;
}

/** The files that globs match under a folder, as absolute paths, sorted. */
export function globFiles(folder: string, patterns: string[]): string[] {
  return globSync(patterns, { cwd: folder, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true }).map((f) => path.resolve(f)).sort();
}

/** Every `alert:` of a rule file: top-level `groups:` or a PrometheusRule's `spec.groups`, in every YAML document. */
export function readAlertRules(file: string, text: string): AlertRule[] {
  const alerts: AlertRule[] = [];
  for (const document of parseAllDocuments(text)) {
    if ('errors' in document && document.errors.length > 0) continue;
    const groups = document.getIn(['groups'], true) ?? document.getIn(['spec', 'groups'], true);
    if (!isSeq(groups)) continue;
    for (const group of groups.items) {
      const rules = isMap(group) ? group.get('rules', true) : undefined;
      if (!isSeq(rules)) continue;
      for (const rule of rules.items) if (isMap(rule)) pushAlert(alerts, file, rule);
    }
  }
  return alerts;
}

function pushAlert(alerts: AlertRule[], file: string, rule: Node & { get(key: string, keepScalar: true): unknown; getIn(path: string[], keepScalar: true): unknown }): void {
  const name = rule.get('alert', true);
  if (!isScalar(name) || !name.range) return;
  const url = rule.getIn(['annotations', 'runbook_url'], true);
  const hasUrl = isScalar(url) && url.range && String(url.value).trim() !== '';
  alerts.push({
    name: String(name.value),
    runbookUrl: hasUrl ? String(url.value).trim() : undefined,
    file,
    nameStart: name.range[0],
    nameEnd: name.range[1],
    urlStart: hasUrl ? url.range![0] : undefined,
    urlEnd: hasUrl ? url.range![1] : undefined,
  });
}

/**
 * Whether an alert's runbook_url points at a document. A relative URL resolves against the
 * rule file's folder, then the config root. A web address (a docs site, a GitHub blob) points
 * at the document whose path ends with the same last two segments, case and extension aside:
 * `…/runbooks/node/nodefilesystemspacefillingup` is `content/runbooks/node/NodeFilesystemSpaceFillingUp.md`.
 */
export function pointsAt(alert: AlertRule, config: OpsDocsConfig, doc: string): boolean {
  const url = alert.runbookUrl;
  if (!url || /\{\{|\$/.test(url)) return false;
  if (!isWebAddress(url)) return relativeTargets(alert, config).includes(doc);
  const wanted = urlTail(url);
  return wanted.length > 0 && sameTail(tail(toPosix(path.relative(config.root, doc)).split('/'), wanted.length), wanted);
}

/** The document or file a runbook_url names, if it exists. */
export function runbookTarget(alert: AlertRule, config: OpsDocsConfig, documents: readonly string[], fs: FileSystem): string | undefined {
  const url = alert.runbookUrl;
  if (!url || /\{\{|\$/.test(url)) return undefined;
  if (!isWebAddress(url)) return relativeTargets(alert, config).find((file) => fs.stat(file) === 'file');
  return documents.find((doc) => pointsAt(alert, config, doc));
}

/** Whether an alert names a document: its runbook_url points there, or the file is named after the alert. */
export function alertNames(alert: AlertRule, config: OpsDocsConfig, doc: string): boolean {
  return pointsAt(alert, config, doc) || path.basename(doc, path.extname(doc)).toLowerCase() === alert.name.toLowerCase();
}

function isWebAddress(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url);
}

function relativeTargets(alert: AlertRule, config: OpsDocsConfig): string[] {
  let clean: string;
  try {
    clean = decodeURI(alert.runbookUrl!.split(/[?#]/)[0]);
  } catch {
    return [];
  }
  return [path.resolve(path.dirname(alert.file), clean), path.resolve(config.root, clean)];
}

function urlTail(url: string): string[] {
  try {
    return tail(new URL(url).pathname.split('/').filter(Boolean), 2);
  } catch {
    return [];
  }
}

function tail(segments: string[], count: number): string[] {
  return segments.slice(-count).map((s) => safeDecode(s).toLowerCase().replace(/\.(md|markdown|html?)$/, ''));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sameTail(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

const loaded = new WeakMap<OpsDocsConfig, { at: number; alerts: AlertRule[]; dependencies: Dependency[] }>();
const FRESH_MS = 5_000;

/**
 * The alerts of a config's rule files, read through the engine's file system, re-read after a few
 * seconds; a remembered answer notes the files it read, for the result cache.
 */
export function alertsOf(config: OpsDocsConfig, fs: FileSystem): AlertRule[] {
  const cached = loaded.get(config);
  if (cached && Date.now() - cached.at < FRESH_MS) {
    noteDependencies(cached.dependencies);
    return cached.alerts;
  }
  const { value: alerts, dependencies } = withDependencies(() => alertFiles(config).flatMap((file) => readAlertRules(file, fs.readFile(file) ?? '')));
  loaded.set(config, { at: Date.now(), alerts, dependencies });
  return alerts;
}
