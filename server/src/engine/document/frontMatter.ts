import { parseDocument, isMap, type Document } from 'yaml';
import type { Yaml } from 'mdast';

/** A YAML problem located by offsets into the Markdown document. */
export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export interface FrontMatter {
  /** Offsets of the whole block, fences included. */
  start: number;
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  yaml: Document.Parsed;
  /** The mapping, when the YAML parsed to one. */
  data?: Record<string, unknown>;
  syntaxErrors: YamlProblem[];
}

export function readFrontMatter(node: Yaml, text: string): FrontMatter {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const fence = /^---[ \t]*(\r\n|\r|\n)/.exec(text.slice(start, end));
  const contentStart = start + (fence ? fence[0].length : 4);
  const contentEnd = contentStart + node.value.length;
  // The YAML parser knows no lone CR line ends; a same-length swap keeps every offset true.
  const yaml = parseDocument(node.value.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = yaml.errors.map((error) => ({
    message: error.message.split('\n')[0],
    start: contentStart + error.pos[0],
    end: contentStart + Math.max(error.pos[1], error.pos[0] + 1),
  }));
  let data: Record<string, unknown> | undefined;
  if (syntaxErrors.length === 0 && (isMap(yaml.contents) || yaml.contents === null)) {
    data = (yaml.toJS() ?? {}) as Record<string, unknown>;
  }
  return { start, end, contentStart, contentEnd, yaml, data, syntaxErrors };
}

/**
 * Front matter whose closing fence is missing is not recognised by the parser: it reads
 * as a thematic break and prose. Spot it so the writer hears why their keys are ignored.
 */
export function findUnclosedFrontMatter(text: string): { start: number; end: number } | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const secondLine = text.slice(text.indexOf('\n') + 1).split(/\r?\n/, 1)[0];
  if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(secondLine)) return undefined;
  return { start: 0, end: 3 };
}
