// remark's language server as vscode-remark starts it: unified-language-server with remark's
// names (.remarkrc, .remarkignore, the remarkConfig field of package.json, remark- plugin prefix).
import { remark } from 'remark';
import { createUnifiedLanguageServer } from 'unified-language-server';

createUnifiedLanguageServer({
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  rcName: '.remarkrc',
  processorName: 'remark',
  processorSpecifier: 'remark',
  defaultProcessor: remark,
  configurationSection: 'remark',
});
