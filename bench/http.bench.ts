import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import type { EventStore } from '@mc/event-store/event-store.port';
import { compiledApp } from './support/compiled';
import type { BenchContext } from './support/context';
import { runLoad, type LoadOptions, type LoadResult } from './support/load';
import { RssSampler, eluMeter, nowMs, percentile } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { StoreMeter } from './support/store-meter';
import { log, num } from './support/table';
import { tempDir } from './support/tmp';

/**
 * `http`: POST /api/v1/cases/:id/incidents through the real app in this process, compiled as in
 * production (auth guard, validation pipe, command bus, durable append on the writer thread), 32
 * connections, one case per connection.
 * Reference, same run: a hello-world route on the same app instance (a bare express route behind
 * the app's own middlewares), measured in rounds alternating with the POST's. autocannon runs in a
 * worker thread, on the other core.
 */

const ID = 'http';
/** Rounds of the figure and of its reference, alternated (see interleaved). */
const ROUNDS = 4;
const ADMIN = { username: 'admin', password: 'bench-admin-mot-de-passe-1' };
const AGENT = { username: 'bench-agent', password: 'bench-agent-mot-de-passe-1' };

const INCIDENT = {
  occurredAt: '2024-03-12T08:45:00+01:00',
  endedAt: '2024-03-14T10:00:00+01:00',
  title: 'Plus aucun accès à la messagerie, au tchat ni au serveur de fichiers',
  description:
    "En reprenant notre poste mardi matin, ma collègue et moi n'avions plus accès à notre boîte mail, au tchat ni au serveur (donc plus accès à nos dossiers).",
  category: 'provider_action',
  severity: 'blocking',
  affectedServices: ['Médiathèque', 'Prêt et retours (PMB)'],
  witnesses: ['Collègue médiathécaire'],
};

interface Measured extends LoadResult {
  serverEventLoopUtilization: number;
  /** Server main-thread time per answered request (busy fraction x duration / requests), fsync waits included. */
  serverBusyMsPerRequest: number;
  serverPeakRssMB: number;
}

async function measure(options: LoadOptions): Promise<Measured> {
  const elu = eluMeter();
  const rss = new RssSampler(50);
  const result = await runLoad(options);
  const utilization = elu();
  return {
    ...result,
    serverEventLoopUtilization: round(utilization, 3),
    serverBusyMsPerRequest: round((utilization * result.seconds * 1000) / Math.max(1, result.requests), 3),
    serverPeakRssMB: round(rss.stop().peakMB, 0),
  };
}

/**
 * Several rounds measured as one: requests and seconds add up; each latency percentile is the
 * worst round's (p50 the median round's), so that no round's tail is averaged away.
 */
function combine(rounds: Measured[]): Measured {
  const sum = (pick: (r: Measured) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const worst = (pick: (r: Measured) => number) => Math.max(...rounds.map(pick));
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  const busySeconds = sum((r) => r.serverEventLoopUtilization * r.seconds);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds) for (const [code, count] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    requests,
    seconds,
    rps: requests / seconds,
    latencyMs: {
      p50: percentile(
        rounds.map((r) => r.latencyMs.p50),
        50,
      ),
      p90: worst((r) => r.latencyMs.p90),
      p97_5: worst((r) => r.latencyMs.p97_5),
      p99: worst((r) => r.latencyMs.p99),
      p99_9: worst((r) => r.latencyMs.p99_9),
      max: worst((r) => r.latencyMs.max),
      mean: round(sum((r) => r.latencyMs.mean * r.requests) / Math.max(1, requests), 2),
    },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    serverEventLoopUtilization: round(busySeconds / seconds, 3),
    serverBusyMsPerRequest: round((busySeconds * 1000) / Math.max(1, requests), 3),
    serverPeakRssMB: worst((r) => r.serverPeakRssMB),
  };
}

/**
 * The figure and its reference measured in alternating rounds (A B B A A B B A...): the machine's
 * speed drifts by ±20% from one minute to the next, and two back-to-back 20-second runs would
 * compare two different machines. Each side still gets `seconds` in all.
 */
async function interleaved(a: LoadOptions, b: LoadOptions, seconds: number, rounds: number): Promise<[Measured, Measured]> {
  const runs: [Measured[], Measured[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
      runs[side].push(await measure({ ...(side === 0 ? a : b), seconds: seconds / rounds }));
    }
  }
  return [combine(runs[0]), combine(runs[1])];
}

const describe = (name: string, r: Measured): string =>
  `${name}: ${num(r.rps)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms, ` +
  `${r.non2xx} non-2xx, ${r.errors} errors ${JSON.stringify(r.statusCodes)}; server thread ${num(r.serverEventLoopUtilization * 100)} % busy, ${r.serverBusyMsPerRequest} ms per request`;

export async function httpBench(ctx: BenchContext): Promise<BenchResult> {
  const { settings } = ctx;
  const started = nowMs();
  const dir = tempDir(settings.tmpDir, 'http');
  const seconds = settings.httpSeconds;
  const connections = settings.connections;
  const warmUp = Math.max(1, Math.min(3, seconds / 5));
  const notes: string[] = [];

  const { createApp, loadConfig, EVENT_STORE } = compiledApp();
  const config = loadConfig({ MC_DATA_DIR: join(dir, 'app'), MC_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, MC_WRITE_LIMIT_PER_MINUTE: '0' });
  const app: NestExpressApplication = await createApp(config, { logger: false });
  try {
    // The reference route: on the same express instance, after the app's middlewares, before Nest's routes.
    const server = app.getHttpAdapter().getInstance() as Express;
    // Server-side time of each POST, from the moment express sees it to the last byte of the answer
    // (excludes the wait in the socket queue, which the client-side latency includes).
    let serverTimes: number[] | null = null;
    server.use((req: Request, res: Response, next: () => void) => {
      if (serverTimes && req.method === 'POST') {
        const t = nowMs();
        const times = serverTimes;
        res.on('finish', () => times.push(nowMs() - t));
      }
      next();
    });
    // Under /api/ like the POST: the web pages' static middleware looks for a file on disk for any other path.
    server.get('/api/bench/hello', (_req: Request, res: Response) => {
      res.json({ hello: 'world' });
    });
    const print = console.log;
    console.log = () => undefined; // the bootstrap admin announcement
    try {
      await app.listen(0, '127.0.0.1');
    } finally {
      console.log = print;
    }
    const { port } = app.getHttpServer().address() as AddressInfo;
    const meter = new StoreMeter(app.get<EventStore>(EVENT_STORE));
    const base = `http://127.0.0.1:${port}`;

    const call = async (method: string, path: string, body?: unknown, token?: string): Promise<Record<string, unknown>> => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const login = async (who: { username: string; password: string }) => String((await call('POST', '/api/v1/auth/login', who)).token);

    const admin = await login(ADMIN);
    await call('POST', '/api/v1/accounts', { ...AGENT, role: 'agent', displayName: 'Agent du banc' }, admin);
    const token = await login(AGENT);
    const auth = { authorization: `Bearer ${token}` };
    const cases: string[] = [];
    for (let i = 0; i < connections; i++) {
      cases.push(String((await call('POST', '/api/v1/cases', { title: `Banc HTTP ${i + 1}`, service: 'Médiathèque' }, token)).id));
    }
    // Check the body is accepted before loading the server with it.
    await call('POST', `/api/v1/cases/${cases[0]}/incidents`, INCIDENT, token);

    const hello: LoadOptions = { url: `${base}/api/bench/hello`, connections, seconds };
    const incident: LoadOptions = {
      url: `${base}/api/v1/cases/${cases[0]}/incidents`,
      connections,
      seconds,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(INCIDENT),
      paths: cases.map((id) => `/api/v1/cases/${id}/incidents`),
    };

    log(ID, `warm-up ${warmUp} s each...`);
    await runLoad({ ...hello, seconds: warmUp });
    await runLoad({ ...incident, seconds: warmUp });

    const detailSeconds = Math.max(1, Math.round(seconds / 4));
    log(ID, `detail: GET /api/health (public Nest route) and GET /api/v1/me (auth guard), ${detailSeconds} s each...`);
    const health = await measure({ url: `${base}/api/health`, connections, seconds: detailSeconds });
    log(ID, `  ${describe('health', health)}`);
    const me = await measure({ url: `${base}/api/v1/me`, connections, seconds: detailSeconds, headers: auth });
    log(ID, `  ${describe('me', me)}`);

    const rounds = seconds >= 8 ? ROUNDS : 1;
    log(
      ID,
      `POST incident (${connections} connections on ${cases.length} cases, one per connection) and its reference GET /api/bench/hello ` +
        `(bare express route on the same app), ${seconds} s each in ${rounds} alternating rounds...`,
    );
    const before = meter.snapshot();
    serverTimes = [];
    const [incidentResult, helloResult] = await interleaved(incident, hello, seconds, rounds);
    const handled = serverTimes;
    serverTimes = null;
    const after = meter.snapshot();
    const serverSide = { p50: round(percentile(handled, 50), 2), p99: round(percentile(handled, 99), 2), max: round(percentile(handled, 100), 2) };
    log(ID, `  ${describe('hello', helloResult)}`);
    log(ID, `  ${describe('incident', incidentResult)}`);
    const perPost = (ns: number) => round(ns / 1e6 / Math.max(1, incidentResult.requests), 3);
    const storeTime = {
      readStreamMsPerPost: perPost(after.readNs - before.readNs),
      readStreamCallsPerPost: round((after.reads - before.reads) / Math.max(1, incidentResult.requests), 2),
      appendMsPerPost: perPost(after.appendNs - before.appendNs),
      revisionConflicts: after.conflicts - before.conflicts,
    };
    // Sanity: the load was spread over the cases (one per connection).
    const store = app.get<EventStore>(EVENT_STORE);
    const lengths = await Promise.all(cases.map(async (id) => (await store.readStream(`case-${id}`)).length));
    const spread = { minEventsPerCase: Math.min(...lengths), maxEventsPerCase: Math.max(...lengths) };
    log(ID, `  events per case after the run: ${spread.minEventsPerCase} to ${spread.maxEventsPerCase}`);
    const restMs = round(incidentResult.serverBusyMsPerRequest - storeTime.readStreamMsPerPost - storeTime.appendMsPerPost, 3);
    log(
      ID,
      `  per POST on the server thread: readStream ${storeTime.readStreamMsPerPost} ms (${storeTime.readStreamCallsPerPost} calls: account + case), ` +
        `store.append ${storeTime.appendMsPerPost} ms (seal + INSERT + fsync'd COMMIT), rest ${restMs} ms (express, Nest, guard, validation, decide, projections); ` +
        `${storeTime.revisionConflicts} revision conflicts; handled in p50 ${serverSide.p50} ms, p99 ${serverSide.p99} ms, max ${serverSide.max} ms server-side`,
    );
    if (incidentResult.non2xx || incidentResult.errors) {
      notes.push(`POST incident: ${incidentResult.non2xx} non-2xx answers and ${incidentResult.errors} errors: ${JSON.stringify(incidentResult.statusCodes)}`);
    }
    notes.push(
      `server main thread busy ${incidentResult.serverBusyMsPerRequest} ms per POST incident (readStream ${storeTime.readStreamMsPerPost} ms, ` +
        `store.append ${storeTime.appendMsPerPost} ms, rest ${restMs} ms) vs ${helloResult.serverBusyMsPerRequest} ms per hello-world request. ` +
        `The fsync'd commit runs on the writer thread; the rest is one thread: throughput <= 1000 / busy ms, and each request queues behind the ${connections - 1} others.`,
    );
    // Little's law: with `connections` requests always in flight, mean latency = connections / throughput.
    const p99Floor = (1000 * connections) / 25;
    notes.push(
      `p99 < 25 ms with ${connections} connections always busy needs a mean latency under 25 ms, i.e. more than ${num(p99Floor)} req/s (Little's law: ` +
        `mean = connections / throughput), before any variance. Same run: hello world ${num(helloResult.rps)} req/s, mean ~${round((1000 * connections) / helloResult.rps, 1)} ms, ` +
        `p99 ${helloResult.latencyMs.p99} ms; POST incident ${num(incidentResult.rps)} req/s, mean ~${round((1000 * connections) / incidentResult.rps, 1)} ms, p99 ${incidentResult.latencyMs.p99} ms.`,
    );
    return {
      id: ID,
      rows: [
        row(
          ID,
          `POST incident (${connections} conn, ${seconds} s)`,
          { label: `req/s, p50 ${incidentResult.latencyMs.p50} ms`, value: incidentResult.rps, unit: 'req/s' },
          { label: `hello world, p50 ${helloResult.latencyMs.p50} ms`, value: helloResult.rps, unit: 'req/s' },
          { kind: 'ratio-min', min: 0.4 },
        ),
        row(
          ID,
          'POST incident p99',
          { label: 'p99', value: incidentResult.latencyMs.p99, unit: 'ms' },
          { label: 'hello world p99', value: helloResult.latencyMs.p99, unit: 'ms' },
          { kind: 'max', max: 25, unit: 'ms' },
        ),
      ],
      details: {
        connections,
        cases: cases.length,
        seconds,
        hello: helloResult,
        incident: { ...incidentResult, storeTime, restMsPerPost: restMs, serverSideMs: serverSide, ...spread },
        health,
        me,
      },
      notes,
      seconds: (nowMs() - started) / 1000,
    };
  } finally {
    await app.close();
  }
}
