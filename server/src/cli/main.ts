import { parseArgs } from 'node:util';
import { validateCommand, FORMATS, type Format } from './validate';

declare const SERVER_VERSION: string;

const USAGE = `Usage: opsdocs <command> [options]

Commands:
  validate [paths…]   Check documents (files or folders; default: the current folder)

Options for validate:
  --format <f>        text (default), json, sarif or junit
  --config <file>     Use this config file for every document
  --fix               Apply the preferred quick fix of each finding, then report what remains
  --max-warnings <n>  Exit 1 when there are more than n warnings
  -h, --help          Show this help
  -v, --version       Show the version

Exit status: 0 no errors (and warnings within --max-warnings), 1 findings over that,
2 bad usage or an unreadable config.`;

export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    err.write(`opsdocs: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out.write(`${SERVER_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    (values.help ? out : err).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (command !== 'validate') {
    err.write(`opsdocs: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  if (!FORMATS.includes(values.format as Format)) {
    err.write(`opsdocs: --format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
    err.write('opsdocs: --max-warnings must be a whole number\n');
    return 2;
  }
  return validateCommand({ paths, format: values.format as Format, config: values.config, fix: values.fix, maxWarnings }, out, err);
}

if (require.main === module) {
  main(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`opsdocs: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
