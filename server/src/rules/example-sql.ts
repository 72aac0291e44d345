import { sqlProblem, type SqlDialect } from '../engine/examples/sql';
import { lazyExampleRule } from './lazyExampleRule';

/** Labels that name PostgreSQL; a plain `sql` block is checked in the dialect `examples.sql.dialect` names, and not at all without one. */
const POSTGRESQL_LABELS = ['postgresql', 'postgres', 'pgsql', 'psql'];

export const exampleSql = lazyExampleRule(
  'example-sql',
  'A sql code block that its dialect\'s parser rejects (PostgreSQL, by label or by the examples.sql.dialect setting).',
  ['sql', ...POSTGRESQL_LABELS],
  (text, label, { config }) => {
    const dialect: SqlDialect | undefined = POSTGRESQL_LABELS.includes(label) ? 'postgresql' : config.examples.sql.dialect;
    return dialect ? sqlProblem(text, dialect) : Promise.resolve(undefined);
  },
);
