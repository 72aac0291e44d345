// Writes server/src/engine/languages/fenceLabels.json: every fence label GitHub Linguist knows
// (language names, aliases, file extensions and interpreters, lower case), from linguist-languages.
// Run after updating linguist-languages: node scripts/fence-labels.mjs
import { writeFileSync } from 'node:fs';
import * as languages from 'linguist-languages';

export function fenceLabels() {
  const labels = new Set();
  for (const language of Object.values(languages)) {
    const name = language.name.toLowerCase();
    labels.add(name);
    labels.add(name.replace(/ /g, '-'));
    for (const alias of language.aliases ?? []) labels.add(alias.toLowerCase());
    for (const extension of language.extensions ?? []) labels.add(extension.slice(1).toLowerCase());
    for (const interpreter of language.interpreters ?? []) labels.add(interpreter.toLowerCase());
  }
  return [...labels].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = new URL('../server/src/engine/languages/fenceLabels.json', import.meta.url);
  writeFileSync(file, JSON.stringify(fenceLabels()) + '\n');
  console.log(`${fenceLabels().length} labels written to ${file.pathname}`);
}
