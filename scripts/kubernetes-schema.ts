/**
 * Writes server/src/engine/examples/data/kubernetes.json, the built-in Kubernetes kinds that
 * example-kubernetes checks, from the type declarations of one Kubernetes version (the
 * `kubernetes-types` package, generated from Kubernetes' OpenAPI spec).
 *
 *   node --import tsx scripts/kubernetes-schema.ts
 *
 * Each type is `{ p: { field: type }, r: [required fields] }`; a field's type is `s` (string),
 * `n` (number), `b` (boolean), `is` (a number or a string: int-or-string, quantities), `a` (anything), a type name
 * (`apps/v1.DeploymentSpec`), `[type]` (a list) or `{type}` (a map with string keys).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '..', 'node_modules', 'kubernetes-types');
const out = path.join(__dirname, '..', 'server', 'src', 'engine', 'examples', 'data', 'kubernetes.json');

interface Declared {
  file: string;
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  imports: Map<string, string>;
}

const declared = new Map<string, Declared>();
for (const file of listDeclarations(root)) {
  const module = path.relative(root, file).replace(/\.d\.ts$/, '').split(path.sep).join('/');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = path.posix.join(path.posix.dirname(module), statement.moduleSpecifier.text);
      const names = statement.importClause?.namedBindings;
      if (names && ts.isNamedImports(names)) for (const element of names.elements) imports.set(element.name.text, `${from}.${element.name.text}`);
    }
  }
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) declared.set(`${module}.${statement.name.text}`, { file: module, node: statement, imports });
  }
}

const types: Record<string, { p: Record<string, string>; r?: string[] }> = {};
const kinds: Record<string, string> = {};
for (const [name, { node, file, imports }] of declared) {
  if (!ts.isInterfaceDeclaration(node)) continue;
  const properties: Record<string, string> = {};
  const required: string[] = [];
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const field = member.name.getText().replace(/^"|"$/g, '');
    properties[field] = typeOf(member.type, file, imports);
    if (!member.questionToken) required.push(field);
  }
  types[name] = required.length > 0 ? { p: properties, r: required } : { p: properties };
  const apiVersion = literalOf(node, 'apiVersion');
  const kind = literalOf(node, 'kind');
  if (apiVersion && kind && !kind.endsWith('List')) kinds[`${apiVersion}/${kind}`] = name;
}

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ source: `kubernetes-types ${version}`, kinds, types }) + '\n');
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types, ${fs.statSync(out).size} bytes: ${path.relative(process.cwd(), out)}`);

function typeOf(node: ts.TypeNode, file: string, imports: Map<string, string>): string {
  if (node.kind === ts.SyntaxKind.StringKeyword) return 's';
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'n';
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'b';
  if (ts.isLiteralTypeNode(node)) return 's';
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.map((t) => typeOf(t, file, imports));
    return members.every((m) => m === 'n' || m === 's') && members.includes('n') ? 'is' : members.every((m) => m === members[0]) ? members[0] : 'a';
  }
  if (ts.isArrayTypeNode(node)) return `[${typeOf(node.elementType, file, imports)}]`;
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    return index?.type ? `{${typeOf(index.type, file, imports)}}` : 'a';
  }
  if (ts.isTypeReferenceNode(node)) {
    const reference = node.typeName.getText();
    if (reference === 'Array' && node.typeArguments?.[0]) return `[${typeOf(node.typeArguments[0], file, imports)}]`;
    const target = imports.get(reference) ?? `${file}.${reference}`;
    const found = declared.get(target);
    if (!found) return 'a';
    // A quantity is a string ("500m", "1Gi") or a plain number (`cpu: 2`), as the API server parses it.
    if (reference === 'Quantity') return 'is';
    if (ts.isTypeAliasDeclaration(found.node)) return typeOf(found.node.type, found.file, found.imports);
    // An interface without fields (RawExtension, JSON, FieldsV1) holds anything.
    return found.node.members.length === 0 ? 'a' : target;
  }
  return 'a';
}

function literalOf(node: ts.InterfaceDeclaration, field: string): string | undefined {
  const member = node.members.find((m) => ts.isPropertySignature(m) && m.name.getText() === field) as ts.PropertySignature | undefined;
  return member?.type && ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal) ? member.type.literal.text : undefined;
}

function listDeclarations(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? listDeclarations(full) : entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
