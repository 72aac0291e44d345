/** The published schemas and documented shapes the CI formats are checked against. */
import * as fs from 'node:fs';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** Problems of a SARIF log against the SARIF 2.1.0 JSON schema (OASIS, as SchemaStore publishes it, in Microsoft's SARIF test package). */
export function sarifProblems(log: unknown): string | undefined {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // A draft-04 schema, with a pattern that is not a valid Unicode regex.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(log) ? undefined : JSON.stringify(validate.errors, null, 2);
}

/**
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format — "an array of objects
 * with the following properties": description, check_name, fingerprint ("a unique fingerprint to
 * identify this specific code quality violation"), location.path ("a relative path in the
 * repository. Do not prefix with ./"), location.lines.begin or location.positions.begin.line,
 * severity ("info, minor, major, critical, or blocker").
 */
export const CODE_QUALITY_SHAPE = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', not: { pattern: '^(\\./|/)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

export function codeQualityProblems(report: unknown): string | undefined {
  const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SHAPE);
  return validate(report) ? undefined : JSON.stringify(validate.errors);
}
