import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, parseConfig, type ConfigProblem } from '../engine/config';
import { Engine } from '../engine/engine';
import { diskFileSystem, overlayFileSystem } from '../engine/fileSystem';
import { LineIndex } from '../engine/text';
import { toCodeActions, toDiagnostic, toDocumentSymbols } from './convert';
import { Scheduler } from './scheduler';

/** How long typing must pause before a document is checked again. */
const DEBOUNCE_MS = 200;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const openText = (file: string) => documents.get(pathToFileURL(file).href)?.getText();
  let engine = new Engine({ fs: overlayFileSystem(diskFileSystem, openText), root: process.cwd() });
  const configDiagnosticsShown = new Set<string>();

  const diagnose = async (uri: string, isCancelled: () => boolean) => {
    const document = documents.get(uri);
    const file = toPath(uri);
    if (!document || !file) return;
    if (isConfigFile(file)) return publishConfigProblems(file, document.getText());
    const version = document.version;
    const result = await engine.validate(file, document.getText(), () => isCancelled() || documents.get(uri)?.version !== version);
    if (!result) return;
    const loaded = engine.configFor(file);
    if (loaded.config.file && !documents.get(pathToFileURL(loaded.config.file).href)) {
      showConfigProblems(loaded.config.file, engine.fs.readFile(loaded.config.file) ?? '', loaded.problems);
    }
    await connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map((f) => toDiagnostic(f, version)) });
  };
  const scheduler = new Scheduler(DEBOUNCE_MS, diagnose, (error) => connection.console.error(`OpsDocs: ${String(error)}`));

  function publishConfigProblems(file: string, text: string): Promise<void> {
    return showConfigProblems(file, text, parseConfig(file, text).problems);
  }

  async function showConfigProblems(file: string, text: string, problems: ConfigProblem[]): Promise<void> {
    if (problems.length === 0 && !configDiagnosticsShown.has(file)) return;
    problems.length > 0 ? configDiagnosticsShown.add(file) : configDiagnosticsShown.delete(file);
    const lines = new LineIndex(text);
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: lines.range(p.start, p.end),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'opsdocs',
      code: 'config',
      message: problemsMessage(p),
    }));
    await connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  const rediagnoseAll = () => {
    engine.configs.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  };

  connection.onInitialize((params: InitializeParams) => {
    const root = firstWorkspaceFolder(params);
    if (root) engine = new Engine({ fs: overlayFileSystem(diskFileSystem, openText), root });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
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
    else scheduler.schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    scheduler.cancel(event.document.uri);
    const file = toPath(event.document.uri);
    if (file && isConfigFile(file)) rediagnoseAll();
    else void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(() => rediagnoseAll());

  connection.onCodeAction((params) => params.context.diagnostics.flatMap((d) => toCodeActions(params.textDocument.uri, d)));

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const file = toPath(params.textDocument.uri);
    if (!document || !file || isConfigFile(file)) return [];
    const result = await engine.validate(file, document.getText());
    return result?.document ? toDocumentSymbols(result.document, result.analysis) : [];
  });

  documents.listen(connection);
  connection.listen();
}

declare const SERVER_VERSION: string;

function problemsMessage(problem: ConfigProblem): string {
  return problem.severity === 'error' ? `${problem.message} (OpsDocs uses its defaults until this is fixed)` : problem.message;
}

function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

function toPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function firstWorkspaceFolder(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  return uri ? toPath(uri) : undefined;
}

const connection = createConnection();
process.on('uncaughtException', (error) => connection.console.error(`OpsDocs: unexpected error: ${error.stack ?? error}`));
startServer(connection);
