import { Charset, Document, type DocumentData } from 'flexsearch';
import type { Outline } from '../authoring/outline';

/** A place a query matched, ready to open: the document, the line, what matched there. */
export interface SearchHit {
  path: string;
  line: number;
  /** The heading of the matching section ("" before the first heading). */
  heading: string;
  /** The matching line, trimmed, for display. */
  preview: string;
  kind: 'heading' | 'text' | 'frontmatter';
  score: number;
}

interface Entry extends DocumentData {
  id: number;
  path: string;
  headings: string;
  meta: string;
  text: string;
}

/** Outlines indexed together when a run checks many documents at once. */
const PENDING_BATCH = 100;
/** How long typing pauses before the typed document is indexed again. */
const PENDING_DELAY_MS = 500;

/** How much a match in each field counts: headings most, then front matter, then prose. */
const FIELD_WEIGHT = { headings: 4, meta: 2, text: 1 } as const;
type Field = keyof typeof FIELD_WEIGHT;

/**
 * Full-text search over every document (FlexSearch, with forward tokens so a word matches
 * as you type it, and phonetic folding so a misspelt word still matches). One entry per document: ranking is per document, and the line is found
 * only in the few hits shown. Documents are replaced one at a time as they change.
 */
export class DocsSearch {
  private readonly index = new Document<Entry>({
    // Keeps a reverse map so that replacing one changed document costs milliseconds, not a scan.
    fastupdate: true,
    document: {
      id: 'id',
      // LatinExtra folds spelling variants together, so "dashbord" still finds "dashboard".
      index: (Object.keys(FIELD_WEIGHT) as Field[]).map((field) => ({ field, tokenize: 'forward' as const, encoder: Charset.LatinExtra })),
    },
  });
  private readonly ids = new Map<string, number>();
  private readonly outlines = new Map<number, { path: string; outline: Outline }>();
  private nextId = 0;
  /**
   * Outlines not indexed yet: a document typed into is indexed once typing pauses (or when asked
   * for), not at every keystroke's check; a run over many documents is indexed a batch at a time.
   */
  private readonly pending = new Map<string, Outline>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  get documentCount(): number {
    this.flush();
    return this.ids.size;
  }

  replace(path: string, outline: Outline): void {
    this.pending.set(path, outline);
    if (this.pending.size >= PENDING_BATCH) return this.flush();
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), PENDING_DELAY_MS);
    this.flushTimer.unref?.();
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    for (const [path, outline] of this.pending) this.add(path, outline);
    this.pending.clear();
  }

  private add(path: string, outline: Outline): void {
    this.removeIndexed(path);
    const id = this.nextId++;
    const headings = outline.sections.map((s) => s.heading).filter(Boolean).join('\n');
    const text = outline.sections.map((s) => s.text).join('\n');
    this.index.add({ id, path, headings, meta: outline.frontMatter ?? '', text });
    this.ids.set(path, id);
    this.outlines.set(id, { path, outline });
  }

  remove(path: string): void {
    this.pending.delete(path);
    this.removeIndexed(path);
  }

  private removeIndexed(path: string): void {
    const id = this.ids.get(path);
    if (id === undefined) return;
    this.index.remove(id);
    this.ids.delete(path);
    this.outlines.delete(id);
  }

  search(query: string, limit = 50): SearchHit[] {
    if (!query.trim()) return [];
    this.flush();
    const scores = new Map<number, number>();
    for (const { field, result } of this.index.search(query, { limit }) as Array<{ field: Field; result: number[] }>) {
      // Each field lists its best documents first; a document's score adds its rank in each field, weighted.
      result.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + FIELD_WEIGHT[field] * (1 - rank / (limit + 1))));
    }
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id, score]) => {
        const { path, outline } = this.outlines.get(id)!;
        return locate(path, outline, terms, score);
      });
  }

  /** Every heading, for workspace symbols. */
  headings(): Array<{ path: string; heading: string; line: number }> {
    this.flush();
    const all: Array<{ path: string; heading: string; line: number }> = [];
    for (const { path, outline } of this.outlines.values()) {
      for (const section of outline.sections) if (section.heading) all.push({ path, heading: section.heading, line: section.line });
    }
    return all;
  }
}

/** The best place in a matching document: a heading with the words, else the first line with them. */
function locate(path: string, outline: Outline, terms: string[], score: number): SearchHit {
  // A typo'd or partial query word is found by its first letters.
  const stems = terms.map((term) => term.slice(0, Math.max(3, term.length - 2)));
  const matches = (text: string) => stems.some((stem) => text.toLowerCase().includes(stem));
  const heading = outline.sections.find((s) => s.heading && matches(s.heading));
  if (heading) return { path, line: heading.line, heading: heading.heading, preview: heading.heading, kind: 'heading', score };
  for (const section of outline.sections) {
    const lines = section.text.split(/\r\n|\r|\n/);
    const index = lines.findIndex(matches);
    if (index >= 0) return { path, line: section.line + index, heading: section.heading, preview: lines[index].trim(), kind: 'text', score };
  }
  const metaLine = (outline.frontMatter ?? '').split(/\r\n|\r|\n/).find(matches);
  return { path, line: 0, heading: outline.title ?? '', preview: (metaLine ?? outline.title ?? '').trim(), kind: metaLine ? 'frontmatter' : 'heading', score };
}
