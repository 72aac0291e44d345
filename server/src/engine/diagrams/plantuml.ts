import { findProgram, RecentResults, runChecker } from '../programs';

/** `@startuml`, `@startmindmap`, `@enduml`…: a diagram's bounds, with their kind. */
const BOUND = /^[ \t]*@(start|end)([a-z]+)\b/;

export interface PlantUmlBound {
  edge: 'start' | 'end';
  kind: string;
  /** 0-based line within the block. */
  line: number;
}

export function plantUmlBounds(text: string): PlantUmlBound[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => {
    const match = BOUND.exec(line);
    return match ? [{ edge: match[1] as 'start' | 'end', kind: match[2], line: index }] : [];
  });
}

/** A diagram PlantUML rejects: the 0-based line of the block it names. */
export interface PlantUmlError {
  line: number;
  message: string;
}

const recent = new RecentResults<PlantUmlError[]>();

/** What became of PlantUML's syntax check of a block: its errors, or why there are none. */
export type PlantUmlCheck = { status: 'checked'; errors: PlantUmlError[] } | { status: 'missing' | 'timeout' | 'failed' | 'includes' };

/**
 * A line that makes PlantUML read a file or fetch a URL: `!include file.puml`, `!includeurl …`,
 * `!import`, `!theme x from …`, `%load_json(…)`. The standard library's `!include <C4/C4_Container>`
 * is inside PlantUML itself and reads nothing. Tested a line at a time, each test anchored.
 */
const INCLUDE = /^!include(?:url|sub|_many|_once)?[ \t]+[^<\s]|^!import\b/;
const THEME = /^!theme\b/;
const FROM = /\bfrom\b/;
const LOAD = /%load_json\b/;

function readsOutside(text: string): boolean {
  return text.split(/\r?\n|\r/).some((raw) => {
    const line = raw.trimStart();
    return INCLUDE.test(line) || (THEME.test(line) && FROM.test(line)) || LOAD.test(line);
  });
}

/**
 * PlantUML's syntax check (`plantuml -syntax`, from PATH) of a block whose bounds balance; a block
 * without bounds is checked as one diagram, as Markdown renderers wrap it. `missing` when no local
 * PlantUML is installed; `timeout` or `failed` when it did not answer. Nothing is ever sent to a server.
 */
export async function plantUmlCheck(text: string, bounds: PlantUmlBound[], timeoutMs: number): Promise<PlantUmlCheck> {
  const program = findProgram('plantuml');
  if (!program) return { status: 'missing' };
  // PlantUML would read or fetch what the diagram names: it is not run (and without what the file defines, its check would be wrong).
  if (readsOutside(text)) return { status: 'includes' };
  const wrapped = bounds.length === 0;
  const input = wrapped ? `@startuml\n${text}\n@enduml\n` : text;
  // Each result's line counts from its diagram's @start line.
  const starts = wrapped ? [-1] : bounds.filter((b) => b.edge === 'start').map((b) => b.line);
  const started = Date.now();
  const errors = await recent.get(`${timeoutMs}\0${input}`, async () => {
    // PlantUML 1.2021 and later read their security profile from the environment: no files, no network.
    const result = await runChecker(program, ['-syntax'], input, timeoutMs, { PLANTUML_SECURITY_PROFILE: 'SANDBOX' });
    return result && parseSyntaxReport(result.stdout, starts);
  });
  if (errors) return { status: 'checked', errors };
  // runChecker kills the checker at the timeout and gives nothing back: the time it took tells the two apart.
  return { status: Date.now() - started >= timeoutMs ? 'timeout' : 'failed' };
}

/** `-syntax` prints, per diagram, its kind and a summary, or `ERROR`, the line and the reason. */
function parseSyntaxReport(output: string, starts: number[]): PlantUmlError[] {
  const lines = output.split(/\r?\n/);
  const errors: PlantUmlError[] = [];
  let diagram = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === 'ERROR') {
      const line = Number(lines[i + 1]);
      errors.push({ line: (starts[diagram] ?? 0) + (Number.isFinite(line) ? line : 0), message: lines[i + 2]?.trim() || 'Syntax Error?' });
      i += 2;
      diagram++;
    } else if (/^[A-Z_]+$/.test(lines[i]) && lines[i + 1] !== undefined) {
      i += 1;
      diagram++;
    }
  }
  return errors;
}
