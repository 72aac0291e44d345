import { blank, fillIns, maskSpans, elidedLines } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { offsetOfPosition } from './offsets';

/**
 * The first error of a Dockerfile example. `<placeholders>` and `${VARIABLES}` stand for values
 * (a fault inside one is the reader's to fill in); a block without FROM is an excerpt.
 */
export async function dockerfileProblem(text: string): Promise<ExampleProblem | undefined> {
  const elided = elidedLines(text);
  const spans = fillIns(text);
  const masked = maskSpans(maskSpans(text, elided, blank), spans, (length) => 'x'.repeat(length));
  const { dockerfileProblems } = await loadParser('dockerfile');
  for (const problem of dockerfileProblems(masked)) {
    const start = offsetOfPosition(text, problem.start);
    const end = Math.max(offsetOfPosition(text, problem.end), start + 1);
    if (spans.some((span) => start < span.end && end > span.start)) continue;
    return { message: `Dockerfile: ${problem.message}`, start, end: Math.min(end, text.length) };
  }
  return undefined;
}
