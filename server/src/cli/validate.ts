import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem } from '../engine/config';
import { discoverDocuments } from '../engine/discover';
import { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { fixAll } from '../engine/fixAll';
import { LineIndex } from '../engine/text';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { summarize, type FileReport, type RunReport } from './report';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
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
};

export async function validateCommand(options: ValidateOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const cwd = process.cwd();
  const configFile = options.config ? path.resolve(options.config) : undefined;
  if (configFile && diskFileSystem.stat(configFile) !== 'file') {
    err.write(`opsdocs: cannot read config file ${options.config}\n`);
    return 2;
  }
  const engine = new Engine({ fs: diskFileSystem, root: cwd, configFile });
  const files = collectFiles(engine, options.paths.length > 0 ? options.paths : ['.'], err);
  if (!files) return 2;
  const broken = brokenConfigs(engine, files);
  if (broken.length > 0) {
    for (const { file, problems } of broken) err.write(describeConfigProblems(file, problems, cwd));
    return 2;
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(engine, file, options.fix, cwd));
  const report: RunReport = { cwd, files: reports, summary: summarize(reports) };
  out.write(FORMATTERS[options.format](report));
  const { errors, warnings } = report.summary;
  return errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

function collectFiles(engine: Engine, paths: string[], err: NodeJS.WritableStream): string[] | undefined {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    const kind = diskFileSystem.stat(absolute);
    if (kind === 'file') files.add(absolute);
    else if (kind === 'directory') {
      const { config } = engine.configFor(path.join(absolute, '.'));
      // Without a config file, the folder given is the root its globs start from.
      const root = config.file ? config : { ...config, root: absolute };
      for (const file of discoverDocuments(root, absolute)) files.add(file);
    } else {
      err.write(`opsdocs: no such file or folder: ${given}\n`);
      return undefined;
    }
  }
  return [...files];
}

function brokenConfigs(engine: Engine, files: string[]): Array<{ file: string; problems: ConfigProblem[] }> {
  const seen = new Map<string, ConfigProblem[]>();
  for (const file of files) {
    const { config, problems } = engine.configFor(file);
    if (config.file && problems.some((p) => p.severity === 'error')) seen.set(config.file, problems);
  }
  return [...seen].map(([file, problems]) => ({ file, problems }));
}

function describeConfigProblems(file: string, problems: ConfigProblem[], cwd: string): string {
  const lines = new LineIndex(diskFileSystem.readFile(file) ?? '');
  const relative = path.relative(cwd, file) || file;
  return problems
    .map((p) => {
      const at = lines.positionAt(p.start);
      return `${relative}:${at.line + 1}:${at.character + 1}: ${p.severity} ${p.message} [config]\n`;
    })
    .join('');
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
  return { path: file, relativePath: path.relative(cwd, file).split(path.sep).join('/'), type: result?.type, findings: result?.findings ?? [] };
}
