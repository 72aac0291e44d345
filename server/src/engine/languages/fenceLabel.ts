/**
 * Fence labels: which a renderer knows (GitHub Linguist's names, aliases, extensions and
 * interpreters, generated from linguist-languages by scripts/fence-labels.mjs, and the labels of
 * other highlighters), and which known label a misspelt one most likely meant.
 */
import { closest } from '../closest';
import LINGUIST_LABELS from './fenceLabels.json';

/** Labels that Pygments, Chroma or highlight.js know and Linguist does not. */
const OTHER_HIGHLIGHTERS = [
  'promql', 'logql', 'metricsql', 'shell-session', 'shellsession', 'terminal', 'output', 'plaintext', 'plain', 'none',
  'nohighlight', 'no-highlight', 'ssh', 'psql', 'postgres', 'postgresql', 'ndjson', 'jsonl', 'log', 'logs', 'gotemplate',
  'go-template', 'go-html-template', 'helm', 'kubernetes', 'k8s', 'sh-session', 'pwsh-session', 'ps1con',
];

/** What a misspelt label may be corrected to: the labels whose content OpsDocs can recognise. */
export const CORRECTABLE_LABELS = ['bash', 'sh', 'shell', 'zsh', 'console', 'yaml', 'json', 'promql', 'sql'] as const;

let known: Set<string> | undefined;

/** Whether any renderer knows the label (case-insensitive). */
export function isKnownLabel(label: string): boolean {
  known ??= new Set([...LINGUIST_LABELS, ...OTHER_HIGHLIGHTERS]);
  return known.has(label.toLowerCase());
}

/** The correctable label an unknown one is a near miss of (`shel` → `shell`, `bsh` → `bash`). */
export function nearLabel(label: string): (typeof CORRECTABLE_LABELS)[number] | undefined {
  if (label === '' || isKnownLabel(label)) return undefined;
  return closest(label, CORRECTABLE_LABELS) as (typeof CORRECTABLE_LABELS)[number] | undefined;
}
