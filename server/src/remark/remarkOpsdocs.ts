import * as path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ConfigProblem } from '../engine/config/config';
import { LineIndex } from '../engine/document/text';
import { Engine } from '../engine/engine';
import { diskFileSystem } from '../engine/fileSystem';
import { ruleDocumentationUrl } from '../engine/ruleDocs';
import type { Finding, Range, Severity } from '../engine/types';

export interface Options {
  /** One config file for every document, as `opsdocs validate --config`; else `.opsdocs.yaml` found upward. */
  config?: string;
}

/**
 * The OpsDocs engine as a remark plugin: every finding of `opsdocs validate` on the file, as a
 * vfile message (`ruleId`, `source: 'opsdocs'`, `place`, `url`; `expected` where a *fix* replaces
 * text within the finding's place). Errors are fatal, as remark-lint marks the rules set to error.
 */
export function remarkOpsdocs(options: Options = {}) {
  let engine: Engine | undefined;
  return async function transform(_tree: Root, file: VFile): Promise<void> {
    // The engine parses the text itself, with the plugins it needs (front matter, GFM): the tree
    // remark built with the user's plugins may read the same text differently, and the findings
    // must be those of the CLI and the editor.
    const text = String(file.value ?? '').replace(/^\uFEFF/, '');
    const documentPath = path.resolve(file.cwd, file.path ?? 'stdin.md');
    const checker = (engine ??= new Engine({ fs: diskFileSystem, root: file.cwd, configFile: options.config && path.resolve(file.cwd, options.config) }));
    await oneFileAtATime(async () => {
      const { config, problems } = checker.configFor(documentPath);
      for (const problem of problems) reportConfigProblem(file, config.file!, problem);
      const result = await checker.validate(documentPath, text);
      const lines = new LineIndex(text);
      for (const finding of result?.findings ?? []) report(file, finding, lines);
    });
  };
}

let turn: Promise<unknown> = Promise.resolve();

/**
 * unified-engine takes a file with a fatal message for one whose pipeline stopped, and flushes
 * the files queued so far without it; a file that then goes on to the queue waits there forever
 * (remark-lint's rules are synchronous, ours await ShellCheck). So files get their messages one
 * at a time, the next only once this one's pipeline has reached the queue: its remaining steps
 * run as microtasks, all done by the next macrotask.
 */
function oneFileAtATime(work: () => Promise<void>): Promise<void> {
  const done = turn.then(work);
  turn = done.then(nextMacrotask, nextMacrotask);
  return done;
}

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function report(file: VFile, finding: Finding, lines: LineIndex): void {
  const message = file.message(finding.message, { place: toPlace(finding.range), ruleId: finding.rule, source: 'opsdocs' });
  message.fatal = FATAL[finding.severity];
  message.url = ruleDocumentationUrl(finding.rule);
  const replacement = fixReplacement(finding, lines);
  if (replacement !== undefined) {
    message.actual = lines.text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
    message.expected = [replacement];
  }
}

/** vfile's levels: `true` an error, `false` a warning, `undefined` an info (as `file.info()` makes). */
const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined };

/**
 * What the finding's place becomes under its fix, when the fix is one edit within the place.
 * Only a *fix*: `expected` carries no kind, and unified-language-server makes a lone expected
 * value the preferred quick fix, which editors apply unattended. Suggestions stay in the message.
 */
function fixReplacement(finding: Finding, lines: LineIndex): string | undefined {
  const fix = finding.fixes?.find((f) => f.kind === 'fix');
  if (fix?.edits.length !== 1) return undefined;
  const [edit] = fix.edits;
  const [start, end] = [lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end)];
  const [editStart, editEnd] = [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)];
  if (editStart < start || editEnd > end) return undefined;
  return lines.text.slice(start, editStart) + edit.newText + lines.text.slice(editEnd, end);
}

function toPlace(range: Range) {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

/** A problem of the config file, on the document it governs: the defaults (or its last good settings) are in force meanwhile. */
function reportConfigProblem(file: VFile, configFile: string, problem: ConfigProblem): void {
  const text = diskFileSystem.readFile(configFile) ?? '';
  const at = new LineIndex(text).positionAt(problem.start);
  const where = `${path.relative(file.cwd, configFile) || configFile}:${at.line + 1}:${at.character + 1}`;
  const message = file.message(`${where}: ${problem.message} (the config file's last valid settings, or the defaults, are in force)`, { ruleId: 'config', source: 'opsdocs' });
  message.fatal = problem.severity === 'error' ? true : false;
  message.url = ruleDocumentationUrl('config');
}
