import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { systemClock } from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import { canonicalJson } from '@mc/event-store/hash-chain';
import { verifyJournal } from '../apps/api/src/integrity/verify-journal.query';
import type { BenchContext } from './support/context';
import { nowMs, settle } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { log, num } from './support/table';

/**
 * `verify`: chain verification of the whole journal as GET /integrity/verify and
 * `main-courante verify-journal` do it (verifyJournal: readAll pages + ChainVerifier, which
 * recomputes every hash over the RFC 8785 canonical form). Reference, same run, same file: raw
 * SELECT of the hashed columns + one SHA-256 per event over those same bytes (no parsing, no
 * canonicalization): the floor of "read and hash every event". Target: >= 200,000 events/s.
 */

const ID = 'verify';
const SAMPLE = 20_000;

function rawSelectAndHash(file: string): { events: number; seconds: number; perSecond: number } {
  const db = new Database(file, { timeout: 5000 });
  try {
    const select = db.prepare('SELECT stream_id, revision, event_id, type, data, metadata, prev_hash FROM events ORDER BY position').raw(true);
    let events = 0;
    let check = 0;
    const start = nowMs();
    for (const r of select.iterate() as IterableIterator<[string, number, string, string, string, string, string]>) {
      const digest = createHash('sha256')
        .update(r[0] + r[1] + r[2] + r[3] + r[4] + r[5] + r[6], 'utf8')
        .digest();
      check ^= digest[0];
      events++;
    }
    const seconds = (nowMs() - start) / 1000;
    if (check < 0) throw new Error('unreachable');
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
  }
}

/** Where verification time goes, per event, on the first SAMPLE events. */
async function breakdown(store: SqliteEventStore): Promise<Record<string, number>> {
  const t0 = nowMs();
  const page = await store.readAll({ maxCount: SAMPLE });
  const t1 = nowMs();
  const texts = page.map(({ record: { streamId, revision, eventId, type, data, metadata, prevHash } }) =>
    canonicalJson({ streamId, revision, eventId, type, data, metadata, prevHash }),
  );
  const t2 = nowMs();
  let check = 0;
  for (const text of texts) check ^= createHash('sha256').update(text, 'utf8').digest()[0];
  const t3 = nowMs();
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const n = page.length || 1;
  return {
    sampleEvents: page.length,
    readAndParseUsPerEvent: round(((t1 - t0) * 1000) / n, 2),
    canonicalizeUsPerEvent: round(((t2 - t1) * 1000) / n, 2),
    sha256UsPerEvent: round(((t3 - t2) * 1000) / n, 2),
    canonicalBytesPerEvent: round(bytes / n, 0),
    check: check >= 0 ? 0 : 1,
  };
}

export async function verifyBench(ctx: BenchContext): Promise<BenchResult> {
  const started = nowMs();
  const journal = await ctx.journal();
  const notes: string[] = [];

  log(ID, `reference: raw SELECT + SHA-256 over the same bytes, ${journal.events.toLocaleString('en-US')} rows...`);
  const raw = rawSelectAndHash(journal.file);
  log(ID, `  ${num(raw.perSecond)} events/s (${num(raw.seconds)} s)`);

  await settle();
  const store = new SqliteEventStore({ file: journal.file, clock: systemClock });
  try {
    log(ID, `verifying the chain of ${journal.events.toLocaleString('en-US')} events (verifyJournal)...`);
    const start = nowMs();
    const result = await verifyJournal(store);
    const seconds = (nowMs() - start) / 1000;
    const perSecond = result.events / seconds;
    log(ID, `  ${num(perSecond)} events/s (${num(seconds)} s), ok=${result.ok}, ${result.streams} streams`);
    if (!result.ok) notes.push(`verification FAILED (the generated journal should be valid): ${JSON.stringify(result.firstFailure)}`);
    if (result.events !== journal.events) notes.push(`verified ${result.events} events of ${journal.events}`);

    const parts = await breakdown(store);
    const total = parts.readAndParseUsPerEvent + parts.canonicalizeUsPerEvent + parts.sha256UsPerEvent;
    notes.push(
      `per event (sample of ${parts.sampleEvents.toLocaleString('en-US')}): read + JSON.parse ${parts.readAndParseUsPerEvent} us, ` +
        `RFC 8785 canonicalization ${parts.canonicalizeUsPerEvent} us, SHA-256 of ${parts.canonicalBytesPerEvent} bytes ${parts.sha256UsPerEvent} us ` +
        `(sum ${num(total)} us; ${num(1e6 / total)} events/s before the verifier's own checks).`,
    );
    return {
      id: ID,
      rows: [
        row(
          ID,
          `chain of ${journal.events.toLocaleString('en-US')} events`,
          { label: 'events/s', value: perSecond, unit: 'events/s' },
          { label: 'raw SELECT + SHA-256 of same bytes', value: raw.perSecond, unit: 'events/s' },
          { kind: 'min', min: 200_000, unit: 'events/s' },
        ),
      ],
      details: {
        events: result.events,
        streams: result.streams,
        ok: result.ok,
        verify: { seconds: round(seconds, 2), perSecond: round(perSecond, 0) },
        reference: { seconds: round(raw.seconds, 2), perSecond: round(raw.perSecond, 0) },
        breakdown: parts,
      },
      notes,
      seconds: (nowMs() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}
