// Runs the bench's TypeScript without ts-node (`node -r ./bench/support/register.js bench/run.ts`).
//
// ts-node requires Node's `repl` module, which loads `domain`, and a loaded `domain` wraps every
// EventEmitter emit of the whole process: the service under measurement would run with it, while
// in production (`node dist/apps/api/src/main.js`) it never does. So the bench's own files are
// transpiled here, one by one, with the project's compiler settings (no type check: `npm test` does
// that), and the @mc/* paths resolve through tsconfig-paths as under ts-node.
'use strict';
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
require('tsconfig-paths/register');
