/**
 * A line-at-a-time reading of shell text, just enough to tell whether the next line starts a new
 * command or carries on the one above (inside quotes, a here-document, `$( … )`, a `case`, or
 * after a trailing `\`, `|`, `&&`). It also finds the quoted stretches of a line. It is not a
 * parser: the one parser is mvdan/sh, which reads the whole script afterwards.
 */

/** `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the start of a here-document and its delimiter. */
export const HERE_DOC = /(?<!<)<<-?(?!<)[ \t]*(['"]?)([\w.-]+)\1/;
const HERE_DOC_AT = new RegExp(HERE_DOC.source, 'y');

export interface Span {
  start: number;
  end: number;
}

export class LineLexer {
  private quote: '' | "'" | '"' | '`' | "$'" = '';
  private depth = 0;
  private caseDepth = 0;
  private escapedLineEnd = false;
  private trailingOperator = false;
  private pendingHereDocs: string[] = [];
  private hereDoc: string | undefined;

  /** Whether the next line starts a statement of its own. */
  get atTopLevel(): boolean {
    return this.quote === '' && this.depth === 0 && this.caseDepth === 0 && !this.escapedLineEnd && !this.trailingOperator && this.hereDoc === undefined;
  }

  /**
   * Whether the next line carries on the statement only because the last one ended with `|`, `&&`
   * or `||`: a shell then shows its `> ` prompt, so a transcript line without one is output.
   */
  get onlyAfterOperator(): boolean {
    return this.trailingOperator && this.quote === '' && this.depth === 0 && !this.escapedLineEnd;
  }

  /** Whether the next line is the body of a here-document (data, not shell). */
  get inHereDoc(): boolean {
    return this.hereDoc !== undefined;
  }

  /** Reads a line; returns the stretches of it that are inside quotes. */
  read(line: string): Span[] {
    if (this.hereDoc !== undefined) {
      if (line.replace(/^[ \t]*(?:> ?)?/, '').trimEnd() === this.hereDoc) this.hereDoc = this.pendingHereDocs.shift();
      return [];
    }
    const quoted: Span[] = [];
    let quoteStart = 0;
    let i = 0;
    this.escapedLineEnd = false;
    this.trailingOperator = false;
    const open = (quote: LineLexer['quote'], at: number) => {
      this.quote = quote;
      quoteStart = at;
    };
    if (this.quote !== '') quoteStart = 0;
    // The last character of code on the line (outside quotes and comments): `|` or `&&` there carry on.
    let last = -1;
    while (i < line.length) {
      const c = line[i];
      if (this.quote === "'") {
        if (c === "'") this.close(quoted, quoteStart, i);
        last = i;
        i++;
      } else if (this.quote !== '') {
        if (c === '\\') i += 2;
        else {
          if ((this.quote === '"' && c === '"') || (this.quote === '`' && c === '`') || (this.quote === "$'" && c === "'")) this.close(quoted, quoteStart, i);
          last = i;
          i++;
        }
      } else if (c === '\\') {
        if (i === line.length - 1) this.escapedLineEnd = true;
        i += 2;
      } else if (c === "'" || c === '"' || c === '`') {
        open(c === "'" && line[i - 1] === '$' ? "$'" : c, i);
        i++;
      } else if (c === '#' && (i === 0 || /[\s;|&(]/.test(line[i - 1]))) {
        break;
      } else if (c === '<' && hereDocAt(line, i)) {
        const [operator, delimiter] = hereDocAt(line, i)!;
        this.pendingHereDocs.push(delimiter);
        i += operator.length;
      } else {
        if (c === '(') this.depth++;
        else if (c === ')') this.depth = Math.max(0, this.depth - 1);
        else if ((c === 'c' || c === 'e') && (i === 0 || /[\s;|&(]/.test(line[i - 1]))) this.keyword(line, i);
        if (c !== ' ' && c !== '\t') last = i;
        i++;
      }
    }
    if (this.quote !== '') quoted.push({ start: quoteStart, end: line.length });
    if (this.quote === '' && (line[last] === '|' || (line[last] === '&' && line[last - 1] === '&'))) this.trailingOperator = true;
    if (this.quote === '' && this.pendingHereDocs.length > 0) this.hereDoc = this.pendingHereDocs.shift();
    return quoted;
  }

  private close(quoted: Span[], start: number, at: number): void {
    quoted.push({ start, end: at + 1 });
    this.quote = '';
  }

  /** `case … in` opens patterns (`1)` is one), `esac` closes them. */
  private keyword(line: string, at: number): void {
    const after = line[at + 4];
    if (line.startsWith('case', at) && (after === ' ' || after === '\t')) this.caseDepth++;
    else if (line.startsWith('esac', at) && (after === undefined || !/\w/.test(after))) this.caseDepth = Math.max(0, this.caseDepth - 1);
  }
}

/** The here-document operator at an offset of a line, and its delimiter. */
function hereDocAt(line: string, at: number): [string, string] | undefined {
  HERE_DOC_AT.lastIndex = at;
  const match = HERE_DOC_AT.exec(line);
  return match ? [match[0], match[2]] : undefined;
}
