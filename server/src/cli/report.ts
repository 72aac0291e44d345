import type { Finding } from '../engine/types';

export interface FileReport {
  path: string;
  /** Relative to the current folder, with forward slashes. */
  relativePath: string;
  type?: string;
  findings: Finding[];
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
