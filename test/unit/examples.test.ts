/** The example parsers' loading, and the helpers other rules may use. Each test file runs in its own process: nothing is loaded before. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { isParserLoaded } from '../../server/src/engine/examples/lazy';
import { offsetOfByte, offsetOfCodePoint, visibleAt } from '../../server/src/engine/examples/offsets';
import { looksLikeToml } from '../../server/src/engine/examples/tomlShape';
import { testEngine, validateText } from '../helpers/engine';

const PARSERS = ['dockerfile', 'kubernetes', 'promql', 'python', 'ruby', 'sql', 'toml'] as const;
const loaded = () => PARSERS.filter(isParserLoaded);

describe('example parsers load lazily', () => {
  const engine = testEngine(path.join(__dirname, '..', 'fixtures'));

  it('loads none for a document without such blocks, whatever other blocks it has', async () => {
    const text = '# Restart\n\n```bash\nsystemctl restart web\n```\n\n```yaml\nreplicas: 3\n```\n\n```sql\nSELECT 1;\n```\n';
    const result = await validateText(engine, '/tmp/restart.md', text);
    assert.deepEqual(result.findings.filter((f) => f.rule.startsWith('example-')), []);
    assert.deepEqual(loaded(), []);
  });

  it('loads only the parser a block needs', async () => {
    await validateText(engine, '/tmp/config.md', '# Config\n\n```toml\nport = 8080\n```\n');
    assert.deepEqual(loaded(), ['toml']);
  });
});

describe('looksLikeToml', () => {
  it('tells TOML from YAML and INI-like prose', () => {
    assert.equal(looksLikeToml('[server]\nport = 8080\nhost = "0.0.0.0"\n'), true);
    assert.equal(looksLikeToml('# settings\ntitle = "x"\n[owner]\nname = "Tom"\n'), true);
    assert.equal(looksLikeToml('server:\n  port: 8080\n'), false);
    assert.equal(looksLikeToml('port = 8080\n'), false, 'one line says too little');
    assert.equal(looksLikeToml('[server]\nport = 8080\nhosts:\n  - a\n'), false, 'a YAML mapping line');
  });
});

describe('parser places to block offsets', () => {
  it('converts UTF-8 bytes and code points to UTF-16 offsets', () => {
    assert.equal(offsetOfByte('é = 1', 3), 2);
    assert.equal(offsetOfCodePoint('😀 x', 2), 3);
  });

  it('shows a fault at the end of a line on its last character', () => {
    assert.deepEqual(visibleAt('a =\nb', 3), { start: 2, end: 3 });
    assert.deepEqual(visibleAt('a = x', 4), { start: 4, end: 5 });
  });
});
