import * as path from 'node:path';
import type { OpsDocsConfig } from '../config/config';
import { noteDependency, unrecorded } from '../dependencies';
import type { FileSystem } from '../fileSystem';
import type { DocumentCoverage } from '../workspace/coverage';
import { discoverDocuments } from '../workspace/discover';
import { milder, type Finding, type Severity } from '../types';
import { mayStateReviewDate } from './review';

/** What is known of one collection (the documents one config governs): who states a review date. */
interface Collection {
  /** Documents known to state a review date. */
  stating: Set<string>;
  /** Whether every document was read (else reading stopped at the first that states one). */
  complete: boolean;
}

/**
 * Whether a collection has adopted review dates: some document of it states one. A collection
 * where none does has not adopted them yet, and a review-missing warning on each of its documents
 * would be noise; once one does, every typed document without a date is reported.
 *
 * A fact about many documents, learnt the same way by every front end: the engine reads the
 * collection's documents once (text only, no parse; it stops at the first that states a date) and
 * keeps what it learnt, updated by every document it checks. The language server's engine hears
 * of a change through `onChange` and checks its open documents again; each worker thread of a
 * batch learns it once for itself.
 */
export class ReviewAdoption {
  private readonly collections = new Map<string, Collection>();
  /** What each checked document states, as its analysis found: it outranks the quick read of its text. */
  private readonly checked = new Map<string, boolean>();
  /** The last answer per collection root, to tell a change. */
  private readonly answers = new Map<string, boolean>();

  constructor(
    private readonly fs: FileSystem,
    private readonly onChange: (root: string) => void = () => undefined,
  ) {}

  /** Whether the config requires review dates, or some document of its collection states one. */
  adopted(config: OpsDocsConfig): boolean {
    // The config adopts them for the collection (`review.required`, which `opsdocs init` proposes).
    if (config.review.required) return this.answer(config.root, true);
    let collection = this.collections.get(config.root);
    if (!collection) {
      // The collection's texts are one fact, noted below: no single read is the asking check's dependency.
      collection = unrecorded(() => this.read(config));
      this.collections.set(config.root, collection);
    }
    const adopted = this.answer(config.root, collection.stating.size > 0);
    noteDependency({ kind: 'adoption', path: config.root, value: adopted ? '1' : '0' });
    return adopted;
  }

  /** What a document just checked states; reads nothing unless the answer may have changed. */
  observe(config: OpsDocsConfig, file: string, statesDate: boolean): void {
    this.checked.set(file, statesDate);
    const collection = this.collections.get(config.root);
    if (!collection) return;
    if (statesDate) collection.stating.add(file);
    else collection.stating.delete(file);
    if (collection.stating.size === 0 && !collection.complete) this.collections.delete(config.root);
    if (this.answers.has(config.root) && !config.review.required) this.adopted(config);
  }

  /** After files changed on disk, or a config did: read the collections again when next asked. */
  forget(): void {
    this.collections.clear();
    this.checked.clear();
  }

  private answer(root: string, adopted: boolean): boolean {
    const before = this.answers.get(root);
    this.answers.set(root, adopted);
    if (before !== undefined && before !== adopted) this.onChange(root);
    return adopted;
  }

  private read(config: OpsDocsConfig): Collection {
    for (const file of discoverDocuments(config)) {
      const states = this.checked.get(file) ?? mayStateReviewDate(this.fs.readFile(file) ?? '');
      if (states) return { stating: new Set([file]), complete: false };
    }
    // A document checked outside the collection's globs (opened in the editor) counts for it too.
    const stating = [...this.checked].filter(([file, states]) => states && file.startsWith(config.root + path.sep)).map(([file]) => file);
    return { stating: new Set(stating), complete: true };
  }
}

/**
 * The one notice of a collection that states no review dates, on its first typed document (in
 * path order), which review-missing would otherwise have warned: none is asked of any, and
 * `opsdocs init` sets them up. Nothing when the collection states dates, when no document is
 * typed, or when review-missing is off.
 */
export function reviewAdoptionNotice(config: OpsDocsConfig, documents: readonly DocumentCoverage[], adopted: boolean, defaultSeverity: Severity): { path: string; finding: Finding } | undefined {
  const setting = config.rules['review-missing']?.severity ?? defaultSeverity;
  if (adopted || setting === 'off') return undefined;
  const waiting = documents.filter((d) => d.type && d.review === 'none' && !d.stub).sort((a, b) => a.path.localeCompare(b.path));
  if (waiting.length === 0) return undefined;
  const [first] = waiting;
  const count = waiting.length === 1 ? 'its typed document' : `its ${waiting.length} typed documents`;
  return {
    path: first.path,
    finding: {
      rule: 'review-missing',
      severity: milder(setting, 'info'),
      message:
        `No document of this collection states a review date yet, so none is asked of ${count}. ` +
        'To adopt review dates, run `opsdocs init`; once one document states a date (last_reviewed: YYYY-MM-DD), every typed document without one is reported',
      // The document's start: the notice is about the collection, not a line of this document.
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
  };
}
