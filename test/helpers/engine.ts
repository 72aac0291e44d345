import { Engine, type DocumentResult } from '../../server/src/engine/engine';
import { diskFileSystem, type FileSystem } from '../../server/src/engine/fileSystem';
import type { CalendarDate } from '../../server/src/engine/review/dates';

/** The fixed "today" every test runs on, so review dates do not age. */
export const TODAY: CalendarDate = { year: 2026, month: 11, day: 24 };

export function testEngine(root: string, fs: FileSystem = diskFileSystem, trusted = true): Engine {
  return new Engine({ fs, root, today: () => TODAY, trusted });
}

export async function validateText(engine: Engine, path: string, text: string): Promise<DocumentResult> {
  const result = await engine.validate(path, text);
  if (!result) throw new Error('validation was cancelled');
  return result;
}

/** An in-memory file system: path → text. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const folders = new Set<string>();
  for (const file of Object.keys(files)) {
    for (let dir = file; dir.lastIndexOf('/') > 0; ) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      folders.add(dir);
    }
  }
  return {
    readFile: (path) => files[path],
    stat: (path) => (path in files ? 'file' : folders.has(path) ? 'directory' : undefined),
    readDirectory: (path) =>
      folders.has(path)
        ? [...new Set(Object.keys(files).filter((f) => f.startsWith(path + '/')).map((f) => f.slice(path.length + 1).split('/')[0]))]
        : undefined,
  };
}
