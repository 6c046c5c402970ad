import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `<name>.js` beside this file (compiled service), or
 * `<name>.ts` compiled by ts-node when the service runs from its TypeScript sources (tests).
 */
export function startWorker(name: string, workerData: unknown): Worker {
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, `${name}.js`), { workerData });
  const code = [
    `require(${JSON.stringify(require.resolve('ts-node/register/transpile-only'))});`,
    `require(${JSON.stringify(join(__dirname, `${name}.ts`))});`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData });
}
