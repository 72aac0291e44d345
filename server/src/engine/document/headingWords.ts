import { stemmer } from 'stemmer';

/**
 * Headings and section names as the stems of their words, so that word forms match:
 * "Mitigating", "Mitigations" and "Mitigation" all become `mitig`.
 */
export type Stems = readonly string[];

/** "2.1 Emergency Rollback:" and "🔙 emergency rollback" both become "emergency rollback". */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:step\s+)?(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z][.)])\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function stemsOf(text: string): Stems {
  const normalized = normalizeHeading(text);
  return normalized === '' ? [] : normalized.split(' ').map(stemmer);
}

/**
 * Porter's stems of a noun and of its verb can differ by a last letter (`diagnosi` for
 * "diagnosis", `diagnos` for "diagnosing"; `verif`, `verifi`): those count as one word.
 * Short stems must be equal, or "log" would match "logo".
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length === short.length + 1 && long.startsWith(short);
}

/** Whether the words are the name's words, in order. */
export function isName(words: Stems, name: Stems): boolean {
  return words.length === name.length && name.every((stem, i) => sameStem(stem, words[i]));
}

/**
 * Where the name's words occur in the words as a run of whole words ("Emergency Rollback
 * Procedures" holds "rollback" at 1), or -1.
 */
export function nameAt(words: Stems, name: Stems): number {
  if (name.length === 0) return -1;
  for (let start = 0; start + name.length <= words.length; start++) {
    if (name.every((stem, i) => sameStem(stem, words[start + i]))) return start;
  }
  return -1;
}

/** Between the sections one heading joins: "Diagnosis and Mitigation", "Diagnosis & Remediation", "Symptoms / Cause". */
const JOINER = /[&+/,;|]|\s(?:and\/or|and|or)\s/i;

/** The parts of a heading that joins several sections, each as stems; one part for any other heading. */
export function partsOf(text: string): Stems[] {
  const parts = text.split(JOINER).map(stemsOf).filter((stems) => stems.length > 0);
  return parts.length > 1 ? parts : [stemsOf(text)];
}
