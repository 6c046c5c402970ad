import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fixedClock } from '@mc/domain';
import {
  ANY_REVISION,
  JournalTransferError,
  SqliteEventStore,
  copyJournal,
  exportJournal,
  journalRecords,
  ndjsonRecords,
  summarizeJournal,
  type EventToAppend,
  type StoredEvent,
} from '@mc/event-store';
import { EsdbEventStore } from './eventstoredb/esdb-event-store';
import { FakeEsdbClient } from './eventstoredb/testing/fake-esdb-client';

function newEvent(data: Record<string, unknown>): EventToAppend {
  return { eventId: randomUUID(), type: 'TransferTestHappened', data, metadata: { schemaVersion: 1, correlationId: 'c', causationId: 'c' } as never };
}

async function all(records: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('journal transfer', () => {
  let dir: string;
  let source: SqliteEventStore;
  const clock = fixedClock('2026-01-10T09:00:00.000Z');
  const closing: Array<{ close(): Promise<void> }> = [];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-transfer-'));
    source = new SqliteEventStore({ file: path.join(dir, 'source.sqlite'), clock });
    closing.push(source);
    for (let i = 0; i < 30; i++) {
      clock.advance(61_000);
      await source.append(`case-${i % 4}`, [newEvent({ i, texte: 'coupure « messagerie » 🙂', ratio: i / 7 }), newEvent({ i, second: true })], ANY_REVISION);
    }
  });

  afterEach(async () => {
    for (const store of closing.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('embedded -> NDJSON -> fresh embedded keeps every record and hash, in order', async () => {
    const file = path.join(dir, 'journal.ndjson');
    const exported = await exportJournal(source, file);
    await expect(exportJournal(source, file)).rejects.toThrow(/EEXIST/);
    clock.advance(86_400_000);
    const target = new SqliteEventStore({ file: path.join(dir, 'target.sqlite'), clock });
    closing.push(target);
    const imported = await copyJournal(ndjsonRecords(file), target);
    expect(imported).toEqual(exported);
    expect(await summarizeJournal(target)).toEqual(exported);
    expect(await all(journalRecords(target))).toEqual(await all(journalRecords(source)));
    expect(exported).toMatchObject({ events: 60, streams: 4 });
  });

  it('embedded -> EventStoreDB (fake client) keeps every record and hash, in order', async () => {
    const target = new EsdbEventStore({ client: new FakeEsdbClient(), clock, positionIndexFile: path.join(dir, 'positions.sqlite') });
    closing.push(target);
    const copied = await copyJournal(journalRecords(source), target, 7);
    expect(await summarizeJournal(target)).toEqual(copied);
    expect(await all(journalRecords(target))).toEqual(await all(journalRecords(source)));
    expect((await target.readAll()).map((e) => e.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('stops at the first broken link of the source, having written only what came before', async () => {
    const records = await all(journalRecords(source));
    records[5] = { ...records[5], data: { forged: true } };
    const target = new SqliteEventStore({ file: path.join(dir, 'target.sqlite'), clock });
    closing.push(target);
    async function* feed() {
      yield* records;
    }
    await expect(copyJournal(feed(), target)).rejects.toBeInstanceOf(JournalTransferError);
    expect((await target.readAll()).length).toBeLessThan(5);
  });
});
