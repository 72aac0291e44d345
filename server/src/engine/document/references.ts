import * as path from 'node:path';
import { visit } from './visit';
import { codeBlocks } from './codeBlocks';
import type { FileSystem } from '../fileSystem';
import type { OpsDocument } from './parse';

/** Scripts and configs a code block names: `./scripts/failover.sh`, `config/app.yaml`. */
const FILE_TOKEN = /(?<![\w/.$-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:sh|bash|py|rb|js|ts|go|pl|ya?ml|json|toml|conf|cfg|ini|tf|sql|j2|tpl|env))(?![\w/-])/g;

/**
 * The workspace files a document refers to, other than Markdown documents: link and image
 * targets, and files named in its code blocks. Existing files only, absolute paths.
 */
export function referencedFiles(doc: OpsDocument, fs: FileSystem, root: string): string[] {
  const found = new Set<string>();
  const folder = path.dirname(doc.path);
  const consider = (target: string, bases: string[]) => {
    if (/^[a-z][a-z\d+.-]*:|^\/\/|^#/i.test(target)) return;
    const clean = decodeURI(target.split(/[?#]/)[0]);
    if (/\.md$/i.test(clean)) return;
    for (const base of bases) {
      const file = path.resolve(clean.startsWith('/') ? root : base, clean.replace(/^\//, ''));
      if (fs.stat(file) === 'file') {
        found.add(file);
        return;
      }
    }
  };
  visit(doc.tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url) consider(safe(node.url), [folder]);
    if (node.type === 'inlineCode') for (const match of node.value.matchAll(FILE_TOKEN)) consider(match[1], [folder, root]);
  });
  for (const block of codeBlocks(doc)) {
    for (const match of block.value.matchAll(FILE_TOKEN)) consider(match[1], [folder, root]);
  }
  return [...found].sort();
}

function safe(url: string): string {
  try {
    decodeURI(url);
    return url;
  } catch {
    // A malformed URL names no file git could have history for; link-broken reports the link itself.
    return '';
  }
}
