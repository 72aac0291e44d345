import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';

const MAX_SYMBOLS = 500;

/** Every heading whose text holds the query's characters in order (as VS Code's own filter does), best first. */
export function workspaceSymbols(headings: Array<{ path: string; heading: string; line: number }>, query: string): SymbolInformation[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const scored = headings
    .map((h) => ({ h, score: subsequenceScore(h.heading.toLowerCase(), wanted) }))
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SYMBOLS);
  return scored.map(({ h }) => ({
    name: h.heading,
    kind: SymbolKind.String,
    location: { uri: pathToFileURL(h.path).href, range: { start: { line: h.line, character: 0 }, end: { line: h.line, character: 0 } } },
    containerName: path.basename(h.path),
  }));
}

/** -1 when `wanted` is not a subsequence of `text`; higher for contiguous and early matches. */
function subsequenceScore(text: string, wanted: string): number {
  if (!wanted) return 0;
  const contiguous = text.indexOf(wanted);
  if (contiguous >= 0) return 1000 - contiguous;
  let at = 0;
  let gaps = 0;
  for (const ch of wanted) {
    const found = text.indexOf(ch, at);
    if (found < 0) return -1;
    gaps += found - at;
    at = found + 1;
  }
  return 500 - gaps;
}
