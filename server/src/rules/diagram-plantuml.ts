import { codeBlocks, lineColumnToDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import { plantUmlBounds, plantUmlCheck, type PlantUmlBound } from '../engine/diagrams/plantuml';
import type { Rule, RuleContext } from '../engine/rule';

const PLANTUML_LANGUAGES = new Set(['plantuml', 'puml']);
/** PlantUML is a Java program: its first run on a machine can take seconds. */
const DEFAULT_TIMEOUT_MS = 15000;

export const diagramPlantuml: Rule = {
  id: 'diagram-plantuml',
  description: 'A plantuml block that PlantUML rejects, or whose @start/@end lines do not balance.',
  defaultSeverity: 'error',
  runsProgram: true,
  async check(context) {
    for (const block of codeBlocks(context.doc)) {
      if (!PLANTUML_LANGUAGES.has(block.lang)) continue;
      const bounds = plantUmlBounds(block.value);
      const unbalanced = boundProblems(bounds);
      for (const problem of unbalanced) reportLine(context, block, problem.line, problem.message);
      // `local: false` keeps the check to the bounds (no Java process per changed diagram); Restricted Mode runs no checker.
      if (unbalanced.length > 0 || context.options.local === false || !context.trusted) continue;
      const timeoutMs = Number(context.options.timeout) || DEFAULT_TIMEOUT_MS;
      const checked = await plantUmlCheck(block.value, bounds, timeoutMs);
      if (checked.status === 'checked') {
        for (const error of checked.errors) reportLine(context, block, error.line, `PlantUML rejects this line: ${error.message}`);
      } else if (checked.status === 'includes') {
        const start = block.node.position!.start.offset!;
        context.report({
          message: 'This diagram includes files or URLs (!include, !import, !theme … from): OpsDocs gives PlantUML no file or network access, so it checks only its @start/@end lines',
          severity: 'info',
          range: context.range(start, start + 3),
        });
      } else if (checked.status !== 'missing') {
        // Without a local PlantUML the rule promises only the bounds (README); a PlantUML that did not answer is said so.
        const reason = checked.status === 'timeout' ? `did not finish within ${timeoutMs} ms` : 'failed';
        const start = block.node.position!.start.offset!;
        context.report({
          message: `PlantUML ${reason}: this diagram is not checked by PlantUML, only its @start/@end lines${checked.status === 'timeout' ? ' (rules.diagram-plantuml timeout sets the limit)' : ''}`,
          severity: 'info',
          range: context.range(start, start + 3),
        });
      }
    }
  },
};

/** `@startuml` without `@enduml`, an `@end…` with no start, or a start closed by another kind. */
function boundProblems(bounds: PlantUmlBound[]): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  const open: PlantUmlBound[] = [];
  for (const bound of bounds) {
    if (bound.edge === 'start') {
      if (open.length > 0) problems.push({ line: bound.line, message: `@start${bound.kind} inside the diagram opened by @start${open[open.length - 1].kind}: close that one with @end${open[open.length - 1].kind} first` });
      open.push(bound);
      continue;
    }
    const start = open.pop();
    if (!start) problems.push({ line: bound.line, message: `@end${bound.kind} has no @start${bound.kind} before it` });
    else if (start.kind !== bound.kind) problems.push({ line: bound.line, message: `@end${bound.kind} closes @start${start.kind}: use @end${start.kind}` });
  }
  for (const start of open) problems.push({ line: start.line, message: `@start${start.kind} has no @end${start.kind}` });
  return problems;
}

function reportLine({ doc, report, range }: RuleContext, block: CodeBlock, line: number, message: string): void {
  const start = lineColumnToDocumentOffset(block, Math.max(line, 0) + 1, 1);
  report({ message, range: range(start, doc.lines.lineEnd(doc.lines.positionAt(start).line)) });
}
