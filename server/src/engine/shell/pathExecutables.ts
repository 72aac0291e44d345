import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: Set<string> | undefined;

/** Names of the programs on this machine's PATH, read once per process (a directory listing each, nothing run). */
export function pathExecutables(): Set<string> {
  if (!cached) {
    cached = new Set();
    for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
      if (!path.isAbsolute(folder)) continue; // a relative PATH entry would let the workspace choose
      try {
        for (const name of fs.readdirSync(folder)) cached.add(process.platform === 'win32' ? name.replace(/\.(exe|cmd|bat|ps1)$/i, '') : name);
      } catch {
        // A PATH entry that does not exist is common and harmless.
      }
    }
  }
  return cached;
}
