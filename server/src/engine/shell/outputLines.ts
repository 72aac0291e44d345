import { isJsonValue } from '../examples/json';
import { isKnownProgram } from './commandLike';

const TREE_BRANCH = /^\s*(?:[├└│┌┐┘┬┴┼─═║╔╚]|\|--|`--|\+--)/;

/**
 * Lines that cannot begin a command a reader types: what a command printed, pasted under it.
 * Each pattern is a form no program name or shell statement takes.
 */
const OUTPUT_LINES: readonly RegExp[] = [
  // syslog: `Oct 18 19:39:36 host prog[123]: …`
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d /,
  // klog: `I0611 11:13:35.048771       1 controller.go:245] …`
  /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+\s+\S+:\d+\]/,
  // ISO-8601 stamps, bare or bracketed: `2024-05-01T10:00:00Z …`, `[2024-05-01 10:00:00] …`
  /^\s*\[?\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d|\b)/,
  // logfmt with a level or a time: `level=error ts=… msg="…"`, `time="2024-…" level=info …`
  /^\s*(?:level|lvl|ts|time|timestamp)=\S+\s+\w+=/,
  // `[errno 13] RADOS permission denied`, `[+]etcd ok`: a bracketed tag, then text (`[ -f x ]` has a space)
  /^\s*\[[^\s[\]][^\]\n]*\](?:[ \t]+\S|\w)/,
  // mount's report: `/dev/rbd0 on /mnt type ext4 (rw,relatime)`
  /^\s*\S+ on \S+(?: type \S+)? \(/,
  // `[INFO] …`, `INFO[0000] …`
  /^\s*(?:\[(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|trace|debug|info|warn|warning|error|fatal)\]|(?:DEBU|INFO|WARN|ERRO|FATA)\[\d+\])/,
  // `Key: value`, `"key": value`, `key:` (YAML and describe output): no command name ends with a colon.
  /^\s*(?:"[^"\n]+"|'[^'\n]+'|[\w.\/@-]+):(?:\s|$)/,
  // `Last State:  Terminated`, `Error from server (NotFound): …`: a capitalised key of a few words.
  /^\s*[A-Z][\w-]*(?: [\w()\/.,'-]+){1,6}:(?:\s|$)/,
  // `Pool name .......: rbd`, `Total ........ 12`
  /^\s*\w[\w ()\/-]*?\s?\.{3,}\s*:?\s/,
  // `ls -l` rows and their total: `-rw-r--r-- 1 root root 42 …`, `total 48`
  /^[-dlcbpsD][rwxsStT-]{9}[.+@]?\s+\d+\s/,
  /^total \d+\s*$/,
  // Replies of redis-cli and the like: `1) "value"`, `(integer) 1`, `(nil)`
  /^\s*\d+\) /,
  /^\s*\((?:integer|nil|error|empty (?:array|list or set)|true|false)\)/,
  // Elisions: `...`, `…`, `[...]`, `<snip>`
  /^\s*(?:\.\.\.|…|\[(?:\.\.\.|…|snip)\]|<snip>|\(\.\.\.\))\s*$/,
  // Trees and tables: `├── x`, `|-- x`, `` `-- x ``, `+----+`, `| a | b |`, `-----  ----`
  TREE_BRANCH,
  /^\s*\|.*\|\s*$/,
  /^(?=.*---)[-=+|:\s]+$/,
  // kubectl's reports: `pod/api-0 created`, `deployment.apps/api condition met`, `deployment "api" successfully rolled out`
  /^\s*[a-z][\w.-]*\/[\w.:-]+ (?:created|configured|unchanged|deleted|patched|labeled|annotated|cordoned|uncordoned|drained|evicted|restarted|rolled back|scaled|exposed|tainted|untainted|serverside-applied|condition met|edited|replaced|autoscaled)\b/,
  /^\s*[a-z][\w.-]* "[^"]+" (?:successfully|created|deleted|configured|unchanged)\b/,
  // A status word or a row of them: `HEALTH_OK`, `OK`, `PASSED`
  /^\s*[A-Z][A-Z0-9_]+(?:[ \t]+[A-Z0-9_:,.()-]+)*\s*$/,
  // HTTP: `HTTP/1.1 200 OK`
  /^HTTP\/\d(?:\.\d)? \d{3}/,
  // A symbol no program name starts with: `● kubelet.service`, `✔ done`, `→ next`
  /^\s*[^\x00-\x7F\w]/u,
];

/** A line a command printed (or a stand-in for such lines), never a command. */
export function isOutputLine(line: string): boolean {
  return OUTPUT_LINES.some((pattern) => pattern.test(line)) || startsAsSentence(line);
}

/** A tree's root: one word or path right above the tree's first branch (`grandparent` over `` `-- parent ``). */
export function isTreeRoot(lines: readonly string[], i: number): boolean {
  return /^\s*\S+\s*$/.test(lines[i]) && lines[i + 1] !== undefined && TREE_BRANCH.test(lines[i + 1]);
}

/**
 * Rows of a table without its header: two lines or more whose fields, set apart by two spaces
 * or more, start at the same columns (`rook-ceph-mgr-a   req/upd/avl: 1/1/1   rook-version=v1`).
 * A command's stray double spaces do not line up with the next line's.
 */
export function isAlignedRow(lines: readonly string[], i: number): boolean {
  const columns = fieldColumns(lines[i]);
  if (columns.length < 2) return false;
  return [lines[i - 1], lines[i + 1]].some((other) => other !== undefined && fieldColumns(other).filter((c) => columns.includes(c)).length >= 2);
}

/** Where the fields after a gap of two or more spaces start. */
function fieldColumns(line: string): number[] {
  return [...line.trimEnd().matchAll(/\S {2,}(?=\S)/g)].map((m) => m.index! + m[0].length);
}

/**
 * `NAMESPACE   NAME   READY   STATUS` or `Type    Reason   Age   From   Message`: the header of a
 * table that kubectl, docker, ps print: two or more upper-case or three or more capitalised columns.
 */
export function isTableHeader(line: string): boolean {
  const columns = line.trim().split(/ {2,}|\t/);
  if (columns.length >= 2 && columns.every((column) => /^[A-Z][A-Z0-9_%().:/ -]*$/.test(column))) return true;
  return columns.length >= 3 && columns.every((column) => /^[A-Z][A-Za-z0-9_%().:/-]*$/.test(column));
}

/**
 * A sentence, or the start of one: a capitalised word that is no program, then a word in lower case
 * (`Cluster connection interrupted or timed out`, `Insufficient space (<5GB) on vgs`, `LVM detected`).
 */
function startsAsSentence(line: string): boolean {
  const match = /^\s*([A-Z][A-Za-z]*)[ ,]+[a-z]/.exec(line);
  return match !== null && !isKnownProgram(match[1]);
}

/**
 * The last line of a JSON value that starts on line `start` (what `-o json` prints), if one does:
 * brackets balance there and the lines parse as JSON, or as an excerpt of it.
 */
export function jsonRunEnd(lines: readonly string[], start: number): number | undefined {
  if (!/^\s*[[{]/.test(lines[start])) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
    }
    inString = false;
    if (depth <= 0) return isJsonValue(lines.slice(start, i + 1).join('\n')) ? i : undefined;
  }
  return isJsonValue(lines.slice(start).join('\n')) ? lines.length - 1 : undefined;
}
