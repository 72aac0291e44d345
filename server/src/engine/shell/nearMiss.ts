/**
 * Whether an unknown word is a typo of a known one. With tens of thousands of known programs
 * almost any short word is one edit from something, so a near miss here is narrow: the kind of
 * slip a hand makes (one letter dropped, doubled, swapped with its neighbour or mistyped; two in
 * a long word), never a different version (`s5cmd`, `helm3`), a longer name built on a known one
 * (`kubectl-neat`, `argocd-server`) or a capitalised word (prose, or a site's own tool).
 */

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit. */
export function typoDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** Edits a word of this many letters may hold and still be a typo of its neighbour. */
function tolerance(letters: number): number {
  return letters < 4 ? 0 : letters < 8 ? 1 : 2;
}

/** Whether `word` reads as a slip of the hand for `known` (both compared without leading dashes). */
export function isTypoOf(word: string, known: string): boolean {
  if (word === known) return false;
  const a = word.replace(/^-+/, '');
  const b = known.replace(/^-+/, '');
  if (/^[A-Z][a-z]/.test(a)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const allowed = tolerance(Math.min(x.length, y.length));
  if (allowed === 0) return false;
  // `-namespace` for `--namespace`.
  const dashes = word.length - a.length === known.length - b.length ? 0 : 1;
  if (x === y) return dashes > 0;
  // A slip rarely hits the first letter; when it does, it swaps the first two.
  if (x[0] !== y[0] && !(x[0] === y[1] && x[1] === y[0])) return false;
  if (x.replace(/\d+/g, '') === y.replace(/\d+/g, '')) return false;
  if (isBuiltOn(x, y) || isBuiltOn(y, x)) return false;
  return typoDistance(x, y, allowed) + dashes <= allowed;
}

/** `kubectl-neat` on `kubectl`, `my_app` on `app`: a name of its own, not a slip. */
function isBuiltOn(longer: string, shorter: string): boolean {
  if (longer.length <= shorter.length) return false;
  return (longer.startsWith(shorter) && /[-_.]/.test(longer[shorter.length])) || (longer.endsWith(shorter) && /[-_.]/.test(longer[longer.length - shorter.length - 1]));
}

/** The known word an unknown one is most likely a typo of. */
export function typoOf(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (!isTypoOf(word, candidate)) continue;
    const d = typoDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && candidate < best!)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
