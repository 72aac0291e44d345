import { parseAllDocuments, Parser, type Document } from 'yaml';

/**
 * Rule files as Prometheus reads them. Prometheus parses YAML with go-yaml (libyaml's scanner),
 * which accepts the continuation lines of a multi-line quoted scalar at any indentation:
 *
 *     description: "first line
 *   second line"
 *
 * The `yaml` package, faithful to YAML 1.2, ends the scalar at the first line indented less than
 * its key and rejects the file. Leading blanks of a continuation line are folded away, so indenting
 * those lines changes no value: that is the one repair made here, and every offset the parser
 * reports is mapped back to the file as written. Merge keys (`<<`) and repeated keys, which go-yaml
 * also takes, are accepted.
 */
export interface RuleYaml {
  documents: Document.Parsed[];
  /** The offset in the file as written of an offset in the text the documents were parsed from. */
  original(offset: number): number;
}

const OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false } as const;
/** Each pass repairs the scalars the previous parse saw as unterminated; later ones may only show then. */
const MAX_PASSES = 20;

interface Edit {
  /** Offset, in the repaired text, where the replaced blanks began. */
  at: number;
  /** Offset, in the original text, of the same place. */
  from: number;
  removed: number;
  inserted: number;
}

export function parseRuleYaml(text: string): RuleYaml {
  const documents = parseAllDocuments(text, OPTIONS) as Document.Parsed[];
  if (!documents.some((d) => d.errors.length > 0)) return { documents, original: (offset) => offset };
  let repaired = text;
  let edits: Edit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = indentContinuations(repaired);
    if (next.edits.length === 0) break;
    edits = compose(edits, next.edits);
    repaired = next.text;
  }
  if (repaired === text) return { documents, original: (offset) => offset };
  const retried = parseAllDocuments(repaired, OPTIONS) as Document.Parsed[];
  const errors = (docs: Document.Parsed[]) => docs.reduce((n, d) => n + d.errors.length, 0);
  if (errors(retried) >= errors(documents)) return { documents, original: (offset) => offset };
  return { documents: retried, original: (offset) => toOriginal(edits, offset) };
}

/** Indents the under-indented continuation lines of every quoted scalar the parser left unterminated. */
function indentContinuations(text: string): { text: string; edits: Array<{ from: number; removed: number; inserted: number }> } {
  const edits: Array<{ from: number; removed: number; inserted: number }> = [];
  for (const token of unterminatedQuotedScalars(text)) {
    const end = closingQuote(text, token.offset);
    if (end < 0) continue; // really unterminated: the parser's error stands
    const needed = token.indent + 1;
    for (let nl = text.indexOf('\n', token.offset); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
      const lineStart = nl + 1;
      const blanks = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 256))![0];
      const rest = text[lineStart + blanks.length];
      if (rest === '\n' || rest === '\r' || rest === undefined) continue; // an empty line folds to a line break at any indentation
      if (!blanks.includes('\t') && blanks.length >= needed) continue;
      edits.push({ from: lineStart, removed: blanks.length, inserted: Math.max(needed, blanks.length) });
    }
  }
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += text.slice(last, edit.from) + ' '.repeat(edit.inserted);
    last = edit.from + edit.removed;
  }
  return { text: out + text.slice(last), edits };
}

interface ScalarToken {
  type: string;
  offset: number;
  indent: number;
  source: string;
}

function unterminatedQuotedScalars(text: string): ScalarToken[] {
  const found: ScalarToken[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 200) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const token = value as Partial<ScalarToken> & Record<string, unknown>;
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && typeof token.source === 'string') {
      const quote = token.source[0];
      if (token.source.length < 2 || !token.source.endsWith(quote)) found.push(token as ScalarToken);
      return;
    }
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'end']) visit(token[key], depth + 1);
  };
  for (const token of new Parser().parse(text)) visit(token, 0);
  return found;
}

/** Where go-yaml ends a quoted scalar: the next unescaped quote, at any indentation. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Folds a new pass's edits (offsets in the text of the previous pass) into the list (offsets in the original). */
function compose(earlier: Edit[], later: Array<{ from: number; removed: number; inserted: number }>): Edit[] {
  const all = earlier.map((edit) => ({ ...edit }));
  for (const edit of later) {
    // A line indented again keeps its original blanks as what was removed.
    const again = all.find((e) => e.at === edit.from);
    if (again) again.inserted = edit.inserted;
    else all.push({ at: edit.from, from: toOriginal(earlier, edit.from), removed: edit.removed, inserted: edit.inserted });
  }
  // Recompute the repaired-text offsets of every edit in order, so that toOriginal can walk them.
  all.sort((a, b) => a.from - b.from);
  let delta = 0;
  return all.map((edit) => {
    const placed = { ...edit, at: edit.from + delta };
    delta += edit.inserted - edit.removed;
    return placed;
  });
}

function toOriginal(edits: Edit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    if (offset < edit.at) break;
    if (offset < edit.at + edit.inserted) return edit.from + Math.min(offset - edit.at, edit.removed);
    delta = edit.from + edit.removed - (edit.at + edit.inserted);
  }
  return offset + delta;
}
