import * as path from 'node:path';

/** `--shard 2/4`: the second of four parts. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n); undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The documents of one shard: each path (relative to the current folder, so the same on every CI
 * machine) goes to the shard its hash names. A hash rather than ranges of a sorted list: adding a
 * document moves no other document to another shard, so each shard's cache keeps its results.
 */
export function inShard(files: readonly string[], cwd: string, shard: Shard): string[] {
  return files.filter((file) => (fnv1a(path.relative(cwd, file).split(path.sep).join('/')) % shard.count) + 1 === shard.index);
}

/** FNV-1a, 32 bits: small, stable across platforms and versions, spreads paths evenly. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
