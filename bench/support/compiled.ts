import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
let built = process.env.BENCH_BUILT === '1';

/**
 * `npm run build`, once per bench run: the runner builds before it starts the benches' processes,
 * and tells them so (BENCH_BUILT=1).
 */
export function buildService(): void {
  if (built) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr || build.stdout}`);
  built = true;
}

/**
 * The service as it runs in production: a module of dist/ by its path from the repository root
 * (e.g. 'libs/event-store/src/index'), built first (buildService). ts-node would add its
 * compiler's memory and, in worker threads, its start-up to the figures.
 */
export function compiledModulePath(module: string): string {
  buildService();
  return join(root, 'dist', `${module}.js`);
}

/** A module of the compiled service (see compiledModulePath), typed as its TypeScript source: `compiled<typeof import('…')>('…')`. */
export function compiled<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(compiledModulePath(module)) as T;
}

/**
 * What a bench needs to run the service's Nest app compiled, as `npm start` runs it: under
 * ts-node the main thread and the writer thread would also carry Node's domain module (loaded by
 * ts-node), which wraps every event emit.
 */
export function compiledApp() {
  return {
    ...compiled<typeof import('../../apps/api/src/app.factory')>('apps/api/src/app.factory'),
    ...compiled<typeof import('../../apps/api/src/config/config')>('apps/api/src/config/config'),
    ...compiled<typeof import('@mc/event-store/event-store.port')>('libs/event-store/src/event-store.port'),
  };
}
