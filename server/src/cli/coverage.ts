import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentCoverage, summarizeCoverage, type DocumentCoverage } from '../engine/workspace/coverage';
import { diskFileSystem } from '../engine/fileSystem';
import { coverageHtml } from '../report/coverageHtml';
import { coverageMarkdown } from '../report/coverageMarkdown';
import { startRun } from './inputs';

export const COVERAGE_FORMATS = ['md', 'json', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export async function coverageCommand(
  options: { paths: string[]; format: CoverageFormat; config?: string },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const run = startRun(options, err);
  if (run === 2) return 2;
  const { engine, paths, files } = run;
  const documents = files
    .map((file) => documentCoverage(engine, file, fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')))
    .filter((d): d is DocumentCoverage => d !== undefined);
  // The manifest and the types come from the config of the first path given.
  const { config } = engine.configs.resolveFolder(path.resolve(paths[0]));
  const report = summarizeCoverage(documents, config, diskFileSystem);
  const formatted =
    options.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : options.format === 'html' ? coverageHtml(report) : coverageMarkdown(report);
  out.write(formatted);
  return 0;
}
