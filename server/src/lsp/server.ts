import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toFileResult, type FileResult } from '../engine/workspace/batch';
import { CONFIG_FILE_NAMES, parseConfig } from '../engine/config/config';
import { Engine, notice, NOTICE_INTERNAL } from '../engine/engine';
import { diskFileSystem, overlayFileSystem } from '../engine/fileSystem';
import { insertMissingSectionsEdits, markReviewedEdits } from '../engine/review/reviewEdit';
import { defaultValues, newDocument, templateChoices, titleFromPath, type TemplateChoice } from '../engine/authoring/templates';
import { typeForPath } from '../engine/analysis';
import { existingConfigFile, proposalSummary, proposeConfig, renderConfigProposal } from '../engine/workspace/init';
import { FIX_ALL, toCodeActions, toDiagnostic, toDocumentSymbols, toFixAllAction, type DiagnosticData } from './convert';
import type { Finding } from '../engine/types';
import { fixEdits } from '../engine/fixAll';
import { COMPLETION_TRIGGERS, completionsAt } from '../engine/authoring/completions';
import { hoverAt } from '../engine/authoring/hovers';
import { toCompletionItems, toHover } from './authoring';
import {
  COVERAGE,
  COVERAGE_CHANGED,
  INSERT_MISSING_SECTIONS,
  MARK_REVIEWED,
  NEW_DOCUMENT,
  PROGRESS,
  PROPOSE_CONFIG,
  TEMPLATES,
  SEARCH,
  TRUSTED,
  VALIDATE_ALL,
  type CoverageResult,
  type RunMode,
  type ServerSettings,
  type DocumentEditParams,
  type NewDocumentParams,
  type ProposeConfigParams,
  type ProposeConfigResult,
  type SearchParams,
  type TemplatesParams,
  type ValidateAllResult,
} from './protocol';
import { Scheduler } from './scheduler';
import { SetDiagnostics } from './setDiagnostics';
import { workspaceSymbols } from './symbols';
import type { SearchHit } from '../engine/workspace/search';
import { WorkspaceIndex } from './workspaceIndex';
import { isValidationWorker, runValidationWorker } from '../engine/workspace/worker';

/** How long typing must pause before a document is checked again. */
const DEBOUNCE_MS = 200;
/** Documents longer than this (characters) are validated on a worker thread. */
const OFF_THREAD_LENGTH = 256 * 1024;

/** Completions of link destinations, which an editor may already offer. */
const LINK_COMPLETIONS = ['file', 'folder', 'anchor'];

export function startServer(connection: Connection): void {
  let linkCompletions = true;
  /** `opsdocs.run`: check open documents as they change, or when opened and saved. */
  let run: RunMode = 'onType';
  const documents = new TextDocuments(TextDocument);
  const openText = (file: string) => documents.get(pathToFileURL(file).href)?.getText();
  let roots: string[] = [process.cwd()];
  // A collection's first review date appeared, or its last went: every document's review findings may change.
  const collectionChanged = debounce(() => rediagnoseAll(), 100);
  const newEngine = (trusted = true) => new Engine({ fs: overlayFileSystem(diskFileSystem, openText), root: roots[0], trusted, onCollectionChange: collectionChanged });
  let engine = newEngine();
  const index = new WorkspaceIndex(() => engine, () => roots, __filename);
  const setDiagnostics = new SetDiagnostics(connection);
  /** After the first Validate All, closed documents keep their diagnostics and follow the disk. */
  let workspaceDiagnostics = false;
  /** Completions and hovers come in bursts on one version of a document: analyse it once for them. */
  let lastAnalysis: { uri: string; version: number; analyzed: ReturnType<Engine['analyze']> } | undefined;
  /** The findings quick fixes were last computed from, when the editor's diagnostics were older than the text. */
  let lastFixable: { uri: string; version: number; findings: Finding[] } | undefined;
  /** Open documents checked to the end at least once: later checks show their findings all at once (a program's findings then come from its cache). */
  const fullyChecked = new Set<string>();
  const coverageChanged = debounce(() => void connection.sendNotification(COVERAGE_CHANGED), 300);

  const diagnose = async (uri: string, isCancelled: () => boolean) => {
    const document = documents.get(uri);
    const file = toPath(uri);
    if (!document || !file) return;
    if (isConfigFile(file)) return publishConfigProblems(file, document.getText());
    const version = document.version;
    const stale = () => isCancelled() || documents.get(uri)?.version !== version;
    const text = document.getText();
    // A large document is checked on a worker, so that other documents' requests are answered meanwhile.
    const result = text.length > OFF_THREAD_LENGTH ? await index.validateOffThread(file, text) : await validateHere(uri, version, file, text, stale);
    if (!result || stale()) return;
    const loaded = engine.configFor(file);
    if (loaded.config.file && !documents.get(pathToFileURL(loaded.config.file).href)) {
      await setDiagnostics.showConfig(loaded.config.file, engine.fs.readFile(loaded.config.file) ?? '', loaded.problems);
    }
    index.record(file, `open:${version}`, result);
    coverageChanged();
    await publishFindings(uri, version, file, result.findings);
  };
  /** A document's findings, after the notices OpsDocs holds for it. */
  const publishFindings = (uri: string, version: number, file: string, findings: Finding[]) => {
    const shown = [...setDiagnostics.noticesFor(file), ...findings];
    return connection.sendDiagnostics({ uri, version, diagnostics: shown.map((f) => toDiagnostic(f, version)) });
  };
  const validateHere = async (uri: string, version: number, file: string, text: string, stale: () => boolean) => {
    // Hover and completion on this version read the check's own parse, and are answered between its rules.
    const analyzed = (parsed: NonNullable<ReturnType<Engine['analyze']>>) => (lastAnalysis = { uri, version, analyzed: parsed });
    const parsed = lastAnalysis?.uri === uri && lastAnalysis.version === version ? lastAnalysis.analyzed : undefined;
    // On a document's first check, what the in-process rules found is shown while ShellCheck, PlantUML and git run.
    const inProcessFindings = fullyChecked.has(uri)
      ? undefined
      : (findings: Finding[]) => {
          if (!stale()) void publishFindings(uri, version, file, findings);
        };
    const result = await engine.validate(file, text, stale, { analyzed, yieldBetweenRules: true, parsed, inProcessFindings });
    if (result) fullyChecked.add(uri);
    return result && toFileResult(engine, result);
  };
  // A check that threw is logged, and said on its document: its old diagnostics no longer hold, and no diagnostics would read as a clean document.
  const scheduler = new Scheduler(DEBOUNCE_MS, diagnose, (error, uri) => {
    connection.console.error(`OpsDocs: ${String(error)}`);
    const failed = notice(NOTICE_INTERNAL, `Not checked: OpsDocs failed on this document: ${String(error)}`);
    // A connection that is gone has no editor left to tell.
    void connection.sendDiagnostics({ uri, diagnostics: [toDiagnostic(failed, 0)] }).catch(() => undefined);
  });

  function publishConfigProblems(file: string, text: string): Promise<void> {
    return setDiagnostics.showConfig(file, text, parseConfig(file, text).problems);
  }

  /** What the config asks of the whole set; a document whose set-level notice changed is shown again. */
  const publishManifests = async () => {
    for (const file of await setDiagnostics.showSet(engine, index.coverage())) {
      const uri = pathToFileURL(file).href;
      const closed = workspaceDiagnostics ? index.resultOf(file) : undefined;
      if (documents.get(uri)) scheduler.schedule(uri, 0);
      else if (closed) await publishClosed(closed);
      else await connection.sendDiagnostics({ uri, diagnostics: setDiagnostics.noticesFor(file).map((f) => toDiagnostic(f, 0)) });
    }
  };

  /** Diagnostics of a document that is not open, as last validated from disk. */
  function publishClosed(result: FileResult): Promise<void> {
    const findings = [...setDiagnostics.noticesFor(result.path), ...result.findings];
    return connection.sendDiagnostics({ uri: pathToFileURL(result.path).href, diagnostics: findings.map((f) => toDiagnostic(f, 0)) });
  }

  function rediagnoseAll() {
    engine.forget();
    lastAnalysis = undefined;
    // Set-level notices may no longer hold: they come back with the next look at the whole workspace.
    const closedNotices = setDiagnostics
      .dropNotices()
      .filter((file) => !documents.get(pathToFileURL(file).href))
      .map((file) => ({ file, result: workspaceDiagnostics ? index.resultOf(file) : undefined }));
    lastFixable = undefined;
    index.clear();
    indexed = undefined;
    for (const { file, result } of closedNotices) void (result ? publishClosed(result) : connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] }));
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    coverageChanged();
  }

  /** For the workspace index: the result of an open document, validated from its buffer. */
  const validateOpen = async (file: string) => {
    const document = documents.get(pathToFileURL(file).href);
    if (!document) return undefined;
    const result = await engine.validate(file, document.getText());
    return result ? { stamp: `open:${document.version}`, result: toFileResult(engine, result) } : undefined;
  };

  connection.onInitialize((params: InitializeParams) => {
    roots = workspaceRoots(params) ?? roots;
    const options = params.initializationOptions as ({ trusted?: boolean; linkCompletions?: boolean } & ServerSettings) | undefined;
    const trusted = options?.trusted ?? true;
    linkCompletions = options?.linkCompletions ?? true;
    run = runMode(options?.run);
    engine = newEngine(trusted);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
      },
      serverInfo: { name: 'opsdocs', version: SERVER_VERSION },
    };
  });

  // An open also fires a content change; check once, at once, without the typing delay.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    scheduler.schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    if (justOpened.delete(event.document.uri)) return;
    const file = toPath(event.document.uri);
    if (file && isConfigFile(file)) rediagnoseAll();
    else if (run === 'onType') scheduler.schedule(event.document.uri);
  });
  documents.onDidSave((event) => {
    const file = toPath(event.document.uri);
    if (run === 'onSave' && !(file && isConfigFile(file))) scheduler.schedule(event.document.uri, 0);
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    // VS Code's client also sends `{ settings: null }` once started: only OpsDocs' own settings change anything.
    const given = (settings as { opsdocs?: ServerSettings } | null | undefined)?.opsdocs?.run;
    if (given === undefined) return;
    const previous = run;
    run = runMode(given);
    // Back to checking as you type: the open documents may have changed since their last check.
    if (previous === 'onSave' && run === 'onType') for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  });
  documents.onDidClose(async (event) => {
    scheduler.cancel(event.document.uri);
    fullyChecked.delete(event.document.uri);
    const file = toPath(event.document.uri);
    if (file && isConfigFile(file)) return rediagnoseAll();
    if (file && workspaceDiagnostics && index.has(file)) {
      for (const result of await index.refreshFiles([file])) await publishClosed(result);
    } else {
      const notices = file ? setDiagnostics.noticesFor(file) : [];
      await connection.sendDiagnostics({ uri: event.document.uri, diagnostics: notices.map((f) => toDiagnostic(f, 0)) });
    }
  });

  connection.onNotification(TRUSTED, () => {
    engine.trusted = true;
    index.trust();
    rediagnoseAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const files = changes.map((c) => ({ file: toPath(c.uri), deleted: c.type === FileChangeType.Deleted }));
    if (files.some(({ file }) => file && isConfigFile(file))) return rediagnoseAll();
    // A document added, changed or deleted on disk may be the collection's first or last to state a review date.
    engine.reviewAdoption.forget();
    const closed = files.filter(({ file }) => file && !documents.get(pathToFileURL(file).href));
    if (!workspaceDiagnostics || closed.length === 0) return;
    for (const { file, deleted } of closed) if (deleted) await connection.sendDiagnostics({ uri: pathToFileURL(file!).href, diagnostics: [] });
    const changed = closed.filter((c) => !c.deleted).map((c) => c.file!);
    for (const result of await index.refreshFiles(changed)) await publishClosed(result);
    coverageChanged();
  });

  connection.onRequest(VALIDATE_ALL, async (_params: unknown, token: CancellationToken): Promise<ValidateAllResult> => {
    const progress = (done: number, total: number) => void connection.sendNotification(PROGRESS, { done, total });
    const run = await index.refresh(validateOpen, progress, () => token.isCancellationRequested);
    workspaceDiagnostics = true;
    for (const result of run.results) if (!documents.get(pathToFileURL(result.path).href)) await publishClosed(result);
    await publishManifests();
    coverageChanged();
    return summarize(run.results, run.reused, run.cancelled, index.coverage());
  });

  /** The first coverage, search or symbol request fills the index; later ones find it current. */
  let indexed: Promise<unknown> | undefined;
  const ensureIndexed = () => (indexed ??= index.refresh(validateOpen, () => undefined, () => false).then(publishManifests));

  connection.onRequest(COVERAGE, async (): Promise<CoverageResult> => {
    await ensureIndexed();
    return { reports: index.coverage() };
  });

  connection.onRequest(SEARCH, async ({ query, limit }: SearchParams): Promise<SearchHit[]> => {
    await ensureIndexed();
    return index.search.search(query, limit);
  });

  connection.onWorkspaceSymbol(async ({ query }) => {
    await ensureIndexed();
    return workspaceSymbols(index.search.headings(), query);
  });

  connection.onRequest(MARK_REVIEWED, ({ uri }: DocumentEditParams): TextEdit[] => {
    const analyzed = analyzeUri(uri);
    if (!analyzed) return [];
    return markReviewedEdits(analyzed.document, analyzed.analysis, engine.today(), analyzed.config.review.reviewer);
  });

  connection.onRequest(INSERT_MISSING_SECTIONS, ({ uri }: DocumentEditParams): TextEdit[] => {
    const analyzed = analyzeUri(uri);
    return analyzed ? insertMissingSectionsEdits(analyzed.document, analyzed.analysis) : [];
  });

  connection.onRequest(NEW_DOCUMENT, (params: NewDocumentParams): string => {
    const { config } = engine.configFor(params.path);
    const typeId = params.type ?? typeForPath(config, params.path)?.id;
    const title = params.title ?? titleFromPath(params.path);
    return newDocument(engine.fs, config, typeId, defaultValues(config, engine.today(), title));
  });

  connection.onRequest(PROPOSE_CONFIG, ({ folder }: ProposeConfigParams): ProposeConfigResult => {
    const existing = existingConfigFile(folder, engine.fs);
    if (existing) return { file: existing, existing: true };
    const proposal = proposeConfig(folder, engine.fs, engine.today());
    return { file: path.join(folder, '.opsdocs.yaml'), existing: false, text: renderConfigProposal(proposal), summary: proposalSummary(proposal) };
  });

  connection.onRequest(TEMPLATES, (params: TemplatesParams): TemplateChoice[] => templateChoices(engine.fs, engine.configs.resolveFolder(params.folder).config));

  function analyzeUri(uri: string) {
    const file = toPath(uri);
    const text = file ? engine.fs.readFile(file) : undefined;
    return file && text !== undefined ? engine.analyze(file, text.replace(/^\uFEFF/, '')) : undefined;
  }

  connection.onCodeAction(async ({ textDocument, context }) => {
    const only = context.only;
    if (only?.some((kind) => FIX_ALL.startsWith(kind) && kind.startsWith(CodeActionKind.SourceFixAll))) return fixAllActions(textDocument.uri);
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const version = documents.get(textDocument.uri)?.version;
    const stale = context.diagnostics.filter((d) => d.source === 'opsdocs' && (d.data as DiagnosticData | undefined)?.version !== version);
    if (stale.length === 0) return context.diagnostics.flatMap((d) => toCodeActions(textDocument.uri, d));
    return currentQuickFixes(textDocument.uri, context.diagnostics);
  });

  /**
   * Diagnostics published before the latest edits (with `opsdocs.run: onSave`, or while typing runs
   * ahead of a check) carry edits for an older text, which the editor refuses: the current text's
   * findings of the same rules, on the same lines, give their quick fixes afresh.
   */
  async function currentQuickFixes(uri: string, diagnostics: Diagnostic[]) {
    const document = documents.get(uri);
    const file = toPath(uri);
    if (!document || !file || isConfigFile(file)) return [];
    // The editor asks again at every move of the cursor: validate each version once.
    if (lastFixable?.uri !== uri || lastFixable.version !== document.version) {
      const result = await engine.validate(file, document.getText());
      lastFixable = { uri, version: document.version, findings: result?.findings ?? [] };
    }
    const wanted = (finding: Finding) => diagnostics.some((d) => d.code === finding.rule && d.range.start.line === finding.range.start.line);
    return lastFixable.findings.filter(wanted).flatMap((finding) => toCodeActions(uri, toDiagnostic(finding, document.version)));
  }

  /** The fixes of the document's current text, validated afresh: the diagnostics the editor holds may be older. */
  async function fixAllActions(uri: string) {
    const document = documents.get(uri);
    const file = toPath(uri);
    if (!document || !file || isConfigFile(file)) return [];
    const text = document.getText();
    const result = await engine.validate(file, text);
    return toFixAllAction(uri, document.version, fixEdits(text, result?.findings ?? []));
  }

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    const file = toPath(params.textDocument.uri);
    if (!document || !file || isConfigFile(file)) return [];
    const analyzed = engine.analyze(file, document.getText());
    return analyzed ? toDocumentSymbols(analyzed.document, analyzed.analysis) : [];
  });

  function analyzeOpen(uri: string) {
    const document = documents.get(uri);
    const file = toPath(uri);
    if (!document || !file || isConfigFile(file)) return undefined;
    if (lastAnalysis?.uri !== uri || lastAnalysis.version !== document.version) {
      lastAnalysis = { uri, version: document.version, analyzed: engine.analyze(file, document.getText()) };
    }
    const analyzed = lastAnalysis.analyzed;
    return analyzed && { ...analyzed, fs: engine.fs, today: engine.today() };
  }

  connection.onCompletion(({ textDocument, position }) => {
    const context = analyzeOpen(textDocument.uri);
    if (!context) return [];
    // An editor with path and anchor completions of its own (VS Code's Markdown) asks for ours to stay out.
    const completions = completionsAt(context, position).filter((c) => linkCompletions || !LINK_COMPLETIONS.includes(c.kind));
    return toCompletionItems(completions);
  });

  connection.onHover(({ textDocument, position }) => {
    const context = analyzeOpen(textDocument.uri);
    return toHover(context && hoverAt(context, position));
  });

  connection.onShutdown(() => index.dispose());

  documents.listen(connection);
  connection.listen();
}

declare const SERVER_VERSION: string;

function summarize(results: FileResult[], reused: number, cancelled: boolean, coverage: CoverageResult['reports']): ValidateAllResult {
  const findings = results.flatMap((r) => r.findings);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const typed = results.map((r) => r.coverage).filter((c) => c?.type);
  const present = typed.reduce((n, c) => n + c!.sectionsPresent, 0);
  const required = typed.reduce((n, c) => n + c!.sectionsRequired, 0);
  return {
    documents: results.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    coverage: required === 0 ? 100 : Math.round((present / required) * 100),
    overdue: coverage.reduce((n, c) => n + c.report.totals.overdue, 0),
    reused,
    cancelled,
  };
}

function debounce(run: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
}

function runMode(value: unknown): RunMode {
  return value === 'onSave' ? 'onSave' : 'onType';
}

function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

function toPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function workspaceRoots(params: InitializeParams): string[] | undefined {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(toPath).filter((p): p is string => p !== undefined);
  return paths.length > 0 ? paths : undefined;
}

if (isValidationWorker()) runValidationWorker();
else {
  const connection = createConnection();
  process.on('uncaughtException', (error) => connection.console.error(`OpsDocs: unexpected error: ${error.stack ?? error}`));
  startServer(connection);
}
