/** The OpsDocs requests and notifications beyond LSP, shared by the server and the client. */
import type { CoverageReport } from '../engine/workspace/coverage';

export const VALIDATE_ALL = 'opsdocs/validateAll';
export const COVERAGE = 'opsdocs/coverage';
export const MARK_REVIEWED = 'opsdocs/markReviewed';
export const INSERT_MISSING_SECTIONS = 'opsdocs/insertMissingSections';
/** The text of a new document for a path (and a type, else the one the config gives the path). */
export const NEW_DOCUMENT = 'opsdocs/newDocument';
/** The templates New Document from Template… offers for a folder: `{ folder }` → TemplateChoice[]. */
export const TEMPLATES = 'opsdocs/templates';
/** The `.opsdocs.yaml` OpsDocs: Configure Workspace… proposes for a folder: `{ folder }` → ProposeConfigResult. */
export const PROPOSE_CONFIG = 'opsdocs/proposeConfig';
/** Full-text search over every document: `{ query }` → SearchHit[]. */
export const SEARCH = 'opsdocs/search';
/** Client → server: the user trusted the workspace (it starts untrusted in Restricted Mode). */
export const TRUSTED = 'opsdocs/trusted';
/** Server → client: progress of a Validate All run. */
export const PROGRESS = 'opsdocs/progress';
/** Server → client: the workspace's coverage changed (a document was edited or changed on disk). */
export const COVERAGE_CHANGED = 'opsdocs/coverageChanged';

export interface ValidateAllResult {
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Sections present of required, over typed documents, in percent. */
  coverage: number;
  overdue: number;
  /** Files whose result was reused because they had not changed. */
  reused: number;
  cancelled: boolean;
}

export interface ProgressParams {
  done: number;
  total: number;
}

export interface CoverageResult {
  /** One report per workspace folder (or config root). */
  reports: Array<{ root: string; report: CoverageReport }>;
}

/** Edits for a document, by URI: the client applies them as one workspace edit. */
export interface DocumentEditParams {
  uri: string;
}

export interface TemplatesParams {
  /** Absolute path of the folder the new document goes into (its config decides the types). */
  folder: string;
}

export interface NewDocumentParams {
  /** Absolute path of the document to create. */
  path: string;
  type?: string;
  title?: string;
}

export interface SearchParams {
  query: string;
  limit?: number;
}

/** When the server checks an open document: as it changes, or when it is opened and saved. */
export type RunMode = 'onType' | 'onSave';

/**
 * The client's settings for the server: in `initializationOptions` at start, and in
 * `workspace/didChangeConfiguration` as `{ settings: { opsdocs: ServerSettings } }` when they change.
 */
export interface ServerSettings {
  run?: RunMode;
}

export interface ProposeConfigParams {
  folder: string;
}

/** The proposed file and its text, or with `existing` the config file the folder has already (never overwritten). */
export interface ProposeConfigResult {
  file: string;
  existing: boolean;
  text?: string;
  summary?: string;
}
