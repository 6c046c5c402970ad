import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Clock } from '@mc/domain';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig, AppConfig } from '../../apps/api/src/config/config';

export const ADMIN = { username: 'admin', password: 'motdepasse-admin-e2e' };

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  dataDir: string;
  /** Logs in and returns a bearer token. */
  login(username: string, password: string): Promise<string>;
  /** Creates an account through the admin API and returns a token for it. */
  user(username: string, role?: string, extra?: Record<string, unknown>): Promise<{ token: string; id: string }>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

/** The real application on a fresh temporary data directory, through HTTP (supertest). */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, options: { clock?: Clock; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mc-e2e-'));
  const config = loadConfig({ MC_DATA_DIR: dataDir, MC_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, ...env });
  const app = await createApp(config, { logger: process.env.E2E_LOGS ? undefined : false, clock: options.clock });
  await app.init();
  const http = request(app.getHttpServer());
  let admin: string | null = null;
  const login = async (username: string, password: string) => {
    const res = await http.post('/api/v1/auth/login').send({ username, password }).expect(200);
    return res.body.token as string;
  };
  const adminToken = async () => (admin ??= await login(ADMIN.username, ADMIN.password));
  return {
    app,
    http,
    config,
    dataDir,
    login,
    adminToken,
    async user(username, role = 'agent', extra = {}) {
      const password = `mot-de-passe-${username}`;
      const res = await http
        .post('/api/v1/accounts')
        .set('authorization', `Bearer ${await adminToken()}`)
        .send({ username, role, password, ...extra })
        .expect(201);
      return { token: await login(username, password), id: res.body.id };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The files of the evidence store under a data directory (its folders left out), none before the first upload. */
export function storedEvidenceFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()) : [];
}

/** A case with one access cut-off and one written request, owned by `token`'s user. */
export async function seedSmallCase(t: TestApp, token: string): Promise<{ caseId: string; cutOffId: string; requestId: string }> {
  const caseId = (await t.http.post('/api/v1/cases').set(bearer(token)).send({ title: 'Coupure' }).expect(201)).body.id;
  const cutOff = await t.http
    .post(`/api/v1/cases/${caseId}/access-cutoffs`)
    .set(bearer(token))
    .send({ occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' })
    .expect(201);
  const request = await t.http
    .post(`/api/v1/cases/${caseId}/requests`)
    .set(bearer(token))
    .send({ sentAt: '2019-11-13T09:00:00+01:00', channel: 'letter', from: 'Agent', to: 'Président', subject: 'Sanction ?', kind: 'question_to_hierarchy' })
    .expect(201);
  return { caseId, cutOffId: cutOff.body.entryId, requestId: request.body.entryId };
}

/** supertest parser that keeps a binary answer (PDF, ZIP, evidence) as a Buffer. */
export const binaryBody = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
