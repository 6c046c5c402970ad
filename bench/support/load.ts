import { Worker } from 'node:worker_threads';

/**
 * HTTP load with autocannon, run in a worker thread: its own event loop on the other core, so
 * the load generator does not share the server's event loop (the server is this process).
 */
export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** One path per connection (connection i uses paths[i % paths.length]); default: the url's path. */
  paths?: string[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Completed requests per second (2xx or not: see non2xx). */
  rps: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; p99_9: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

// Plain JavaScript: the worker needs no TypeScript, only autocannon. Outside the main thread
// autocannon believes it is one of its own workers and skips aggregation: ask for it explicitly.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const { paths, ...o } = workerData.options;
let next = 0;
const options = {
  url: o.url, connections: o.connections, duration: o.seconds, method: o.method || 'GET',
  headers: o.headers, body: o.body, timeout: 10, skipAggregateResult: true,
  setupClient: paths ? (client) => client.setRequests([{ path: paths[next++ % paths.length], method: o.method, headers: o.headers, body: o.body }]) : undefined,
};
autocannon(options, (error, raw) => {
  if (error) return parentPort.postMessage({ error: String(error && error.stack || error) });
  const r = autocannon.aggregateResult([raw], options);
  const statusCodes = {};
  for (const [code, s] of Object.entries(r.statusCodeStats || {})) statusCodes[code] = Number(s.count);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  parentPort.postMessage({ result: {
    requests, seconds: r.duration, rps: requests / r.duration,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, p99_9: r.latency.p99_9, max: r.latency.max, mean: r.latency.average },
    non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, statusCodes,
  } });
});
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { autocannon: require.resolve('autocannon'), options } });
    // Bounded: autocannon stops at `seconds`; give it a generous margin, then give up.
    const guard = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error(`load generator did not finish within ${options.seconds + 30} s`));
      },
      (options.seconds + 30) * 1000,
    );
    worker.once('message', (message: { result?: LoadResult; error?: string }) => {
      clearTimeout(guard);
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(`autocannon failed: ${message.error}`));
    });
    worker.once('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
  });
}
