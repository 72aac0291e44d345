/**
 * Whether a block's text has the shape of TOML (`[table]` headers and `key = value` lines), for
 * code-language to tell TOML shown under another label (`yaml`, `ini`). Cheap: no parser.
 */

/** Each of a trimmed line. */
const TABLE = /^\[\[?[\w."' -]+\]\]?(?:[ \t]*#.*)?$/;
const KEY_VALUE = /^[\w"'-]+(?:[ \t]*\.[ \t]*[\w"'-]+)*[ \t]*=[ \t]*[^ \t]/;
const YAML_KEY = /^(?:-[ \t]+)?[\w."'-]+:(?:\s|$)/;

/**
 * At least two `key = value` or `[table]` lines, one of them `key = value`, and no YAML
 * mapping line. Lines inside multi-line arrays and strings are not counted either way.
 */
export function looksLikeToml(text: string): boolean {
  let keys = 0;
  let tables = 0;
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    if (YAML_KEY.test(line) && !KEY_VALUE.test(line)) return false;
    if (TABLE.test(line)) tables++;
    else if (KEY_VALUE.test(line)) keys++;
  }
  return keys > 0 && keys + tables >= 2;
}
