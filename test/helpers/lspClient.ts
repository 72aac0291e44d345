/**
 * A real LSP peer for tests: spawns the built server (dist/server.js) over stdio and
 * speaks JSON-RPC to it, as VS Code does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();
  private readonly publishes = new Map<string, number>();
  /** Every publication of diagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';
  /** Every other notification the server sent, in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];

  /** `args` to node: OpsDocs' server by default, or another language server (unified-language-server's). */
  constructor(args: string[] = [SERVER, '--stdio'], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.process = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env: options.env && { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.published.push(params);
      this.publishes.set(params.uri, (this.publishes.get(params.uri) ?? 0) + 1);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification((method: string, params: unknown) => {
      if (method !== 'textDocument/publishDiagnostics') this.notifications.push({ method, params });
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  async initialize(rootPath: string, initializationOptions?: object): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(rootPath),
      workspaceFolders: [{ uri: uri(rootPath), name: 'ws' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(file: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri(file), 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId, version: 1, text } });
  }

  async change(file: string, text: string): Promise<number> {
    const version = (this.versions.get(uri(file)) ?? 1) + 1;
    this.versions.set(uri(file), version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    return version;
  }

  async save(file: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri(file) } });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
  }

  /** Waits until the diagnostics published for a file satisfy a condition. */
  async diagnostics(file: string, until: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.latest.get(uri(file));
      if (current && until(current)) return current.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(current?.diagnostics.map((d) => d.message))}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Waits until a file's diagnostics stop changing for `quietMs`: a document's first check
   * publishes twice (the in-process rules' findings, then ShellCheck's and the others' with them).
   */
  async settled(file: string, quietMs = 400): Promise<Diagnostic[] | undefined> {
    for (let count = -1; count !== this.publishCount(file); ) {
      count = this.publishCount(file);
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    return this.lastPublished(file);
  }

  /** The diagnostics last published for a file, if any were. */
  lastPublished(file: string): Diagnostic[] | undefined {
    return this.latest.get(uri(file))?.diagnostics;
  }

  publishCount(file: string): number {
    return this.publishes.get(uri(file)) ?? 0;
  }

  /** Tells the server files changed on disk, as the client's file watcher does. */
  async changedOnDisk(changes: Array<{ file: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uri(c.file), type: c.type })) });
  }

  forget(file: string): void {
    this.latest.delete(uri(file));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is what matters.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}
