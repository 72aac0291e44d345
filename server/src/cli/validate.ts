import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, notice, NOTICE_SKIPPED } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { recordingDependencies, recordingFileSystem } from '../engine/dependencies';
import type { ResultCache } from '../engine/workspace/resultCache';
import { defaultCacheFolder, openResultCache } from './cache';
import { inShard, type Shard } from './shard';
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
  /** Reuse results of earlier runs that still hold (on unless `--no-cache`). */
  cache: boolean;
  cacheLocation?: string;
  /** `--shard 2/4`: check the second of four deterministic parts of the documents. */
  shard?: Shard;
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
  const run = startRun(options, err, options.cache ? recordingFileSystem(diskFileSystem) : diskFileSystem);
  if (run === 2) return 2;
  const { cwd, engine, configFile } = run;
  const files = options.shard ? inShard(run.files, cwd, options.shard) : run.files;
  const cache = options.cache ? openResultCache(engine, path.resolve(options.cacheLocation ?? defaultCacheFolder(cwd)), cwd, configFile) : undefined;
  if (cache?.problem) err.write(`opsdocs: ${cache.problem}\n`);
  const reports = options.fix ? await checkInTurn(engine, files, true, cwd, cache) : await checkWithCache(engine, files, configFile, cwd, cache, err);
  addReviewAdoptionNotices(engine, reports);
  // The set as a whole is one shard's to report, so that a CI matrix reports it once.
  if (!options.shard || options.shard.index === 1) {
    reports.push(...(await documentationSetReports(engine, options.paths.length > 0 ? options.paths : ['.'], run.files, reports, cwd)));
  }
  cache?.save();
  const report: RunReport = { cwd, files: reports, summary: summarize(reports) };
  out.write(FORMATTERS[options.format](report));
  const { errors, warnings } = report.summary;
  return errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/** Reuses every result that still holds, and checks the rest: in turn, or on worker threads when many. */
async function checkWithCache(engine: Engine, files: string[], configFile: string | undefined, cwd: string, cache: ResultCache | undefined, err: NodeJS.WritableStream): Promise<FileReport[]> {
  const reports = new Map<string, FileReport>();
  const stale: string[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = cache ? readText(file) : undefined;
    const hit = text !== undefined ? cache!.lookup(file, text) : undefined;
    if (hit) reports.set(file, { ...toReport(file, hit, hit.findings, cwd), coverage: hit.coverage });
    else {
      stale.push(file);
      if (text !== undefined) texts.set(file, text);
    }
  }
  if (reports.size > 0) err.write(`opsdocs: ${reports.size} of ${files.length} documents unchanged since the last run, with all they depend on (results from ${cache!.location})\n`);
  const checked = stale.length < PARALLEL_FROM ? await checkInTurn(engine, stale, false, cwd, cache) : await checkInParallel(stale, configFile, cwd, cache, texts);
  for (const report of checked) reports.set(report.path, report);
  return files.map((file) => reports.get(file)!);
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // No cache hit: the file is then checked, and a file that cannot be read gets its notice there.
    return undefined;
  }
}

/**
 * For each folder given: what its config asks of the set as a whole. Missing `requiredDocs`
 * entries, reported on the config file, and alerts without a runbook or queries that do not parse, on their rule files.
 * Single files say nothing about what else exists.
 */
async function documentationSetReports(engine: Engine, paths: string[], files: string[], reports: FileReport[], cwd: string): Promise<FileReport[]> {
  const configs = new Map<string, OpsDocsConfig>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    if (diskFileSystem.stat(absolute) !== 'directory') continue;
    const { config } = engine.configs.resolveFolder(absolute);
    // Without a config file, the rule files are found by their content under the folder given.
    configs.set(config.file ?? absolute, config.file ? config : { ...config, root: absolute });
  }
  let typed: Array<{ path: string; type?: string }> | undefined;
  const extra: FileReport[] = [];
  for (const config of configs.values()) {
    if (config.file) {
      // Only a requiredDocs entry that names a type needs every document's type.
      const needsTypes = config.requiredDocs.some((entry) => config.types.some((t) => t.id === entry));
      const documents = needsTypes ? (typed ??= withOtherShards(engine, files, reports)) : reports;
      const status = requiredDocsStatus(config, documents, (f) => diskFileSystem.stat(f) === 'file');
      extra.push(toReport(config.file, undefined, requiredDocsFindings(config, diskFileSystem.readFile(config.file) ?? '', status), cwd));
    }
    for (const [file, findings] of await ruleFileFindings(config, diskFileSystem, files)) extra.push(toReport(file, undefined, findings, cwd));
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

/**
 * Every document with its type, for what the set as a whole must hold: the ones checked here, and
 * the ones other shards check (typed by a parse only; types come from front matter, globs, headings).
 */
function withOtherShards(engine: Engine, files: string[], reports: FileReport[]): Array<{ path: string; type?: string }> {
  if (reports.length === files.length) return reports;
  const checked = new Map(reports.map((r) => [r.path, r]));
  return files.map((file) => checked.get(file) ?? { path: file, type: typeOf(engine, file) });
}

function typeOf(engine: Engine, file: string): string | undefined {
  const text = readText(file);
  return text === undefined ? undefined : engine.analyze(file, text.replace(/^\uFEFF/, ''))?.analysis.type?.id;
}

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 200;

/** Files in flight on the one thread: while one waits on a checker process (ShellCheck), the next parses. */
const IN_FLIGHT = 4;

async function checkInTurn(engine: Engine, files: string[], fix: boolean, cwd: string, cache?: ResultCache): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const index = next++;
      reports[index] = await checkFile(engine, files[index], fix, cwd, cache);
    }
  };
  // --fix rewrites files: one at a time, as the fixes of one may depend on another's anchors.
  await Promise.all(Array.from({ length: fix ? 1 : IN_FLIGHT }, lane));
  return reports;
}

async function checkInParallel(files: string[], configFile: string | undefined, cwd: string, cache: ResultCache | undefined, texts: Map<string, string>): Promise<FileReport[]> {
  const pool = new ValidationPool(__filename, { root: cwd, configFile, record: cache !== undefined, noOutline: true });
  const byPath = new Map<string, FileReport>();
  try {
    await pool.run(
      files,
      (result) => {
        const report = { ...toReport(result.path, result, result.findings, cwd), coverage: result.coverage };
        // The worker sends the text back only when it read it itself.
        const text = result.text ?? texts.get(result.path);
        if (cache && text !== undefined && !result.error) cache.store(result.path, text, report, result.dependencies ?? []);
        byPath.set(result.path, report);
      },
      () => false,
      texts,
    );
  } finally {
    await pool.dispose();
  }
  return files.map((file) => byPath.get(file)!);
}

function toReport(file: string, typing: { type?: string; typeSource?: TypeSource } | undefined, findings: Finding[], cwd: string): FileReport {
  return { path: file, relativePath: path.relative(cwd, file).split(path.sep).join('/'), type: typing?.type, typeSource: typing?.typeSource, findings };
}

async function checkFile(engine: Engine, file: string, fix: boolean, cwd: string, cache?: ResultCache): Promise<FileReport> {
  const raw = readText(file);
  // As on a worker: a file that cannot be read is said to be unchecked, never reported clean.
  if (raw === undefined) return toReport(file, undefined, [notice(NOTICE_SKIPPED, 'Not checked: OpsDocs cannot read this file.')], cwd);
  // Positions never count a byte order mark; a fixed file keeps the one it had.
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = raw.slice(bom.length);
  if (fix) {
    const fixed = await fixAll(engine, file, text);
    if (fixed !== text) fs.writeFileSync(file, bom + fixed);
    text = fixed;
  }
  const validated = cache ? await recordingDependencies(() => engine.validate(file, text)) : { value: await engine.validate(file, text), dependencies: [] };
  const result = validated.value;
  const coverage = result?.document && result.analysis ? coverageOf(file, engine.configFor(file).config.root, result.document, result.analysis, engine.today()) : undefined;
  const report = { ...toReport(file, result, result?.findings ?? [], cwd), coverage };
  cache?.store(file, bom + text, report, validated.dependencies);
  return report;
}
