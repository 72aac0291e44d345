import { toDocumentOffset } from '../engine/document/codeBlocks';
import type { Rule } from '../engine/rule';
import { shellBlocks } from '../engine/shell/analysis';

export const commandSyntax: Rule = {
  id: 'command-syntax',
  description: 'A shell code block (bash, sh, shell, zsh, console) that does not parse.',
  defaultSeverity: 'error',
  check({ doc, report, range }) {
    for (const { block, shell } of shellBlocks(doc)) {
      // A fence without a label never claimed to be shell: its commands are checked only if it parses.
      if (!shell.syntaxError || block.lang === '') continue;
      const { message, offset } = shell.syntaxError;
      // The fault's token: from the parser's position to the next blank (at least one character).
      const token = /^\S*/.exec(block.value.slice(offset))![0];
      const start = toDocumentOffset(block, offset);
      const end = token.length > 0 ? toDocumentOffset(block, offset + token.length) : Math.min(start + 1, doc.text.length);
      report({ message: `Shell syntax error: ${message}; a reader who copies this block gets an error`, range: range(start, end) });
    }
  },
};
