import { parseArgs } from 'node:util';
import { COVERAGE_FORMATS, coverageCommand, type CoverageFormat } from './coverage';
import { initCommand } from './init';
import { newCommand } from './new';
import { FORMATS, validateCommand, type Format } from './validate';
import { MERGE_FORMATS, mergeCommand, type MergeFormat } from './merge';
import { parseShard } from './shard';
import { isValidationWorker, runValidationWorker } from '../engine/workspace/worker';

declare const SERVER_VERSION: string;

const USAGE = `Usage: opsdocs <command> [options]

Commands:
  validate [paths…]   Check documents (files or folders; default: the current folder)
  coverage [paths…]   Sections present of required, review state and required documents
  new <type> <path>   Write a new document from the type's template (never overwrites)
  init [folder]       Write a commented .opsdocs.yaml from what the folder holds (never overwrites)
  merge <files…>      Join the JSON or JUnit results of several runs (the shards of a CI matrix)

Options for validate:
  --format <f>        text (default), json, sarif, junit, github (workflow commands)
                      or codequality (GitLab Code Quality report)
  --config <file>     Use this config file for every document
  --fix               Apply the fixes (never a suggestion: no command or date changes, no
                      working link redirected), then report what remains
  --max-warnings <n>  Exit 1 when there are more than n warnings
  --no-cache          Check every document, even those whose earlier results still hold
  --cache-location <d>  Where results are kept (default node_modules/.cache/opsdocs, or
                      .opsdocs-cache where there is no node_modules)
  --shard <i/n>       Check the i-th of n parts of the documents (a CI matrix job each)

Options for coverage:
  --format <f>        md (default), json or html
  --config <file>     Use this config file for every document

Options for merge:
  --format <f>        json (default) or junit, as the files are

Options for init:
  --print             Print the proposed config instead of writing it (also when one exists)

Options for new:
  --title <title>     The document's title (default: from the file name)
  --config <file>     Use this config file

  -h, --help          Show this help
  -v, --version       Show the version

Exit status of validate: 0 no errors (and warnings within --max-warnings), 1 findings over
that, 2 bad usage or an unreadable config.`;

const OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  title: { type: 'string' },
  fix: { type: 'boolean', default: false },
  print: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  cache: { type: 'boolean', default: true },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, allowNegative: true, options: OPTIONS });
  } catch (error) {
    return usageError((error as Error).message, err);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out.write(`${SERVER_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'validate') {
    const format = values.format ?? 'text';
    if (!FORMATS.includes(format as Format)) return usageError(`--format must be one of ${FORMATS.join(', ')}`, err);
    const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) return usageError('--max-warnings must be a whole number', err);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (values.shard !== undefined && !shard) return usageError('--shard must be i/n, with 1 ≤ i ≤ n: --shard 2/4', err);
    return validateCommand(
      { paths, format: format as Format, config: values.config, fix: values.fix, maxWarnings, cache: values.cache, cacheLocation: values['cache-location'], shard },
      out,
      err,
    );
  }
  if (command === 'coverage') {
    const format = values.format ?? 'md';
    if (!COVERAGE_FORMATS.includes(format as CoverageFormat)) return usageError(`--format must be one of ${COVERAGE_FORMATS.join(', ')}`, err);
    if (values.fix || values['max-warnings'] !== undefined) return usageError('coverage takes neither --fix nor --max-warnings', err);
    return coverageCommand({ paths, format: format as CoverageFormat, config: values.config }, out, err);
  }
  if (command === 'merge') {
    const format = values.format ?? 'json';
    if (!MERGE_FORMATS.includes(format as MergeFormat)) return usageError(`merge --format must be one of ${MERGE_FORMATS.join(', ')}`, err);
    if (paths.length === 0) return usageError('merge takes the result files to join: opsdocs merge shard-1.json shard-2.json', err);
    return mergeCommand({ files: paths, format: format as MergeFormat }, out, err);
  }
  if (command === 'new') {
    if (paths.length !== 2) return usageError('new takes a type and a path: opsdocs new runbook docs/runbooks/restart-api.md', err);
    if (values.format !== undefined || values.fix || values['max-warnings'] !== undefined) return usageError('new takes only --title and --config', err);
    return newCommand({ type: paths[0], path: paths[1], title: values.title, config: values.config }, out, err);
  }
  if (command === 'init') {
    if (paths.length > 1) return usageError('init takes one folder at most: opsdocs init docs', err);
    if (values.format !== undefined || values.config !== undefined || values.fix || values['max-warnings'] !== undefined) return usageError('init takes only --print', err);
    return initCommand({ folder: paths[0], print: values.print }, out, err);
  }
  return usageError(command ? `unknown command "${command}"` : 'a command is required', err);
}

function usageError(message: string, err: NodeJS.WritableStream): number {
  err.write(`opsdocs: ${message}\n\n${USAGE}\n`);
  return 2;
}

if (isValidationWorker()) runValidationWorker();
else if (require.main === module) {
  main(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`opsdocs: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
