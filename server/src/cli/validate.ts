import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { ValidationPool } from '../engine/workspace/batch';
import type { OpsDocsConfig } from '../engine/config/config';
import { coverageOf, requiredDocsStatus, type DocumentCoverage } from '../engine/workspace/coverage';
import { reviewAdoptionNotice } from '../engine/review/adoption';
import { reviewMissing } from '../rules/review-missing';
import { requiredDocsFindings } from '../engine/workspace/requiredDocs';
import { ruleFileFindings } from '../engine/workspace/ruleFileFindings';
import { fixAll } from '../engine/fixAll';
import type { Finding } from '../engine/types';
import type { TypeSource } from '../engine/analysis';
import { startRun } from './inputs';
import { formatCodeQuality } from './formats/codequality';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { summarize, type FileReport, type RunReport } from './report';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export interface ValidateOptions {
  paths: string[];
  format: Format;
  config?: string;
  fix: boolean;
  maxWarnings: number;
}

const FORMATTERS: Record<Format, (report: RunReport) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  codequality: formatCodeQuality,
};

export async function validateCommand(options: ValidateOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const run = startRun(options, err);
  if (run === 2) return 2;
  const { cwd, engine, configFile, files } = run;
  const reports = options.fix || files.length < PARALLEL_FROM ? await checkInTurn(engine, files, options.fix, cwd) : await checkInParallel(files, configFile, cwd);
  addReviewAdoptionNotices(engine, reports);
  reports.push(...(await documentationSetReports(engine, options.paths.length > 0 ? options.paths : ['.'], reports, cwd)));
  const report: RunReport = { cwd, files: reports, summary: summarize(reports) };
  out.write(FORMATTERS[options.format](report));
  const { errors, warnings } = report.summary;
  return errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/**
 * For each folder given: what its config asks of the set as a whole. Missing `requiredDocs`
 * entries, reported on the config file, and alerts without a runbook or queries that do not parse, on their rule files.
 * Single files say nothing about what else exists.
 */
async function documentationSetReports(engine: Engine, paths: string[], reports: FileReport[], cwd: string): Promise<FileReport[]> {
  const configs = new Map<string, OpsDocsConfig>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    if (diskFileSystem.stat(absolute) !== 'directory') continue;
    const { config } = engine.configs.resolveFolder(absolute);
    // Without a config file, the rule files are found by their content under the folder given.
    configs.set(config.file ?? absolute, config.file ? config : { ...config, root: absolute });
  }
  const documents = reports.map((r) => r.path);
  const extra: FileReport[] = [];
  for (const config of configs.values()) {
    if (config.file) {
      const status = requiredDocsStatus(config, reports, (f) => diskFileSystem.stat(f) === 'file');
      extra.push(toReport(config.file, undefined, requiredDocsFindings(config, diskFileSystem.readFile(config.file) ?? '', status), cwd));
    }
    for (const [file, findings] of await ruleFileFindings(config, diskFileSystem, documents)) extra.push(toReport(file, undefined, findings, cwd));
  }
  return extra.filter((r) => r.findings.length > 0);
}

/** A collection that states no review dates hears so once, on its first typed document, in place of a warning on each. */
function addReviewAdoptionNotices(engine: Engine, reports: FileReport[]): void {
  const byRoot = new Map<string, { config: OpsDocsConfig; reports: FileReport[] }>();
  for (const report of reports) {
    const { config } = engine.configFor(report.path);
    if (!byRoot.has(config.root)) byRoot.set(config.root, { config, reports: [] });
    byRoot.get(config.root)!.reports.push(report);
  }
  for (const { config, reports: inCollection } of byRoot.values()) {
    const documents = inCollection.map((r) => r.coverage).filter((c): c is DocumentCoverage => c !== undefined);
    const notice = reviewAdoptionNotice(config, documents, engine.reviewAdoption.adopted(config), reviewMissing.defaultSeverity);
    if (notice) inCollection.find((r) => r.path === notice.path)!.findings.unshift(notice.finding);
  }
}

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 200;

/** Files in flight on the one thread: while one waits on a checker process (ShellCheck), the next parses. */
const IN_FLIGHT = 4;

async function checkInTurn(engine: Engine, files: string[], fix: boolean, cwd: string): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const index = next++;
      reports[index] = await checkFile(engine, files[index], fix, cwd);
    }
  };
  // --fix rewrites files: one at a time, as the fixes of one may depend on another's anchors.
  await Promise.all(Array.from({ length: fix ? 1 : IN_FLIGHT }, lane));
  return reports;
}

async function checkInParallel(files: string[], configFile: string | undefined, cwd: string): Promise<FileReport[]> {
  const pool = new ValidationPool(path.join(__dirname, 'worker.js'), { root: cwd, configFile });
  const byPath = new Map<string, FileReport>();
  try {
    await pool.run(files, (result) => byPath.set(result.path, { ...toReport(result.path, result, result.findings, cwd), coverage: result.coverage }));
  } finally {
    await pool.dispose();
  }
  return files.map((file) => byPath.get(file)!);
}

function toReport(file: string, typing: { type?: string; typeSource?: TypeSource } | undefined, findings: Finding[], cwd: string): FileReport {
  return { path: file, relativePath: path.relative(cwd, file).split(path.sep).join('/'), type: typing?.type, typeSource: typing?.typeSource, findings };
}

async function checkFile(engine: Engine, file: string, fix: boolean, cwd: string): Promise<FileReport> {
  const raw = fs.readFileSync(file, 'utf8');
  // Positions never count a byte order mark; a fixed file keeps the one it had.
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = raw.slice(bom.length);
  if (fix) {
    const fixed = await fixAll(engine, file, text);
    if (fixed !== text) fs.writeFileSync(file, bom + fixed);
    text = fixed;
  }
  const result = await engine.validate(file, text);
  const coverage = result?.document && result.analysis ? coverageOf(file, engine.configFor(file).config.root, result.document, result.analysis, engine.today()) : undefined;
  return { ...toReport(file, result, result?.findings ?? [], cwd), coverage };
}
