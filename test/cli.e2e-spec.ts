import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from './support/processes';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The operator's command line (`main-courante users add`, `verify-journal`) run as a child
 * process on a temporary data directory, then the app started on that directory.
 */
// Each run transpiles the whole app with ts-node (several CPU-seconds): generous, for a busy machine.
jest.setTimeout(120_000);

const PASSWORD = 'loup-garou-des-bois';

/** Every stored event (stream, revision, type, id), read straight from the journal file. */
function storedEvents(dataDir: string): Array<{ stream_id: string; revision: number; type: string; event_id: string }> {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT stream_id, revision, type, event_id FROM events ORDER BY position').all() as never;
  } finally {
    db.close();
  }
}

describe('Command line: users add and verify-journal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-cli-'));
  let t: TestApp | null = null;
  let afterCreation: ReturnType<typeof storedEvents> = [];

  afterAll(async () => {
    await t?.close(); // removes dataDir too
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an account from a password read on stdin, and says so in French', async () => {
    const res = await runCli(['users', 'add', '--data-dir', dataDir, '--role', 'union_rep', '--union', 'CGT', 'louve', '--password-stdin'], {
      stdin: `${PASSWORD}\n`,
    });
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(/^Compte créé : louve \(union_rep, CGT\), identifiant [0-9a-f-]{36}\.$/m);
    afterCreation = storedEvents(dataDir);
    expect(new Set(afterCreation.map((e) => e.stream_id)).size).toBe(1);
    expect(afterCreation[0]).toMatchObject({ stream_id: `account-${/identifiant ([0-9a-f-]{36})/.exec(res.stdout)![1]}`, revision: 0 });
  });

  it('refuses, each with one French sentence and a non-zero exit, without creating anything', async () => {
    // Two at a time: as many as the cores of a small machine, so that none starves.
    const [short, role] = await Promise.all([
      runCli(['users', 'add', '--data-dir', dataDir, 'renard', '--password-stdin'], { stdin: 'court\n' }),
      runCli(['users', 'add', '--data-dir', dataDir, '--role', 'chef', 'blaireau', '--password-stdin'], { stdin: `${PASSWORD}\n` }),
    ]);
    const [noTty, twice] = await Promise.all([
      runCli(['users', 'add', '--data-dir', dataDir, 'hibou']),
      runCli(['users', 'add', '--data-dir', dataDir, 'louve', '--password-stdin'], { stdin: 'un-autre-mot-de-passe\n' }),
    ]);
    const outcome = (r: typeof short) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr.trim() });
    expect(outcome(short)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^Le mot de passe doit compter au moins 12 caractères/) });
    expect(outcome(role)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^Rôle inconnu « chef » : choisissez parmi .*union_rep/) });
    expect(outcome(noTty)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/--password-stdin/) });
    expect(outcome(twice)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/déjà pris/) });
    // No stack trace leaks to the operator.
    for (const r of [short, role, noTty, twice]) expect(r.stderr).not.toMatch(/\n\s+at /);
    // Not one event more than after the first creation.
    expect(storedEvents(dataDir)).toEqual(afterCreation);
  });

  it('verifies the journal: only the one account was written, and the chain holds', async () => {
    const res = await runCli(['verify-journal', '--data-dir', dataDir]);
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    // One account stream (louve); none for the refused renard, blaireau, hibou, nor a second louve.
    expect(res.stdout).toMatch(new RegExp(`^Journal intègre : ${afterCreation.length} événements dans 1 flux\\.$`, 'm'));
  });

  it('lets the app started on that data directory log louve in as union_rep with the first password only', async () => {
    t = await startTestApp({}, { dataDir });
    const ok = await t.http.post('/api/v1/auth/login').send({ username: 'louve', password: PASSWORD }).expect(200);
    expect(ok.body.user).toMatchObject({ username: 'louve', role: 'union_rep', union: 'CGT' });
    await t.http.post('/api/v1/auth/login').send({ username: 'louve', password: 'un-autre-mot-de-passe' }).expect(401);
    for (const username of ['renard', 'blaireau', 'hibou']) {
      await t.http.post('/api/v1/auth/login').send({ username, password: PASSWORD }).expect(401);
      await t.http.post('/api/v1/auth/login').send({ username, password: 'court' }).expect(401);
    }
  });
});

describe('Command line language: French by default, English with MC_LANG=en or --lang en', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-cli-lang-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A refused bundle, the help and a refused role, said in the language that `lang` asks for. */
  async function said(lang: { env?: NodeJS.ProcessEnv; args?: string[] }) {
    const run = (args: string[]) => runCli([...(lang.args ?? []), ...args], { env: lang.env });
    const [bundle, help] = await Promise.all([run(['verify', join(dir, 'absent.zip')]), run(['--help'])]);
    const role = await run(['users', 'add', '--data-dir', dir, '--role', 'chef', 'blaireau', '--password-stdin']);
    return { codes: [bundle.code, help.code, role.code], bundle: bundle.stderr.trim(), help: help.stdout, role: role.stderr.trim() };
  }

  it('speaks French unless told otherwise, and English with MC_LANG=en or --lang en', async () => {
    const french = await said({});
    expect(french).toEqual({
      codes: [1, 0, 1],
      bundle: expect.stringMatching(/^Paquet refusé à l’étape 0 \(archive ZIP\) : absent\.zip : le fichier ne peut pas être lu/),
      help: expect.stringContaining('Gère les comptes'),
      role: expect.stringMatching(/^Rôle inconnu « chef » : choisissez parmi .*union_rep/),
    });
    expect(french.help).toContain('Vérifie hors ligne un paquet de preuves');

    for (const lang of [{ env: { MC_LANG: 'en' } }, { args: ['--lang', 'en'] }]) {
      const english = await said(lang);
      expect(english).toEqual({
        codes: [1, 0, 1],
        bundle: expect.stringMatching(/^Bundle refused at step 0 \(ZIP archive\): absent\.zip: the file cannot be read/),
        help: expect.stringContaining('Manages accounts'),
        role: expect.stringMatching(/^Unknown role "chef": choose from .*union_rep/),
      });
      expect(english.help).toContain('Verifies an evidence bundle');
      expect(english.help).not.toContain('Gère les comptes');
    }
  });
});
