import * as fs from 'node:fs';

/**
 * The engine reads files only through this, so that the CLI (disk), the language
 * server (open editors over disk) and the tests (in memory) each give it their own.
 */
export interface FileSystem {
  readFile(path: string): string | undefined;
  stat(path: string): 'file' | 'directory' | undefined;
  readDirectory(path: string): string[] | undefined;
}

export const diskFileSystem: FileSystem = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      // Absent or unreadable is one answer: each caller says what it means (link-broken, a document skipped, a config not found).
      return undefined;
    }
  },
  stat(path) {
    try {
      const stats = fs.statSync(path);
      return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : undefined;
    } catch {
      // Absent or unreadable is one answer: each caller says what it means (link-broken, a document skipped, a config not found).
      return undefined;
    }
  },
  readDirectory(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      // Absent or unreadable is one answer: each caller says what it means (link-broken, a document skipped, a config not found).
      return undefined;
    }
  },
};

/** Open editor buffers take precedence over what is on disk. */
export function overlayFileSystem(base: FileSystem, openText: (path: string) => string | undefined): FileSystem {
  return {
    readFile: (path) => openText(path) ?? base.readFile(path),
    stat: (path) => (openText(path) !== undefined ? 'file' : base.stat(path)),
    readDirectory: (path) => base.readDirectory(path),
  };
}
