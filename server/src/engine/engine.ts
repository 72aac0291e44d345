import { analyze, type Analysis, type TypeSource } from './analysis';
import { ConfigResolver, type LoadedConfig, type OpsDocsConfig } from './config/config';
import { todayLocal, type CalendarDate } from './review/dates';
import type { FileSystem } from './fileSystem';
import { parseDocument, type OpsDocument } from './document/parse';
import type { Rule, RuleContext } from './rule';
import { suppressionsOf, withDisableFixes } from './document/suppressions';
import { milder, type Finding, type Fix, type ProposedFix, type Severity } from './types';
import { RULES } from '../rules';
import { ReviewAdoption } from './review/adoption';
import { RecentCache } from './recentCache';

/** Larger documents are declined with a notice rather than parsed: they are exports, not runbooks. */
export const MAX_DOCUMENT_LENGTH = 4 * 1024 * 1024;

/** Ids of the engine's own notices (not rules: they cannot be configured). */
export const NOTICE_SKIPPED = 'document-skipped';
export const NOTICE_INTERNAL = 'internal-error';

export interface DocumentResult {
  path: string;
  type?: string;
  typeSource?: TypeSource;
  findings: Finding[];
  /** Absent when the document was declined (binary or too large). */
  analysis?: Analysis;
  document?: OpsDocument;
}

export interface EngineOptions {
  fs: FileSystem;
  /** Root used when no config file governs a document. */
  root: string;
  /** One config file for every document (`--config`). */
  configFile?: string;
  today?: () => CalendarDate;
  rules?: readonly Rule[];
  /** Whether the workspace is trusted (default true; the editor says otherwise in Restricted Mode). */
  trusted?: boolean;
  /** Told when a fact about a whole collection changed (its first review date appeared, its last went): its documents' findings may change. */
  onCollectionChange?: (root: string) => void;
}

/** Cancels a run whose result nobody will read any more (the document changed meanwhile). */
export type IsCancelled = () => boolean;

/** How an editor's check runs beside the editor's other requests. */
export interface ValidateHooks {
  /** Told the parse and analysis before the rules run, so that hover and completion can use them meanwhile. */
  analyzed?: (analyzed: { document: OpsDocument; analysis: Analysis; config: OpsDocsConfig }) => void;
  /** Let other events run between rules (the language server answers requests during a long check). */
  yieldBetweenRules?: boolean;
  /**
   * Told the findings of the in-process rules, before the rules that run a program (ShellCheck,
   * PlantUML, git) start: an editor can show them while those run.
   */
  inProcessFindings?: (findings: Finding[]) => void;
  /** This text's parse and analysis, already made (for a hover before the check): not made again. */
  parsed?: { document: OpsDocument; analysis: Analysis; config: OpsDocsConfig };
}

export class Engine {
  readonly configs: ConfigResolver;
  /** Which collections state review dates. */
  readonly reviewAdoption: ReviewAdoption;
  private readonly rules: readonly Rule[];
  /** Today, as the rules see it (fixed in tests). */
  readonly today: () => CalendarDate;
  /** Each document's last parse, which its next version is parsed from (typing reparses the blocks it touched). */
  private readonly lastParse = new RecentCache<string, OpsDocument>(16);

  constructor(private readonly options: EngineOptions) {
    this.configs = new ConfigResolver(options.fs, options.root, options.configFile);
    this.reviewAdoption = new ReviewAdoption(options.fs, options.onCollectionChange);
    const rules = options.rules ?? RULES;
    // The in-process rules, then those that run a program: an editor can show the first ones' findings meanwhile.
    this.rules = [...rules.filter((rule) => !rule.runsProgram), ...rules.filter((rule) => rule.runsProgram)];
    this.today = options.today ?? (() => todayLocal());
    this.trusted = options.trusted ?? true;
  }

  /** Settable: a workspace can be trusted after the engine was made. */
  trusted: boolean;

  get fs(): FileSystem {
    return this.options.fs;
  }

  /** After files changed on disk or configs changed: forget what was read of them. */
  forget(): void {
    this.configs.clear();
    this.reviewAdoption.forget();
  }

  configFor(path: string): LoadedConfig {
    return this.configs.resolve(path);
  }

  /** Parses and analyses a document without running rules (coverage, outline, search). */
  analyze(path: string, text: string): { document: OpsDocument; analysis: Analysis; config: OpsDocsConfig } | undefined {
    if (declineReason(text)) return undefined;
    const { config } = this.configFor(path);
    let document: OpsDocument;
    try {
      document = parseDocument(path, text, this.lastParse.get(path));
      this.lastParse.set(path, document);
    } catch {
      // validate() says so on the document (NOTICE_SKIPPED); other callers (hovers, outline) then offer nothing.
      // The parser's own limits (a stack overflow on structure the nesting guard did not foresee).
      return undefined;
    }
    return { document, analysis: analyze(document, config, this.today()), config };
  }

  async validate(path: string, text: string, isCancelled: IsCancelled = () => false, hooks: ValidateHooks = {}): Promise<DocumentResult | undefined> {
    const declined = declineReason(text);
    if (declined) return { path, findings: [notice(NOTICE_SKIPPED, declined)] };
    const analyzed = hooks.parsed?.document.text === text ? hooks.parsed : this.analyze(path, text);
    if (!analyzed) return { path, findings: [notice(NOTICE_SKIPPED, 'Not checked: the Markdown parser could not read this document.')] };
    const { document, analysis, config } = analyzed;
    hooks.analyzed?.(analyzed);
    this.reviewAdoption.observe(config, path, analysis.review.state !== 'none');
    const findings: Finding[] = [];
    const finished = () => {
      const suppressed = suppressionsOf(document);
      return withDisableFixes(document, findings.filter((f) => !suppressed(f)).sort(byPosition));
    };
    let inProcessTold = false;
    for (const rule of this.rules) {
      const severity = severityOf(rule, config);
      if (severity === 'off') continue;
      if (rule.runsProgram && !inProcessTold && hooks.inProcessFindings) {
        inProcessTold = true;
        hooks.inProcessFindings(finished());
      }
      if (hooks.yieldBetweenRules) await new Promise((resolve) => setImmediate(resolve));
      if (isCancelled()) return undefined;
      await this.runRule(rule, severity, { document, analysis, config, findings });
    }
    return { path, type: analysis.type?.id, typeSource: analysis.typeSource, findings: finished(), analysis, document };
  }

  private async runRule(
    rule: Rule,
    severity: Severity,
    run: { document: OpsDocument; analysis: Analysis; config: OpsDocsConfig; findings: Finding[] },
  ): Promise<void> {
    const context: RuleContext = {
      doc: run.document,
      analysis: run.analysis,
      config: run.config,
      options: run.config.rules[rule.id]?.options ?? {},
      today: this.today(),
      fs: this.options.fs,
      trusted: this.trusted,
      collection: () => ({ reviewDatesAdopted: this.reviewAdoption.adopted(run.config) }),
      report: ({ severity: graded, fixes, ...report }) =>
        run.findings.push({ rule: rule.id, severity: milder(severity, graded), ...report, ...(fixes && { fixes: fixes.map((fix) => declared(rule, fix)) }) }),
      range: (start, end) => run.document.lines.range(start, end),
    };
    try {
      await rule.check(context);
    } catch (error) {
      // A rule's defect must cost one rule's findings, never the document's or the server.
      run.findings.push(notice(NOTICE_INTERNAL, `Rule ${rule.id} failed on this document: ${String(error)}`));
    }
  }
}

/** A rule's fix with the kind the rule declares for it; a fix it did not declare is its defect. */
function declared(rule: Rule, fix: ProposedFix): Fix {
  const kind = rule.fixes?.[fix.id];
  if (!kind) throw new Error(`rule ${rule.id} offers the fix "${fix.id}", which it does not declare`);
  return { ...fix, kind };
}

function severityOf(rule: Rule, config: OpsDocsConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** Deeper nesting than any document needs; the parser's recursion would overflow the stack on it. */
export const MAX_NESTING = 100;

function declineReason(text: string): string | undefined {
  if (nestingDepth(text) > MAX_NESTING) return `Not checked: lists or blockquotes are nested more than ${MAX_NESTING} levels deep.`;
  if (text.length > MAX_DOCUMENT_LENGTH) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    return `Not checked: the document is ${megabytes} MB, over the ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB OpsDocs checks.`;
  }
  if (text.slice(0, 8192).includes('\u0000')) return 'Not checked: the file is binary, not Markdown text.';
  return undefined;
}

/**
 * The deepest list or blockquote nesting a line opens, counted without parsing: the
 * markers in a row (`>`, `-`, `*`, `+`) plus its indentation (two columns a level) when
 * the line starts with a marker.
 */
export function nestingDepth(text: string): number {
  let deepest = 0;
  for (let start = 0; start < text.length; ) {
    let at = start;
    let columns = 0;
    for (let ch = text.charCodeAt(at); ch === 32 || ch === 9; ch = text.charCodeAt(++at)) columns += ch === 9 ? 4 : 1;
    let markers = 0;
    for (;;) {
      const ch = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      if (ch === 62 /* > */) at++;
      else if ((ch === 45 || ch === 42 || ch === 43) && (next === 32 || next === 9)) at += 2;
      else break;
      markers++;
      while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
    }
    const depth = markers > 0 ? markers + columns / 2 : 0;
    if (depth > MAX_NESTING) return depth;
    deepest = Math.max(deepest, depth);
    const lineEnd = text.indexOf('\n', at);
    start = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return deepest;
}

/** A finding of the engine's own (NOTICE_SKIPPED, NOTICE_INTERNAL) at the document's start: why a document, or part of it, was not checked. */
export function notice(rule: string, message: string): Finding {
  return { rule, severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
