import * as path from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { toPosix } from '../analysis';
import { ALWAYS_IGNORED, type OpsDocsConfig } from '../config/config';
import { gitignoreOf } from './discover';
import { globFingerprint, noteDependency } from '../dependencies';
import { parseRuleYaml } from './ruleYaml';

/** An alerting rule, where it is written, and the annotation that names its runbook. */
export interface AlertRule {
  name: string;
  file: string;
  /** The rule's own labels with plain values: what `{{ $labels.x }}` in its runbook link can be expanded from. */
  labels: Record<string, string>;
  runbook?: { key: string; value: string; start: number; end: number };
  /** Offsets, in the rule file, of the alert's name. */
  nameStart: number;
  nameEnd: number;
  /**
   * False when read from a YAML document with errors: its name may still say which runbook it
   * means (runbook-orphan), but its runbook is not checked.
   */
  checked: boolean;
}

/** What could not be read, placed in the rule file. */
export interface RuleFileProblem {
  message: string;
  start: number;
  end: number;
}

export interface RuleFile {
  file: string;
  alerts: AlertRule[];
  problems: RuleFileProblem[];
}

/** Rule file candidates found by content: YAML files under the root that mention `alert:`. */
const CANDIDATES = ['**/*.yml', '**/*.yaml'];
/** Larger YAML files are data dumps, not rule files. */
const MAX_RULE_FILE_LENGTH = 4 * 1024 * 1024;
/** Nesting searched for `groups:` (a Helm values file, a List of PrometheusRule resources). */
const MAX_DEPTH = 6;
const ALERT_KEY = /^[ \t]*(?:-[ \t]+)?["']?alert["']?[ \t]*:/m;
const GROUPS_KEY = /^[ \t]*["']?groups["']?[ \t]*:/m;
/**
 * Helm's template actions (Prometheus' own templates use `$labels`, `$value`, never `.Values`): a
 * chart's template is rendered before Prometheus reads it, so its YAML need not parse as written.
 */
const ACTION = /\{\{[^{}\n]*\}\}/g;
const HELM_WORDS = /\.(?:Values|Release|Chart|Capabilities|Files)\b|^-?[ \t]*(?:include|toYaml|tpl|template)\b/;

/**
 * The rule files the config names, or else those found by their content. The listing is noted as a
 * dependency (engine/dependencies.ts): a rule file that appears or goes away changes the findings.
 */
export function ruleFileCandidates(config: OpsDocsConfig): { files: string[]; discovered: boolean } {
  const globs = config.alerts.files;
  if (globs?.length === 0) return { files: [], discovered: false };
  const listed = globFiles(config.root, globs ?? CANDIDATES);
  noteDependency({ kind: 'glob', path: [config.root, ...(globs ?? CANDIDATES)].join('\0'), value: globFingerprint(listed) });
  if (globs) return { files: listed, discovered: false };
  const gitignored = gitignoreOf(config.root);
  const ignored = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  const files = listed.filter((f) => {
    const relative = toPosix(path.relative(config.root, f));
    return !ignored(relative) && !gitignored(relative);
  });
  return { files, discovered: true };
}

/** The files that globs match under a folder (never in node_modules or .git, nor hidden), absolute and sorted. */
export function globFiles(folder: string, patterns: string[]): string[] {
  return globSync(patterns, { cwd: folder, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true, dot: false }).map((f) => path.resolve(f)).sort();
}

/**
 * Reads a rule file: a Prometheus (or Thanos) rule file's top-level `groups`, a Mimir or Cortex
 * namespace file (`namespace:` beside `groups:`), a PrometheusRule's `spec.groups`, and `groups`
 * nested in other YAML (a List of resources, Helm values), in every document of the file.
 * Returns undefined for a file found by content that turns out to be no rule file.
 */
export function readRuleFile(file: string, text: string | undefined, config: OpsDocsConfig, discovered: boolean): RuleFile | undefined {
  if (text === undefined) return discovered ? undefined : { file, alerts: [], problems: [{ message: 'OpsDocs could not read this rule file', start: 0, end: 0 }] };
  if (discovered && (text.length > MAX_RULE_FILE_LENGTH || !ALERT_KEY.test(text))) return undefined;
  const yaml = parseRuleYaml(text);
  const helm = yaml.documents.some((d) => d.errors.length > 0) ? helmAction(text) : undefined;
  const alerts: AlertRule[] = [];
  const problems: RuleFileProblem[] = [];
  for (const document of yaml.documents) {
    const checked = document.errors.length === 0;
    const before = alerts.length;
    for (const groups of groupLists(document.contents, 0)) {
      for (const group of groups.items) {
        const rules = isMap(group) ? group.get('rules', true) : undefined;
        if (!isSeq(rules)) continue;
        for (const rule of rules.items) if (isMap(rule)) pushAlert(alerts, file, rule, config.alerts.annotations, checked, yaml.original);
      }
    }
    if (checked || helm) continue;
    // A broken document that shows no rule, in a file found by content, is some other YAML.
    if (discovered && alerts.length === before && !(GROUPS_KEY.test(text) && ALERT_KEY.test(text))) continue;
    const error = document.errors[0];
    const start = yaml.original(error.pos[0]);
    problems.push({
      message: `OpsDocs could not read this YAML, so the alerts of this document are not checked: ${error.message.split('\n')[0]}`,
      start,
      end: Math.max(yaml.original(error.pos[1]), start + 1),
    });
  }
  if (helm && (alerts.length > 0 || GROUPS_KEY.test(text))) {
    const end = text.indexOf('\n', helm.index);
    problems.push({
      message: 'This rule file is a Helm template: OpsDocs reads rule files as Prometheus does, so its alerts are not checked; list the rendered files in `alerts` to check them',
      start: helm.index,
      end: end < 0 ? text.length : end,
    });
  }
  if (discovered && alerts.length === 0 && problems.length === 0) return undefined;
  return { file, alerts, problems };
}

function helmAction(text: string): { index: number } | undefined {
  for (const match of text.matchAll(ACTION)) if (HELM_WORDS.test(match[0].slice(2, -2))) return { index: match.index! };
  return undefined;
}

/** Every `groups:` sequence whose items hold `rules:`, at the top or nested in maps and sequences. */
function groupLists(node: unknown, depth: number): Array<{ items: unknown[] }> {
  if (depth > MAX_DEPTH) return [];
  if (isMap(node)) {
    const groups = node.get('groups', true);
    if (isSeq(groups) && groups.items.some((g) => isMap(g) && g.has('rules'))) return [groups];
    return node.items.flatMap((pair) => groupLists(pair.value, depth + 1));
  }
  if (isSeq(node)) return node.items.flatMap((item) => groupLists(item, depth + 1));
  return [];
}

function pushAlert(alerts: AlertRule[], file: string, rule: YAMLMap, keys: string[], checked: boolean, original: (offset: number) => number): void {
  const name = rule.get('alert', true);
  if (!isScalar(name) || !name.range || typeof name.value !== 'string' || name.value.trim() === '') return;
  alerts.push({
    name: name.value.trim(),
    file,
    labels: plainLabels(rule.get('labels', true)),
    runbook: runbookAnnotation(rule.get('annotations', true), keys, original),
    nameStart: original(name.range[0]),
    nameEnd: original(name.range[1]),
    checked,
  });
}

function runbookAnnotation(annotations: unknown, keys: string[], original: (offset: number) => number): AlertRule['runbook'] {
  if (!isMap(annotations)) return undefined;
  for (const key of keys) {
    const value = annotations.get(key, true);
    if (!isScalar(value) || !value.range || typeof value.value !== 'string' || value.value.trim() === '') continue;
    return { key, value: value.value.trim(), start: original(value.range[0]), end: original(value.range[1]) };
  }
  return undefined;
}

function plainLabels(labels: unknown): Record<string, string> {
  const plain: Record<string, string> = {};
  if (!isMap(labels)) return plain;
  for (const pair of labels.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (key && (typeof value === 'string' || typeof value === 'number') && !String(value).includes('{{')) plain[key] = String(value);
  }
  return plain;
}
