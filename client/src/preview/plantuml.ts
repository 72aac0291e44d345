import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';

/**
 * PlantUML for the preview and the diagram panel, with no VS Code in it: which renderer the
 * settings choose, one render (a local process or a server of the user's), and a cache by content.
 * The diagram text is only ever data: written to the renderer's stdin or encoded into the URL.
 */

/** How PlantUML text becomes a picture. `off` carries a reason when the user asked for what we cannot do. */
export type PlantUmlRenderer =
  | { kind: 'local'; command: string; args: readonly string[] }
  | { kind: 'server'; url: string }
  | { kind: 'off'; reason?: string };

export type ImageFormat = 'svg' | 'png';

/** One render: the picture, or the renderer's own message (with the 1-based line of the block it names). */
export type PlantUmlResult = { ok: true; data: Buffer } | { ok: false; error: string; line?: number; transient?: boolean };

/** A setting as `WorkspaceConfiguration.inspect()` reports it: where each value came from. */
export interface InspectedSetting<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export interface RendererSettings {
  renderer: InspectedSetting<string>;
  jar: InspectedSetting<string>;
  server: InspectedSetting<string>;
  /** Whether the workspace is trusted: if not, paths and URLs from its settings are ignored. */
  trusted: boolean;
}

/** Finds an executable on PATH (absolute entries only: a relative one could point into the workspace). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(dir)) continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The value a setting takes. A `sensitive` one (a program to run, a server to send documents to)
 * comes only from the user's own settings when the workspace is not trusted.
 */
export function effectiveValue<T>(setting: InspectedSetting<T>, trusted: boolean, sensitive: boolean): T | undefined {
  if (sensitive && !trusted) return setting.globalValue;
  return setting.workspaceFolderValue ?? setting.workspaceValue ?? setting.globalValue;
}

function fromWorkspaceOnly<T>(setting: InspectedSetting<T>): boolean {
  return !setting.globalValue && Boolean(setting.workspaceFolderValue ?? setting.workspaceValue);
}

/**
 * The renderer the settings choose. `local` (the default) prefers `java -jar <opsdocs.plantuml.jar>`,
 * then the `plantuml` command; when the user did not ask for `local` and neither exists, PlantUML
 * stays a code block without a word. `server` needs `opsdocs.plantuml.server`: no public default.
 */
export function resolveRenderer(settings: RendererSettings, lookup: (name: string) => string | undefined = findOnPath): PlantUmlRenderer {
  const { trusted } = settings;
  const chosen = effectiveValue(settings.renderer, trusted, false);
  const explicit = chosen !== undefined;
  const restricted = (setting: InspectedSetting<string>) => !trusted && fromWorkspaceOnly(setting);

  if (chosen === 'off') return { kind: 'off' };
  if (chosen === 'server') {
    const url = effectiveValue(settings.server, trusted, true)?.trim();
    if (!url) {
      return { kind: 'off', reason: restricted(settings.server) ? 'opsdocs.plantuml.server from the workspace settings is not used in Restricted Mode.' : 'Set opsdocs.plantuml.server to the URL of your PlantUML server.' };
    }
    if (!/^https?:\/\/[^/]/i.test(url)) return { kind: 'off', reason: `opsdocs.plantuml.server is not an http(s) URL: ${url}` };
    return { kind: 'server', url: url.replace(/\/+$/, '') };
  }

  const jar = effectiveValue(settings.jar, trusted, true)?.trim();
  if (jar) {
    const java = lookup('java');
    if (java) return { kind: 'local', command: java, args: ['-Djava.awt.headless=true', '-jar', jar] };
    if (explicit) return { kind: 'off', reason: 'opsdocs.plantuml.jar is set but no `java` was found on PATH.' };
  }
  const plantuml = lookup('plantuml');
  if (plantuml) return { kind: 'local', command: plantuml, args: [] };
  if (!explicit) return { kind: 'off' };
  if (restricted(settings.jar)) return { kind: 'off', reason: 'opsdocs.plantuml.jar from the workspace settings is not used in Restricted Mode, and no `plantuml` command was found.' };
  return { kind: 'off', reason: 'No local PlantUML found: install the `plantuml` package or set opsdocs.plantuml.jar.' };
}

/** The text PlantUML reads: the block as written, wrapped in @startuml/@enduml when it has no @start line. */
export function diagramText(source: string): { text: string; lineOffset: number } {
  if (/^\s*@start\w+/.test(source)) return { text: source.endsWith('\n') ? source : `${source}\n`, lineOffset: 0 };
  return { text: `@startuml\n${source}${source.endsWith('\n') ? '' : '\n'}@enduml\n`, lineOffset: 1 };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** PlantUML's URL encoding: raw DEFLATE, then base64 over its own alphabet. */
export function encodePlantUml(text: string): string {
  const bytes = deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 });
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b1 = bytes[i];
    const b2 = bytes[i + 1] ?? 0;
    const b3 = bytes[i + 2] ?? 0;
    out += ALPHABET[b1 >> 2] + ALPHABET[((b1 & 0x3) << 4) | (b2 >> 4)] + ALPHABET[((b2 & 0xf) << 2) | (b3 >> 6)] + ALPHABET[b3 & 0x3f];
  }
  return out;
}

/**
 * Keeps PlantUML off the network in local mode: every HTTP(S) request of the JVM (`!includeurl`,
 * remote sprites) goes to a proxy that does not exist, loopback included.
 */
const OFFLINE_JVM = '-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 -Dhttp.nonProxyHosts= -Djava.awt.headless=true';

export interface RenderOptions {
  format: ImageFormat;
  timeoutMs: number;
  /** Where relative `!include`s resolve (the document's folder); the system's temp folder if unset. */
  cwd?: string;
}

/** Renders one diagram; never throws. */
export async function renderPlantUml(renderer: PlantUmlRenderer, source: string, options: RenderOptions): Promise<PlantUmlResult> {
  const { text, lineOffset } = diagramText(source);
  const result = renderer.kind === 'local' ? await renderLocal(renderer, text, options) : renderer.kind === 'server' ? await renderServer(renderer.url, text, options) : { ok: false as const, error: renderer.reason ?? 'PlantUML rendering is off.' };
  if (!result.ok && result.line !== undefined) return { ...result, line: Math.max(1, result.line + 1 - lineOffset) };
  return result;
}

function renderLocal(renderer: { command: string; args: readonly string[] }, text: string, options: RenderOptions): Promise<PlantUmlResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, JAVA_TOOL_OPTIONS: [process.env.JAVA_TOOL_OPTIONS, OFFLINE_JVM].filter(Boolean).join(' ') };
    const child = spawn(renderer.command, [...renderer.args, `-t${options.format}`, '-pipe', '-charset', 'UTF-8'], {
      cwd: options.cwd ?? os.tmpdir(),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const finish = (result: PlantUmlResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined); // the process may exit before reading everything
    child.on('error', (error) => finish({ ok: false, error: `Could not run ${renderer.command}: ${error.message}`, transient: true }));
    child.on('close', (code) => {
      if (timedOut) return finish({ ok: false, error: `PlantUML did not finish within ${options.timeoutMs / 1000} s.`, transient: true });
      const message = Buffer.concat(stderr).toString('utf8').split('\n').filter((line) => line.trim() && !line.startsWith('Picked up JAVA_TOOL_OPTIONS'));
      if (code === 0 && stdout.length) return finish({ ok: true, data: Buffer.concat(stdout) });
      finish(parseCliError(message, code));
    });
    child.stdin.end(text);
  });
}

/**
 * `plantuml -pipe` reports a bad diagram on stderr as `ERROR`, the 0-based line, then the message
 * (after any warning the JVM printed first).
 */
function parseCliError(lines: string[], code: number | null): PlantUmlResult {
  const at = lines.findIndex((line, i) => line.trim() === 'ERROR' && /^\d+$/.test(lines[i + 1]?.trim() ?? ''));
  if (at >= 0) return { ok: false, error: lines.slice(at + 2).join('\n').trim() || 'Syntax error', line: Number(lines[at + 1]) };
  return { ok: false, error: lines.join('\n').trim() || `PlantUML exited with code ${code}`, transient: true };
}

async function renderServer(url: string, text: string, options: RenderOptions): Promise<PlantUmlResult> {
  try {
    const response = await fetch(`${url}/${options.format}/${encodePlantUml(text)}`, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
    const data = Buffer.from(await response.arrayBuffer());
    const error = response.headers.get('x-plantuml-diagram-error');
    if (error) {
      const line = Number(response.headers.get('x-plantuml-diagram-error-line'));
      return { ok: false, error, line: Number.isInteger(line) ? line : undefined };
    }
    if (!response.ok) return { ok: false, error: `The PlantUML server answered ${response.status} ${response.statusText}`.trim(), transient: true };
    return { ok: true, data };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const message = timedOut ? `The PlantUML server did not answer within ${options.timeoutMs / 1000} s.` : `Could not reach the PlantUML server at ${url}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`;
    return { ok: false, error: message, transient: true };
  }
}

/** A one-line account of a failed render, for the place the picture would have been. */
export function describeError(result: Extract<PlantUmlResult, { ok: false }>): string {
  return result.line !== undefined ? `Line ${result.line}: ${result.error}` : result.error;
}

/**
 * Renders through one renderer and remembers results by content (format, text and folder), so an
 * unchanged diagram never renders twice. Failures that may pass (a timeout, a server down) are
 * kept for `retryAfterMs` only; a syntax error stays until the text changes.
 */
export class PlantUmlService {
  private readonly results = new Map<string, { result: PlantUmlResult; at: number }>();
  private readonly pending = new Map<string, Promise<PlantUmlResult>>();

  constructor(
    readonly renderer: PlantUmlRenderer,
    private readonly options: { timeoutMs: number; maxEntries?: number; retryAfterMs?: number } = { timeoutMs: 10_000 },
  ) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** The remembered result, if any: never starts a render. */
  peek(source: string, format: ImageFormat, cwd?: string): PlantUmlResult | undefined {
    const key = cacheKey(source, format, cwd);
    const entry = this.results.get(key);
    if (!entry) return undefined;
    if (!entry.result.ok && entry.result.transient && Date.now() - entry.at > (this.options.retryAfterMs ?? 30_000)) {
      this.results.delete(key);
      return undefined;
    }
    this.results.delete(key); // most recently used last
    this.results.set(key, entry);
    return entry.result;
  }

  render(source: string, format: ImageFormat, cwd?: string): Promise<PlantUmlResult> {
    const known = this.peek(source, format, cwd);
    if (known) return Promise.resolve(known);
    const key = cacheKey(source, format, cwd);
    const running = this.pending.get(key);
    if (running) return running;
    const started = renderPlantUml(this.renderer, source, { format, timeoutMs: this.options.timeoutMs, cwd }).then((result) => {
      this.pending.delete(key);
      this.results.set(key, { result, at: Date.now() });
      while (this.results.size > (this.options.maxEntries ?? 200)) this.results.delete(this.results.keys().next().value as string);
      return result;
    });
    this.pending.set(key, started);
    return started;
  }
}

function cacheKey(source: string, format: ImageFormat, cwd: string | undefined): string {
  return createHash('sha256').update(`${format}\0${cwd ?? ''}\0${source}`).digest('hex');
}
