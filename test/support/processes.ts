import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import canonicalize from 'canonicalize';

/** The repository root: child processes run from there, like `npm start` would. */
export const ROOT = join(__dirname, '..', '..');

/** `prevHash` of revision 0 (evidence-bundle.md section 1). */
export const GENESIS = '0'.repeat(64);

/** A TCP port free on the loopback interface right now (PORT=0 would not be printed by the server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a TypeScript entry point of the repository with ts-node (transpile-only) and the @mc/* paths. */
export function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line (`apps/cli/src/main.ts`) to its end; `stdin` is written then closed (an empty pipe if absent: no TTY). */
export function runCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTs('apps/cli/src/main.ts', args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI ${args.join(' ')} still running after ${options.timeoutMs ?? 60_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin!.on('error', () => undefined); // the CLI may exit before reading stdin
    child.stdin!.end(options.stdin ?? '');
  });
}

/** The HTTP server (`apps/api/src/main.ts`) as a child process on loopback. */
export class ServerProcess {
  readonly baseUrl: string;
  private output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitedYet = false;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.output += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.output += s));
    // Should the test process end abruptly, the server must not outlive it.
    const killOnExit = () => {
      if (!this.exitedYet) child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitedYet = true;
        process.removeListener('exit', killOnExit);
        resolve({ code, signal });
      }),
    );
  }

  /** Starts the server and resolves once it printed that it is ready (or rejects with its output). */
  static async start(env: NodeJS.ProcessEnv & { MC_DATA_DIR: string }, timeoutMs = 25_000): Promise<ServerProcess> {
    const port = await freePort();
    const server = new ServerProcess(spawnTs('apps/api/src/main.ts', [], { HOST: '127.0.0.1', ...env, PORT: String(port) }), port);
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server not ready after ${timeoutMs} ms:\n${server.output}`)), timeoutMs);
      const onData = () => {
        if (server.output.includes('Main courante est prêt')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.child.stdout!.on('data', onData);
      void server.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server exited (code ${code}, signal ${signal}) before being ready:\n${server.output}`));
      });
    });
    try {
      await ready;
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves when the process has exited. */
  waitForExit(timeoutMs = 10_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return Promise.race([
      this.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`server ${this.pid} did not exit in ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  /** Kills the process (SIGKILL unless told otherwise) and waits for it to be gone. Safe to call twice. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.exitedYet || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(this.pid, signal);
    } catch {
      return; // already gone
    }
    await this.waitForExit().catch(() => undefined);
  }

  /** Logs in and answers the bearer token; anything but 200 fails the test with the answer. */
  async login(who: { username: string; password: string }): Promise<string> {
    const res = await this.call('POST', '/api/v1/auth/login', undefined, who);
    if (res.status !== 200) throw new Error(`login as ${who.username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  /** Creates an agent account as `admin` (MC_BOOTSTRAP_ADMIN's, say) and answers the agent's token; a refusal fails the test. */
  async addAgent(admin: { username: string; password: string }, agent: { username: string; password: string }): Promise<string> {
    const created = await this.call('POST', '/api/v1/accounts', await this.login(admin), { ...agent, role: 'agent' });
    if (created.status !== 201) throw new Error(`creating ${agent.username}: ${created.status} ${JSON.stringify(created.body)}`);
    return this.login(agent);
  }

  /** fetch with a JSON body and a timeout; answers the status and the parsed body. */
  async call(method: string, path: string, token?: string, body?: unknown, timeoutMs = 10_000): Promise<{ status: number; body: any }> {
    return httpCall(this.baseUrl, method, path, token, body, timeoutMs);
  }
}

export async function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

export interface EventRecord {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: Record<string, any>;
  metadata: Record<string, any>;
  prevHash: string;
  hash: string;
}

/**
 * Checks a stream's records as an outside verifier would (evidence-bundle.md section 1), without
 * the application's code: exactly the eight members, revisions 0..n in order, prevHash links from
 * the genesis, hash = sha256(JCS(record without hash)), recordedAt never going backwards.
 * Answers the problems found (empty when the chain holds).
 */
export function chainProblems(records: EventRecord[], streamId?: string): string[] {
  const problems: string[] = [];
  let prev = GENESIS;
  let lastRecordedAt = '';
  records.forEach((record, i) => {
    const keys = Object.keys(record).sort().join(',');
    if (keys !== 'data,eventId,hash,metadata,prevHash,revision,streamId,type') problems.push(`#${i}: members ${keys}`);
    if (streamId !== undefined && record.streamId !== streamId) problems.push(`#${i}: streamId ${record.streamId}`);
    if (record.revision !== i) problems.push(`#${i}: revision ${record.revision}`);
    if (record.prevHash !== prev) problems.push(`#${i}: prevHash ${record.prevHash} instead of ${prev}`);
    const { hash, ...unhashed } = record;
    const recomputed = createHash('sha256')
      .update(Buffer.from(canonicalize(unhashed)!, 'utf8'))
      .digest('hex');
    if (recomputed !== hash) problems.push(`#${i}: hash ${hash}, recomputed ${recomputed}`);
    const recordedAt = String(record.metadata?.recordedAt);
    if (recordedAt < lastRecordedAt) problems.push(`#${i}: recordedAt ${recordedAt} before ${lastRecordedAt}`);
    prev = hash;
    lastRecordedAt = recordedAt;
  });
  return problems;
}
