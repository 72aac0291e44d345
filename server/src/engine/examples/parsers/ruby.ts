/**
 * Ruby's own parser, Prism, as WebAssembly (@ruby/prism). Built as dist/parsers/ruby.js with
 * prism.wasm beside it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parsePrism } from '@ruby/prism/src/parsePrism.js';

/** A fault by UTF-8 byte offsets, as Prism reports it. */
export interface ByteProblem {
  message: string;
  startByte: number;
  lengthBytes: number;
}

let prism: WebAssembly.Exports | undefined;

/**
 * Prism asks for a WASI system interface but parses without one: every call answers "not
 * supported". (Node's own WASI would do, but is experimental and says so on stderr.)
 */
function instance(): WebAssembly.Exports {
  if (prism) return prism;
  const wasm = new WebAssembly.Module(readFileSync(wasmFile()));
  const unsupported = () => 52; // ENOSYS
  const system = new Proxy({}, { get: (_, name) => (name === 'proc_exit' ? (code: number) => { throw new Error(`Prism exited with ${code}`); } : unsupported) });
  const created = new WebAssembly.Instance(wasm, { wasi_snapshot_preview1: system });
  (created.exports._initialize as () => void)();
  prism = created.exports;
  return prism;
}

/** Beside the bundle (esbuild.mjs copies it there); run from source, in the package. */
function wasmFile(): string {
  const packaged = '@ruby/prism/src/prism.wasm';
  return __filename.endsWith('.ts') ? createRequire(__filename).resolve(packaged) : path.join(__dirname, 'prism.wasm');
}

/** The first syntax error of a Ruby snippet (Prism recovers and goes on; what follows may be a consequence). */
export function rubyProblem(text: string): ByteProblem | undefined {
  const result = parsePrism(instance(), text, { partial_script: true });
  const error = result.errors.find((e: { level: string }) => e.level === 'syntax') ?? result.errors[0];
  return error && { message: error.message, startByte: error.location.startOffset, lengthBytes: error.location.length };
}
