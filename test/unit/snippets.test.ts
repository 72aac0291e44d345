/**
 * The snippets (snippets/opsdocs.code-snippets): well-formed, complete, and what they insert
 * passes OpsDocs' own checks. Each body is expanded the way VS Code does (tab stops take their
 * default, choices their first option, variables a fixed date) and validated by the real engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { BUILTIN_TYPES } from '../../server/src/engine/config/docTypes';
import { RULE_IDS, RULES } from '../../server/src/rules';
import type { Finding } from '../../server/src/engine/types';
import { memoryFileSystem, testEngine, TODAY, validateText } from '../helpers/engine';

const ROOT = path.join(__dirname, '..', '..');
const SNIPPETS_FILE = 'snippets/opsdocs.code-snippets';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// ---------------------------------------------------------------------------------------------
// A small expander for VS Code's snippet syntax
// (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar).

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

class SnippetParser {
  private pos = 0;
  constructor(private readonly source: string) {}

  parse(): SnippetNode[] {
    const nodes = this.any(false);
    if (this.pos < this.source.length) throw new Error(`unexpected "${this.source[this.pos]}" at ${this.pos} in ${JSON.stringify(this.source)}`);
    return nodes;
  }

  /** Text, tab stops and variables up to the end, or (inside a placeholder) an unescaped `}`. */
  private any(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\' && '$}\\'.includes(this.source[this.pos + 1] ?? '')) {
        text += this.source[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && inPlaceholder) {
        break;
      } else if (ch === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** A construct opening with `$` at `pos`, or undefined (and `pos` unmoved) when `$` is literal. */
  private dollar(): SnippetNode | undefined {
    const rest = this.source.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+)([}:|/])/.exec(rest) ?? /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)([}:/])/.exec(rest);
    if (!m) return undefined;
    const start = this.pos;
    this.pos += m[0].length;
    const isTabstop = /^\d/.test(m[1]);
    const make = (children?: SnippetNode[], choices?: string[]): SnippetNode =>
      isTabstop ? { kind: 'tabstop', index: Number(m[1]), children, choices } : { kind: 'variable', name: m[1], children };
    switch (m[2]) {
      case '}':
        return make();
      case ':': {
        const children = this.any(true);
        this.expect('}', start);
        return make(children);
      }
      case '|': {
        const choices: string[] = [];
        let choice = '';
        for (;;) {
          const ch = this.source[this.pos];
          if (ch === undefined) throw new Error(`unterminated choice at ${start} in ${JSON.stringify(this.source)}`);
          if (ch === '\\' && '$}\\,|'.includes(this.source[this.pos + 1] ?? '')) {
            choice += this.source[this.pos + 1];
            this.pos += 2;
          } else if (ch === ',') {
            choices.push(choice);
            choice = '';
            this.pos++;
          } else if (ch === '|' && this.source[this.pos + 1] === '}') {
            choices.push(choice);
            this.pos += 2;
            return make(undefined, choices);
          } else {
            choice += ch;
            this.pos++;
          }
        }
      }
      default:
        throw new Error(`transforms are not supported by this expander (at ${start} in ${JSON.stringify(this.source)})`);
    }
  }

  private expect(ch: string, start: number): void {
    if (this.source[this.pos] !== ch) throw new Error(`unterminated \${ at ${start} in ${JSON.stringify(this.source)}`);
    this.pos++;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const today = new Date(Date.UTC(TODAY.year, TODAY.month - 1, TODAY.day, 9, 30, 0));

/** The variables VS Code resolves, on the tests' fixed date (2026-11-24) in a file docs/runbook.md. */
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: String(TODAY.year),
  CURRENT_YEAR_SHORT: String(TODAY.year).slice(-2),
  CURRENT_MONTH: pad(TODAY.month),
  CURRENT_MONTH_NAME: MONTHS[TODAY.month - 1],
  CURRENT_MONTH_NAME_SHORT: MONTHS[TODAY.month - 1].slice(0, 3),
  CURRENT_DATE: pad(TODAY.day),
  CURRENT_DAY_NAME: DAYS[today.getUTCDay()],
  CURRENT_DAY_NAME_SHORT: DAYS[today.getUTCDay()].slice(0, 3),
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '30',
  CURRENT_SECOND: '00',
  CURRENT_SECONDS_UNIX: String(today.getTime() / 1000),
  CURRENT_TIMEZONE_OFFSET: 'Z',
  TM_FILENAME: 'runbook.md',
  TM_FILENAME_BASE: 'runbook',
  TM_DIRECTORY: '/ws/docs',
  TM_FILEPATH: '/ws/docs/runbook.md',
  RELATIVE_FILEPATH: 'docs/runbook.md',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  WORKSPACE_NAME: 'ws',
  WORKSPACE_FOLDER: '/ws',
  BLOCK_COMMENT_START: '<!--',
  BLOCK_COMMENT_END: '-->',
  RANDOM: '428519',
  RANDOM_HEX: '5f3a9c',
  UUID: '3b241101-e2bb-4255-8caf-4136c566a962',
};

interface ExpandOptions {
  /** Picks the option of a choice; VS Code proposes the first. */
  choose?: (index: number, choices: string[]) => string;
}

/** The text VS Code inserts when the user accepts every default (and `choose`'s options). */
function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const nodes = new SnippetParser(body).parse();
  // A tab stop without a default mirrors the placeholder or choice of the same number.
  const definitions = new Map<number, SnippetNode & { kind: 'tabstop' }>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop' && (node.children || node.choices) && !definitions.has(node.index)) definitions.set(node.index, node);
      if (node.kind !== 'text' && node.children) collect(node.children);
    }
  };
  collect(nodes);
  const values = new Map<number, string>();
  const valueOf = (index: number, stack: number[]): string => {
    if (values.has(index)) return values.get(index)!;
    if (stack.includes(index)) throw new Error(`tab stop $${index} contains itself`);
    const definition = definitions.get(index);
    let value = '';
    if (definition?.choices) value = options.choose?.(index, definition.choices) ?? definition.choices[0];
    else if (definition?.children) value = render(definition.children, [...stack, index]);
    values.set(index, value);
    return value;
  };
  const render = (list: SnippetNode[], stack: number[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'tabstop') return valueOf(node.index, stack);
        // An empty or unknown variable gives way to its default, as in VS Code.
        if (VARIABLES[node.name]) return VARIABLES[node.name];
        if (node.children) return render(node.children, stack);
        if (node.name in VARIABLES) return '';
        throw new Error(`unknown snippet variable $${node.name}`);
      })
      .join('');
  return render(nodes, []);
}

// ---------------------------------------------------------------------------------------------

const source = fs.readFileSync(path.join(ROOT, SNIPPETS_FILE), 'utf8');
const errors: ParseError[] = [];
const SNIPPETS = parse(source, errors, { allowTrailingComma: true }) as Record<string, Snippet>;
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const entries = () => Object.entries(SNIPPETS);

function byPrefix(prefix: string): Snippet {
  const found = Object.values(SNIPPETS).find((s) => prefixes(s).includes(prefix));
  assert.ok(found, `no snippet has the prefix ${prefix}`);
  return found;
}

/** The choices of a snippet's first choice tab stop. */
function choicesOf(snippet: Snippet): string[] {
  let seen: string[] | undefined;
  expandSnippet(bodyOf(snippet), { choose: (_, choices) => ((seen ??= choices), choices[0]) });
  assert.ok(seen, 'the snippet has no choice');
  return seen;
}

const engine = testEngine('/ws', memoryFileSystem({ '/ws/README.md': '# Docs\n' }));
const validate = (text: string, name = 'snippet') => validateText(engine, `/ws/docs/${name}.md`, text);
const show = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1}: ${f.rule} [${f.severity}] ${f.message}`).join('\n');
const frontMatter = (type: string) => `---\ntitle: Snippet test\ntype: ${type}\nowner: platform-team\nlast_reviewed: 2026-11-24\nreview_cycle: monthly\n---\n\n`;

/** Every item the authoring issue asks for, by prefix. */
const REQUIRED_PREFIXES = [
  ...BUILTIN_TYPES.map((type) => `opsdocs-${type.id}`),
  'opsdocs-severity-table',
  'opsdocs-issue',
  'opsdocs-escalation-matrix',
  'opsdocs-rollback',
  'opsdocs-alert-response',
  'opsdocs-mermaid-flowchart',
  'opsdocs-mermaid-sequence',
  'opsdocs-plantuml',
  'opsdocs-frontmatter',
];

describe('snippet expander', () => {
  it('resolves tab stops, placeholders, choices, variables and escapes as VS Code does', () => {
    assert.equal(expandSnippet('a $1 ${2} b'), 'a   b');
    assert.equal(expandSnippet('${1:name} and $1, ${2:x ${3:nested}} $3'), 'name and name, x nested nested');
    assert.equal(expandSnippet('$1 then ${1:late default}'), 'late default then late default');
    assert.equal(expandSnippet('${1|monthly,quarterly|}'), 'monthly');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${1|a,b|}', { choose: (_, c) => c[1] }), 'b');
    assert.equal(expandSnippet('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'), '2026-11-24');
    assert.equal(expandSnippet('${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE} $CURRENT_DAY_NAME'), '2026-11-24 Tuesday');
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:one} ${UNKNOWN_VAR:two}'), 'one two');
    assert.equal(expandSnippet('cost \\$5, brace \\} and \\\\, lone $ and B{${1:x}}'), 'cost $5, brace } and \\, lone $ and B{x}');
    assert.equal(expandSnippet('echo \\${HOME}'), 'echo ${HOME}');
    assert.throws(() => expandSnippet('$NOT_A_VARIABLE'), /unknown snippet variable/);
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'), /transforms/);
  });
});

describe('snippets', () => {
  it('are registered for Markdown', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: `./${SNIPPETS_FILE}` }]);
  });

  it('parse as JSON, each with a prefix, a body and a description', () => {
    assert.deepEqual(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), []);
    assert.equal(typeof SNIPPETS, 'object');
    assert.ok(entries().length > 0);
    const seen = new Map<string, string>();
    for (const [name, snippet] of entries()) {
      assert.ok(prefixes(snippet).length > 0 && prefixes(snippet).every((p) => typeof p === 'string' && p.trim() !== ''), `${name}: prefix`);
      assert.ok(typeof snippet.body === 'string' || (Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string')), `${name}: body`);
      assert.ok(bodyOf(snippet).trim() !== '', `${name}: body is empty`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.trim() !== '', `${name}: description`);
      for (const prefix of prefixes(snippet)) {
        assert.ok(!seen.has(prefix), `prefix ${prefix} is used by both "${seen.get(prefix)}" and "${name}"`);
        seen.set(prefix, name);
      }
    }
  });

  it('cover every item the authoring issue asks for', () => {
    const missing = REQUIRED_PREFIXES.filter((prefix) => !entries().some(([, s]) => prefixes(s).includes(prefix)));
    assert.deepEqual(missing, []);
  });

  it('insert what their names promise', () => {
    const fm = expandSnippet(bodyOf(byPrefix('opsdocs-frontmatter')));
    for (const key of ['type', 'owner', 'last_reviewed', 'review_cycle']) assert.match(fm, new RegExp(`^${key}: \\S`, 'm'), key);
    assert.match(fm, /^last_reviewed: 2026-11-24$/m);
    const severities = expandSnippet(bodyOf(byPrefix('opsdocs-severity-table')));
    for (const level of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) assert.match(severities, new RegExp(`^\\| ${level} \\|`, 'm'), level);
    const issue = expandSnippet(bodyOf(byPrefix('opsdocs-issue')));
    assert.match(issue, /^### Issue: /m);
    for (const part of ['Symptoms', 'Diagnosis', 'Resolution']) assert.match(issue, new RegExp(`^#### ${part}$`, 'm'), part);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-escalation-matrix'))), /^\| Level \| When \| Who \|/m);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-rollback'))), /^## Rollback$/m);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-alert-response'))), /\*\*Acknowledge\*\*[\s\S]*\*\*Mitigate\*\*[\s\S]*\*\*Verify\*\*/);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-mermaid-flowchart'))), /^```mermaid\nflowchart (TD|LR)\n/);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-mermaid-sequence'))), /^```mermaid\nsequenceDiagram\n/);
    assert.match(expandSnippet(bodyOf(byPrefix('opsdocs-plantuml'))), /^```plantuml\n@startuml\n[\s\S]*\n@enduml\n```/);
  });

  it('offer every built-in type in the front matter, and rule ids OpsDocs knows in control comments', () => {
    assert.deepEqual(choicesOf(byPrefix('opsdocs-frontmatter')), BUILTIN_TYPES.map((t) => t.id));
    for (const prefix of ['opsdocs-disable-next-line', 'opsdocs-disable']) {
      const choices = choicesOf(byPrefix(prefix));
      assert.deepEqual(choices.filter((id) => !(RULE_IDS as readonly string[]).includes(id)), [], `${prefix}: unknown rule ids`);
      assert.deepEqual(RULES.map((r) => r.id).filter((id) => !choices.includes(id)), [], `${prefix}: rules missing from the choice`);
    }
  });

  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    it(`"${name}" expands to Markdown with no error finding`, async () => {
      let text = expandSnippet(bodyOf(snippet));
      // Front matter names a type; what follows it is that type's skeleton, as a writer would go on.
      const type = /^type: (\S+)$/m.exec(text)?.[1];
      if (text.startsWith('---\n') && type) text += expandSnippet(bodyOf(byPrefix(`opsdocs-${type}`)));
      const result = await validate(text);
      const failing = result.findings.filter((f) => f.severity === 'error');
      assert.equal(failing.length, 0, `${show(failing)}\n--- expanded:\n${text}`);
    });
  }

  it('front matter of every type, followed by that type\'s skeleton, is complete and clean', async () => {
    const fm = byPrefix('opsdocs-frontmatter');
    for (const type of BUILTIN_TYPES) {
      const text = expandSnippet(bodyOf(fm), { choose: (_, choices) => (choices.includes(type.id) ? type.id : choices[0]) }) + expandSnippet(bodyOf(byPrefix(`opsdocs-${type.id}`)));
      const result = await validate(text, type.id);
      assert.equal(result.type, type.id);
      assert.deepEqual(result.findings.filter((f) => f.severity === 'error'), [], `${type.id}:\n${show(result.findings)}`);
    }
  });

  for (const type of BUILTIN_TYPES) {
    it(`opsdocs-${type.id} gives a ${type.id} document every required section, in order, with content`, async () => {
      const text = frontMatter(type.id) + expandSnippet(bodyOf(byPrefix(`opsdocs-${type.id}`)));
      const result = await validate(text, type.id);
      assert.equal(result.type, type.id);
      const gaps = result.findings.filter((f) => f.rule.startsWith('section-') || f.rule === 'placeholder' || f.severity === 'error');
      assert.deepEqual(gaps, [], `${show(gaps)}\n--- expanded:\n${text}`);
    });
  }

  it('a troubleshooting entry counts as a complete issue under Common Issues', async () => {
    const entry = expandSnippet(bodyOf(byPrefix('opsdocs-issue')));
    const text = `${frontMatter('troubleshooting')}# Guide\n\n## Quick Diagnostics\n\nCheck the dashboards.\n\n## Common Issues\n\n${entry}\n${entry.replace('### Issue: ', '### ')}\n## Escalation\n\nPage the on-call.\n`;
    const result = await validate(text, 'troubleshooting-entries');
    const gaps = result.findings.filter((f) => f.rule.startsWith('section-') || f.severity === 'error');
    assert.deepEqual(gaps, [], show(gaps));
    // The check is live: without its Resolution the entry is reported.
    const cut = text.replace(/#### Resolution[\s\S]*?(?=\n### |\n## )/, '');
    assert.ok((await validate(cut, 'troubleshooting-cut')).findings.some((f) => f.rule === 'section-missing' && /Resolution/.test(f.message)));
  });
});
