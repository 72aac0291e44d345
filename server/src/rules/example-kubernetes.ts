import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import { codeBlocks, toDocumentOffset } from '../engine/document/codeBlocks';
import { manifestProblems, mayHoldManifest } from '../engine/examples/kubernetes';
import { crdSchemas } from '../engine/examples/kubernetesSchemas';
import { loadParser } from '../engine/examples/lazy';
import type { Rule } from '../engine/rule';

const YAML_LABELS = ['yaml', 'yml'];

export const exampleKubernetes: Rule = {
  id: 'example-kubernetes',
  description: "A manifest of a Kubernetes kind (built in, or a CRD of examples.kubernetes.crds) that its schema rejects: a misspelt field, a value of the wrong type, a list entry without its required fields.",
  defaultSeverity: 'error',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  async check({ doc, config, fs, report, range }) {
    const blocks = codeBlocks(doc).filter((block) => YAML_LABELS.includes(block.lang) && mayHoldManifest(block.value));
    if (blocks.length === 0) return;
    const { BUILTIN_SCHEMAS } = await loadParser('kubernetes');
    const schemas = [BUILTIN_SCHEMAS, crdSchemas(config, fs)];
    for (const block of blocks) {
      for (const problem of manifestProblems(block.value, schemas)) {
        const where = range(toDocumentOffset(block, problem.start), toDocumentOffset(block, problem.end));
        report({ message: problem.message, range: where, fixes: changeTo(where, problem.suggestion) });
      }
    }
  },
};
