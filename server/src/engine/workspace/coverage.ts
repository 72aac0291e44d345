import * as path from 'node:path';
import { toPosix, type Analysis, type TypeSource } from '../analysis';
import type { OpsDocument } from '../document/parse';
import { alertCoverage, type AlertCoverage } from './alertFindings';
import type { FileSystem } from '../fileSystem';
import type { OpsDocsConfig } from '../config/config';
import { formatIsoDate, type CalendarDate } from '../review/dates';
import { drillStatus, type DrillStatus } from '../review/drill';
import type { Engine } from '../engine';
import type { ReviewState } from '../review/review';
import type { StubKind } from '../document/stubs';

/** One document's place in the coverage table. */
export interface DocumentCoverage {
  path: string;
  /** Relative to the config root, with forward slashes. */
  relativePath: string;
  type?: string;
  /** Where the type comes from: `inferred` when only the headings say it. */
  typeSource?: TypeSource;
  /** A moved, deprecated or pointer page, which OpsDocs asks nothing of. */
  stub?: StubKind;
  title?: string;
  sectionsPresent: number;
  sectionsRequired: number;
  missingSections: string[];
  review: ReviewState;
  lastReviewed?: string;
  due?: string;
  /** For disaster-recovery and incident-response documents: the state of their last drill. */
  drill?: DrillStatus['state'];
  lastTested?: string;
}

/** The seeds' "coverage metrics" row: an area (document type) and how complete it is. */
export interface TypeCoverage {
  type: string;
  title: string;
  documents: number;
  sectionsPresent: number;
  sectionsRequired: number;
  /** Sections present of required, in percent (100 when nothing is required). */
  coverage: number;
  overdue: number;
  dueSoon: number;
  drillsOverdue: number;
}

/** An entry of `requiredDocs`: a path or a type that must exist. */
export interface RequiredDoc {
  entry: string;
  kind: 'path' | 'type';
  present: boolean;
  /** The documents that satisfy it. */
  documents: string[];
}

export interface CoverageReport {
  documents: DocumentCoverage[];
  types: TypeCoverage[];
  required: RequiredDoc[];
  /** The config's alert rules and the runbook each leads to (empty without `alerts`). */
  alerts: AlertCoverage[];
  totals: { documents: number; typed: number; coverage: number; overdue: number; dueSoon: number; drillsOverdue: number; requiredMissing: number; alertsWithoutRunbook: number };
}

export function documentCoverage(engine: Engine, file: string, text: string): DocumentCoverage | undefined {
  const analyzed = engine.analyze(file, text);
  return analyzed && coverageOf(file, analyzed.config.root, analyzed.document, analyzed.analysis, engine.today());
}

/** Coverage from an analysis already made (by a validation run). */
export function coverageOf(file: string, root: string, document: OpsDocument, analysis: Analysis, today: CalendarDate): DocumentCoverage {
  const drill = drillStatus(document, analysis, today);
  const entryParts = analysis.entries.flatMap((e) => e.parts);
  const required = [...analysis.sections, ...entryParts];
  const present = analysis.sections.filter((s) => s.heading).length + entryParts.filter((p) => p.at !== undefined).length;
  return {
    path: file,
    relativePath: toPosix(path.relative(root, file)),
    type: analysis.type?.id,
    typeSource: analysis.typeSource,
    stub: analysis.stub,
    title: document.headings.find((h) => h.depth === 1)?.text,
    sectionsPresent: present,
    sectionsRequired: required.length,
    missingSections: analysis.sections.filter((s) => !s.heading).map((s) => s.spec.name),
    review: analysis.review.state,
    lastReviewed: analysis.review.review?.value,
    due: analysis.review.due ? formatIsoDate(analysis.review.due) : undefined,
    drill: drill?.state,
    lastTested: drill?.tested?.value,
  };
}

export function summarizeCoverage(documents: DocumentCoverage[], config: OpsDocsConfig, fs: FileSystem): CoverageReport {
  const exists = (file: string) => fs.stat(file) === 'file';
  const types = config.types
    .map((type) => typeRow(type.id, type.title, documents.filter((d) => d.type === type.id)))
    .filter((row) => row.documents > 0);
  const required = requiredDocsStatus(config, documents, exists);
  const typed = documents.filter((d) => d.type);
  const present = typed.reduce((n, d) => n + d.sectionsPresent, 0);
  const needed = typed.reduce((n, d) => n + d.sectionsRequired, 0);
  const alerts = alertCoverage(config, fs, documents.map((d) => d.path));
  return {
    documents,
    types,
    required,
    alerts,
    totals: {
      documents: documents.length,
      typed: typed.length,
      coverage: percent(present, needed),
      overdue: documents.filter((d) => d.review === 'overdue').length,
      dueSoon: documents.filter((d) => d.review === 'due-soon').length,
      drillsOverdue: documents.filter((d) => d.drill === 'overdue' || d.drill === 'none').length,
      requiredMissing: required.filter((r) => !r.present).length,
      alertsWithoutRunbook: alerts.filter((a) => !a.runbook).length,
    },
  };
}

function typeRow(type: string, title: string, documents: DocumentCoverage[]): TypeCoverage {
  const sectionsPresent = documents.reduce((n, d) => n + d.sectionsPresent, 0);
  const sectionsRequired = documents.reduce((n, d) => n + d.sectionsRequired, 0);
  return {
    type,
    title,
    documents: documents.length,
    sectionsPresent,
    sectionsRequired,
    coverage: percent(sectionsPresent, sectionsRequired),
    overdue: documents.filter((d) => d.review === 'overdue').length,
    dueSoon: documents.filter((d) => d.review === 'due-soon').length,
    drillsOverdue: documents.filter((d) => d.drill === 'overdue' || d.drill === 'none').length,
  };
}

/** Which entries of the config's `requiredDocs` the documents (by type) and the disk (by path) satisfy. */
export function requiredDocsStatus(config: OpsDocsConfig, documents: Array<{ path: string; type?: string }>, exists: (file: string) => boolean): RequiredDoc[] {
  return config.requiredDocs.map((entry) => requiredDoc(entry, config, documents, exists));
}

function requiredDoc(entry: string, config: OpsDocsConfig, documents: Array<{ path: string; type?: string }>, exists: (file: string) => boolean): RequiredDoc {
  if (config.types.some((t) => t.id === entry)) {
    const matching = documents.filter((d) => d.type === entry).map((d) => toPosix(path.relative(config.root, d.path)));
    return { entry, kind: 'type', present: matching.length > 0, documents: matching };
  }
  const file = path.resolve(config.root, entry);
  const present = exists(file);
  return { entry, kind: 'path', present, documents: present ? [toPosix(path.relative(config.root, file))] : [] };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}
