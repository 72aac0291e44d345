import type { Analysis } from './analysis';
import type { OpsDocsConfig } from './config/config';
import type { CalendarDate } from './review/dates';
import type { FileSystem } from './fileSystem';
import type { OpsDocument } from './document/parse';
import type { FixKind, Range, Report, Severity } from './types';

export interface RuleContext {
  doc: OpsDocument;
  analysis: Analysis;
  config: OpsDocsConfig;
  /** The rule's options from config (`rules: { id: [severity, options] }`). */
  options: Record<string, unknown>;
  today: CalendarDate;
  fs: FileSystem;
  /** False in an untrusted workspace: then no rule runs a program on the workspace's behalf. */
  trusted: boolean;
  /** What is known of the document's whole collection (read once, on first ask). */
  collection(): CollectionFacts;
  report(report: Report): void;
  /** A range from two offsets into the document's text. */
  range(start: number, end: number): Range;
}

export interface CollectionFacts {
  /** Whether some document of the collection states a review date (see ReviewAdoption). */
  reviewDatesAdopted: boolean;
}

/** One check: a stable id, a description for docs and SARIF, and a function over the parsed document. */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The kind of every fix the rule offers, by fix id: the engine refuses a fix the rule did not declare. */
  fixes?: Readonly<Record<string, FixKind>>;
  /** Runs a program (ShellCheck, PlantUML, git): run after the in-process rules, whose findings an editor may show first. */
  runsProgram?: boolean;
  check(context: RuleContext): void | Promise<void>;
}
