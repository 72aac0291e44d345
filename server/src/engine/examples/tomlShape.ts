/**
 * Whether a block's text has the shape of TOML (`[table]` headers and `key = value` lines), for
 * code-language to tell TOML shown under another label (`yaml`, `ini`). Cheap: no parser.
 */

const TABLE = /^\s*\[\[?\s*[\w."' -]+\s*\]\]?\s*(?:#.*)?$/;
const KEY_VALUE = /^\s*[\w."'-]+(?:\s*\.\s*[\w"'-]+)*\s*=\s*\S/;
const YAML_KEY = /^\s*(?:-\s+)?[\w."'-]+:(?:\s|$)/;
const SIGNIFICANT = /^\s*(?:[^#\s]|$)/;

/**
 * At least two `key = value` or `[table]` lines, one of them `key = value`, and no YAML
 * mapping line. Lines inside multi-line arrays and strings are not counted either way.
 */
export function looksLikeToml(text: string): boolean {
  let keys = 0;
  let tables = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || !SIGNIFICANT.test(line)) continue;
    if (YAML_KEY.test(line) && !KEY_VALUE.test(line)) return false;
    if (TABLE.test(line)) tables++;
    else if (KEY_VALUE.test(line)) keys++;
  }
  return keys > 0 && keys + tables >= 2;
}
