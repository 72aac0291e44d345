import MiniSearch from 'minisearch';
import type { Outline } from './outline';

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

interface Entry {
  id: number;
  path: string;
  heading: string;
  text: string;
  meta: string;
  line: number;
}

/**
 * Full-text search over every section of every document: headings weigh most, then
 * front matter, then prose; prefix and typo-tolerant matching. Documents are replaced
 * one at a time as they change, so the index stays current without rebuilding.
 */
export class DocsSearch {
  private readonly mini = new MiniSearch<Entry>({
    fields: ['heading', 'meta', 'text'],
    storeFields: ['path', 'heading', 'line'],
    searchOptions: { boost: { heading: 4, meta: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  private readonly idsByPath = new Map<string, number[]>();
  private readonly entries = new Map<number, Entry>();
  private nextId = 0;

  get documentCount(): number {
    return this.idsByPath.size;
  }

  replace(path: string, outline: Outline): void {
    this.remove(path);
    const ids: number[] = [];
    outline.sections.forEach((section, i) => {
      const entry: Entry = { id: this.nextId++, path, heading: section.heading, text: section.text, meta: i === 0 ? (outline.frontMatter ?? '') : '', line: section.line };
      ids.push(entry.id);
      this.entries.set(entry.id, entry);
      this.mini.add(entry);
    });
    this.idsByPath.set(path, ids);
  }

  remove(path: string): void {
    for (const id of this.idsByPath.get(path) ?? []) {
      this.mini.discard(id);
      this.entries.delete(id);
    }
    this.idsByPath.delete(path);
  }

  search(query: string, limit = 50): SearchHit[] {
    if (!query.trim()) return [];
    return this.mini
      .search(query)
      .slice(0, limit)
      .map((result) => this.toHit(this.entries.get(result.id as number)!, result.terms, result.score));
  }

  /** Every heading, for workspace symbols. */
  headings(): Array<{ path: string; heading: string; line: number }> {
    return [...this.entries.values()].filter((e) => e.heading).map(({ path, heading, line }) => ({ path, heading, line }));
  }

  private toHit(entry: Entry, terms: string[], score: number): SearchHit {
    const matches = (text: string) => terms.some((term) => text.toLowerCase().includes(term));
    if (entry.heading && matches(entry.heading)) return { path: entry.path, line: entry.line, heading: entry.heading, preview: entry.heading, kind: 'heading', score };
    const lines = entry.text.split(/\r\n|\r|\n/);
    const index = lines.findIndex(matches);
    if (index >= 0) return { path: entry.path, line: entry.line + index, heading: entry.heading, preview: lines[index].trim(), kind: 'text', score };
    const metaLine = entry.meta.split(/\r\n|\r|\n/).find(matches);
    return { path: entry.path, line: entry.line, heading: entry.heading, preview: (metaLine ?? entry.heading).trim(), kind: metaLine ? 'frontmatter' : 'heading', score };
  }
}
