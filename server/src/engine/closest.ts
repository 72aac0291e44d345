import { distance } from 'fastest-levenshtein';
import type { ProposedFix, Range } from './types';

/** The candidate a typo most likely meant, if one is close enough to suggest. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

/** The id of a did-you-mean fix; always a suggestion: the closest name need not be the meant one. */
export const DID_YOU_MEAN = 'did-you-mean';

/**
 * The quick fix of a did-you-mean: the suggestion written over the mistaken text (`shown` when
 * the title names more than is replaced, as `#anchor` for `anchor`); none without one.
 */
export function changeTo(range: Range, suggestion: string | undefined, shown = suggestion): ProposedFix[] {
  return suggestion === undefined ? [] : [{ id: DID_YOU_MEAN, title: `Change to "${shown}"`, edits: [{ range, newText: suggestion }] }];
}
