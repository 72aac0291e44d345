import type { Finding } from '../engine/types';
import type { TypeSource } from '../engine/analysis';
import type { DocumentCoverage } from '../engine/workspace/coverage';

export interface FileReport {
  path: string;
  /** Relative to the current folder, with forward slashes. */
  relativePath: string;
  type?: string;
  typeSource?: TypeSource;
  findings: Finding[];
  /** The document's place in the coverage table (sections, review state), for what the run says of the whole set. */
  coverage?: DocumentCoverage;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface RunReport {
  cwd: string;
  files: FileReport[];
  summary: Summary;
}

export function summarize(files: FileReport[]): Summary {
  const all = files.flatMap((f) => f.findings);
  return {
    files: files.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}
