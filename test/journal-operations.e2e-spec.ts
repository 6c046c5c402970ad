import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixedClock } from '@mc/domain';
import { ANY_REVISION, SqliteEventStore, type EventToAppend } from '@mc/event-store';
import { ServerProcess, chainProblems, runCli, spawnTs, type EventRecord } from './support/processes';

/**
 * The operator's journal commands, run as child processes on temporary data directories:
 * export-journal / import-journal (the migration round trip, every hash kept), backup while
 * the journal is being written, restore (and its refusals), and the start-up sentence when the
 * EventStoreDB cluster cannot be reached. The EventStoreDB side of `migrate` needs a server: it is
 * covered here only up to its refusals (the copy itself is unit tested over the fake client).
 */
jest.setTimeout(180_000);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mc-ops-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function event(data: Record<string, unknown>): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'NoteAdded',
    data,
    metadata: { schemaVersion: 1, actor: { id: 'u1', username: 'agent.dupont', role: 'agent' }, correlationId: randomUUID(), causationId: randomUUID() },
  };
}

/** Every record of an embedded journal file, in commit order. */
function records(file: string): EventRecord[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Array<Record<string, any>>;
    return rows.map((r) => ({
      streamId: r.stream_id,
      revision: r.revision,
      eventId: r.event_id,
      type: r.type,
      data: JSON.parse(r.data),
      metadata: JSON.parse(r.metadata),
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  } finally {
    db.close();
  }
}

function everyChainHolds(all: EventRecord[]): string[] {
  const streams = [...new Set(all.map((r) => r.streamId))];
  return streams.flatMap((s) =>
    chainProblems(
      all.filter((r) => r.streamId === s),
      s,
    ),
  );
}

async function seed(dataDir: string, appends: number): Promise<void> {
  const clock = fixedClock('2026-02-01T08:00:00.000Z');
  const store = new SqliteEventStore({ file: join(dataDir, 'journal.sqlite'), clock });
  try {
    for (let i = 0; i < appends; i++) {
      clock.advance(97_000);
      await store.append(`case-${i % 5}`, [event({ i, text: 'Coupure « sans préavis » de la messagerie 🙂', ratio: i / 3 }), event({ i })], ANY_REVISION);
    }
  } finally {
    await store.close();
  }
}

const outcome = (r: { code: number | null; stdout: string; stderr: string }) => ({ code: r.code, stdout: r.stdout.trim(), stderr: r.stderr.trim() });

describe('export-journal and import-journal: embedded -> NDJSON -> a fresh embedded journal', () => {
  it('keeps every event with its id, recordedAt and hash, verifiable afterwards, and refuses a non-empty target', async () => {
    const source = tempDir();
    const target = tempDir();
    const file = join(tempDir(), 'journal.ndjson');
    await seed(source, 40);

    const exported = await runCli(['export-journal', file, '--data-dir', source]);
    expect(outcome(exported)).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(/^Journal exporté vers .* : 80 événements dans 5 flux, empreinte de l’ensemble [0-9a-f]{64}\.$/),
    });
    const digest = /([0-9a-f]{64})/.exec(exported.stdout)![1];

    const imported = await runCli(['import-journal', file, '--data-dir', target]);
    expect(outcome(imported)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Journal importé depuis ${file} : 80 événements dans 5 flux, chaîne vérifiée, empreintes identiques (${digest}).`,
    });
    const before = records(join(source, 'journal.sqlite'));
    const after = records(join(target, 'journal.sqlite'));
    expect(after).toEqual(before);
    expect(everyChainHolds(after)).toEqual([]);

    const [verified, again] = await Promise.all([runCli(['verify-journal', '--data-dir', target]), runCli(['import-journal', file, '--data-dir', target])]);
    expect(outcome(verified)).toEqual({ code: 0, stderr: '', stdout: 'Journal intègre : 80 événements dans 5 flux.' });
    expect(outcome(again)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^Le journal de destination n’est pas vide \(80 événements\)/) });
    expect(records(join(target, 'journal.sqlite'))).toEqual(before);
  });
});

describe('backup and restore of the embedded journal', () => {
  const source = tempDir();
  const backupDir = tempDir();
  const backup = join(backupDir, 'sauvegarde.sqlite');

  it('backs up while the journal is being written, and the copy restores and verifies', async () => {
    await seed(source, 50);
    const store = new SqliteEventStore({ file: join(source, 'journal.sqlite'), clock: fixedClock('2026-03-01T00:00:00.000Z') });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await store.append(`case-live-${written % 3}`, [event({ n: written })], ANY_REVISION);
        written++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    let result;
    try {
      result = await runCli(['backup', backup, '--data-dir', source]);
    } finally {
      writing = false;
      await writer;
      await store.close();
    }
    expect(written).toBeGreaterThan(0);
    expect(outcome(result)).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(/^Sauvegarde écrite : .*sauvegarde\.sqlite \(\d+ événements dans \d+ flux, chaîne vérifiée\)\.$/),
    });
    const saved = records(backup);
    const live = records(join(source, 'journal.sqlite'));
    expect(saved.length).toBeGreaterThanOrEqual(100);
    expect(live.slice(0, saved.length)).toEqual(saved); // a consistent snapshot: a prefix of the journal

    const again = await runCli(['backup', backup, '--data-dir', source]);
    expect(outcome(again)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/existe déjà/) });

    const fresh = tempDir();
    const restored = await runCli(['restore', backup, '--data-dir', fresh]);
    expect(outcome(restored)).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(/^Journal restauré depuis .* : \d+ événements dans \d+ flux, chaîne vérifiée avant et après\.$/),
    });
    expect(records(join(fresh, 'journal.sqlite'))).toEqual(saved);
    const verified = await runCli(['verify-journal', '--data-dir', fresh]);
    expect(outcome(verified)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Journal intègre : ${saved.length} événements dans ${new Set(saved.map((r) => r.streamId)).size} flux.`,
    });
  });

  it('refuses a tampered backup, and a data directory that already holds a journal unless --force', async () => {
    const tampered = join(backupDir, 'falsifiee.sqlite');
    copyFileSync(backup, tampered);
    const db = new Database(tampered);
    db.exec('DROP TRIGGER events_no_update');
    db.prepare(`UPDATE events SET data = json_set(data, '$.text', 'autre chose') WHERE position = 7`).run();
    db.close();

    const empty = tempDir();
    const [refused, occupied] = await Promise.all([runCli(['restore', tampered, '--data-dir', empty]), runCli(['restore', backup, '--data-dir', source])]);
    expect(outcome(refused)).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^Sauvegarde refusée, sa chaîne est rompue : flux case-\d, révision \d+ \(hash_mismatch\)/),
    });
    expect(existsSync(join(empty, 'journal.sqlite'))).toBe(false);
    expect(outcome(occupied)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/contient déjà un journal \(\d+ événements\) : ajoutez --force/) });

    const liveBefore = records(join(source, 'journal.sqlite'));
    const forced = await runCli(['restore', backup, '--force', '--data-dir', source]);
    expect(outcome(forced)).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(/chaîne vérifiée avant et après\.\nL’ancien journal est conservé dans .*avant-restauration-/),
    });
    expect(records(join(source, 'journal.sqlite'))).toEqual(records(backup));
    const kept = readdirSync(source).find((name) => name.startsWith('journal.sqlite.avant-restauration-'))!;
    expect(records(join(source, kept))).toEqual(liveBefore);
  });
});

/** The service started on a data directory, until it exits: its exit code and everything it printed. */
async function startUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawnTs('apps/api/src/main.ts', [], { PORT: '0', ...env });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, output: output.trim() };
}

describe('A journal file that cannot be opened', () => {
  it('stops the service and the CLI with one sentence saying what to do, and restore --force sets the file aside', async () => {
    const dataDir = tempDir();
    const journal = join(dataDir, 'journal.sqlite');
    writeFileSync(journal, 'Ceci a remplacé le journal par erreur.');
    const notADatabase =
      `Le fichier du journal ${journal} n’est pas une base SQLite : il a été remplacé ou tronqué. Rien n’y a été écrit. ` +
      'Restaurez la dernière sauvegarde : main-courante restore <sauvegarde> --force (ce fichier est mis de côté, pas effacé).';

    expect(await startUntilExit({ MC_DATA_DIR: dataDir })).toEqual({ code: 1, output: notADatabase });
    const [verify, verifyEn] = await Promise.all([
      runCli(['verify-journal', '--data-dir', dataDir]),
      runCli(['--lang', 'en', 'verify-journal', '--data-dir', dataDir]),
    ]);
    expect(outcome(verify)).toEqual({ code: 1, stdout: '', stderr: notADatabase });
    expect(outcome(verifyEn)).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^The journal file .* is not an SQLite database: .* Restore the last backup/),
    });
    expect(readFileSync(journal, 'utf8')).toBe('Ceci a remplacé le journal par erreur.');

    const source = tempDir();
    await seed(source, 3);
    const backup = join(tempDir(), 'sauvegarde.sqlite');
    expect(outcome(await runCli(['backup', backup, '--data-dir', source]))).toMatchObject({ code: 0 });
    const refused = await runCli(['restore', backup, '--data-dir', dataDir]);
    expect(outcome(refused)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${journal} n’est pas un journal lisible (file is not a database) : ajoutez --force pour le mettre de côté (jamais effacé) et remettre la sauvegarde.`,
    });
    const forced = await runCli(['restore', backup, '--force', '--data-dir', dataDir]);
    expect(outcome(forced)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Journal restauré depuis .* : 6 événements dans 3 flux/) });
    const aside = readdirSync(dataDir).find((name) => name.startsWith('journal.sqlite.avant-restauration-') && !/-(wal|shm)$/.test(name))!;
    expect(readFileSync(join(dataDir, aside), 'utf8')).toBe('Ceci a remplacé le journal par erreur.');
    expect(records(journal)).toEqual(records(join(source, 'journal.sqlite')));

    const server = await ServerProcess.start({ MC_DATA_DIR: dataDir });
    await server.stop();
  });

  it('says a journal damaged inside is damaged, from the service, verify-journal and restore', async () => {
    const dataDir = tempDir();
    const journal = join(dataDir, 'journal.sqlite');
    await seed(dataDir, 150);
    const backup = join(tempDir(), 'sauvegarde.sqlite');
    expect(outcome(await runCli(['backup', backup, '--data-dir', dataDir]))).toMatchObject({ code: 0 });
    const bytes = readFileSync(journal);
    // Every page but the first two (the header and the schema) and the last, overwritten in part.
    for (let page = 2; page < bytes.length / 4096 - 1; page++) bytes.fill(0x41, page * 4096 + 50, page * 4096 + 2000);
    writeFileSync(journal, bytes);
    const damaged = expect.stringMatching(
      new RegExp(`^Le fichier du journal ${journal} est endommagé \\(SQLite : .*malformed\\)\\. Rien n’y a été écrit\\. Restaurez la dernière sauvegarde`),
    );

    expect(await startUntilExit({ MC_DATA_DIR: dataDir })).toEqual({ code: 1, output: damaged });
    expect(outcome(await runCli(['verify-journal', '--data-dir', dataDir]))).toEqual({ code: 1, stdout: '', stderr: damaged });
    const forced = await runCli(['restore', backup, '--force', '--data-dir', dataDir]);
    expect(outcome(forced)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Journal restauré depuis .* : 300 événements dans 5 flux/) });
    expect(outcome(await runCli(['verify-journal', '--data-dir', dataDir]))).toMatchObject({
      code: 0,
      stdout: 'Journal intègre : 300 événements dans 5 flux.',
    });
  });

  it('refuses a journal of a schema version it does not know, and leaves it as it was', async () => {
    const dataDir = tempDir();
    const journal = join(dataDir, 'journal.sqlite');
    await seed(dataDir, 2);
    const db = new Database(journal);
    db.pragma('user_version = 7');
    db.close();
    const before = records(journal);

    expect(await startUntilExit({ MC_DATA_DIR: dataDir })).toEqual({
      code: 1,
      output:
        `Le journal ${journal} est au format 7, que cette version de Main courante ne connaît pas (elle lit le format 1) : ` +
        'il vient sans doute d’une version plus récente. Mettez le service à jour ; rien n’a été modifié.',
    });
    const check = new Database(journal, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(7);
    check.close();
    expect(records(journal)).toEqual(before);
  });
});

describe('A signing key or token secret that cannot be used', () => {
  it('stops the service and the CLI with one sentence, and leaves the file as it is', async () => {
    const dataDir = tempDir();
    await seed(dataDir, 1);
    const key = join(dataDir, 'signing-key.pem');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\ncoupé\n');
    const started = await startUntilExit({ MC_DATA_DIR: dataDir });
    expect(started).toEqual({
      code: 1,
      output: expect.stringMatching(new RegExp(`^La clé de signature ${key} n’est pas une clé privée PEM lisible \\(.*\\) : remettez`)),
    });
    expect(started.output.split('\n')).toHaveLength(1);
    expect(outcome(await runCli(['verify-journal', '--data-dir', dataDir]))).toEqual({ code: 1, stdout: '', stderr: started.output });
    expect(readFileSync(key, 'utf8')).toBe('-----BEGIN PRIVATE KEY-----\ncoupé\n');

    rmSync(key);
    const secret = join(dataDir, 'token-secret');
    writeFileSync(secret, 'court');
    expect(await startUntilExit({ MC_DATA_DIR: dataDir })).toEqual({
      code: 1,
      output: `Le secret des jetons ${secret} est invalide (3 octets au lieu d’au moins 32) : supprimez ce fichier pour qu’un nouveau soit créé (chacun devra se reconnecter) ou, avec plusieurs instances, recopiez celui des autres.`,
    });
    expect(readFileSync(secret, 'utf8')).toBe('court');
  });
});

describe('Read models SQLite cannot read', () => {
  it('sets them aside and rebuilds them from the journal at start', async () => {
    const dataDir = tempDir();
    const env = { MC_DATA_DIR: dataDir, MC_BOOTSTRAP_ADMIN: 'admin:motdepasse-admin-vues' };
    const agent = { username: 'agente', password: 'motdepasse-agente-vues' };
    const first = await ServerProcess.start(env);
    let opened: { status: number; body: any };
    try {
      const token = await first.addAgent({ username: 'admin', password: 'motdepasse-admin-vues' }, agent);
      opened = await first.call('POST', '/api/v1/cases', token, { title: 'Coupure de la messagerie' });
      expect(opened.status).toBe(201);
    } finally {
      await first.stop('SIGTERM');
    }

    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    writeFileSync(join(dataDir, 'read-models.sqlite'), 'écrasé par une copie ratée');
    const second = await ServerProcess.start(env);
    try {
      expect(second.log).toMatch(
        /Les vues de lecture \(.*read-models\.sqlite\) étaient illisibles \(file is not a database\) : mises de côté dans .*, reconstruites depuis le journal\./,
      );
      const list = await second.call('GET', '/api/v1/cases', await second.login(agent));
      expect(list.body).toEqual([expect.objectContaining({ id: opened.body.id, title: 'Coupure de la messagerie' })]);
      const aside = readdirSync(dataDir).find((name) => name.startsWith('read-models.sqlite.illisible-'))!;
      expect(readFileSync(join(dataDir, aside), 'utf8')).toBe('écrasé par une copie ratée');
    } finally {
      await second.stop();
    }
  });
});

describe('EventStoreDB that cannot be reached', () => {
  it('stops the service at start-up with one French sentence naming the variable', async () => {
    const child = spawnTs('apps/api/src/main.ts', [], {
      MC_DATA_DIR: tempDir(),
      PORT: '0',
      MC_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
    });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Configuration invalide : Le cluster EventStoreDB désigné par EVENTSTORE_CONNECTION_STRING (esdb://127.0.0.1:1?tls=false) ne répond pas : vérifiez l’adresse, le paramètre tls et que les nœuds sont démarrés.',
    );
  });

  it('migrate refuses without a destination, and says so when the cluster does not answer', async () => {
    const dataDir = tempDir();
    await seed(dataDir, 2);
    const [noTarget, unreachable] = await Promise.all([
      runCli(['migrate', '--data-dir', dataDir]),
      runCli(['migrate', '--to', 'eventstoredb', '--connection', 'esdb://127.0.0.1:1?tls=false', '--data-dir', dataDir]),
    ]);
    expect(outcome(noTarget)).toEqual({ code: 1, stdout: '', stderr: 'Précisez la destination : main-courante migrate --to eventstoredb.' });
    expect(outcome(unreachable)).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^Le cluster EventStoreDB .* ne répond pas/) });
  });
});
