/** The part of mvdan-sh (mvdan/sh compiled to JavaScript) that OpsDocs uses. */
declare module 'mvdan-sh' {
  export interface Pos {
    Line(): number;
    /** 1-based, in UTF-8 bytes. */
    Col(): number;
    Offset(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  export interface Word extends Node {
    Parts: Node[];
    /** The word's value when it is one plain literal, else "". */
    Lit(): string;
  }
  export interface CallExpr extends Node {
    Assigns: Node[];
    Args: Word[];
  }
  export interface Assign extends Node {
    Name: { Value: string };
    /** `export X`: a name with no value. */
    Naked: boolean;
    Value: Word | null;
    Array: { Elems: Array<{ Value: Word | null }> } | null;
  }
  export interface Redirect extends Node {
    OpPos: Pos;
    Word: Word;
  }
  export interface Stmt extends Node {
    Redirs: Redirect[];
  }
  /** `for name in items`. */
  export interface WordIter extends Node {
    Name: { Value: string };
    Items: Word[];
  }
  export interface FuncDecl extends Node {
    Name: { Value: string };
  }
  export interface ParseError {
    Text: string;
    Pos: Pos;
    Incomplete: boolean;
  }
  export interface Parser {
    Parse(source: string, name: string): Node;
  }
  export const syntax: {
    NewParser(...options: unknown[]): Parser;
    KeepComments(keep: boolean): unknown;
    Variant(language: unknown): unknown;
    LangBash: unknown;
    NodeType(node: Node): string;
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
  };
}
