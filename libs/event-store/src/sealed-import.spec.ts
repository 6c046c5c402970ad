import { randomUUID } from 'node:crypto';
import type { EventToAppend, StoredEvent } from './event-store.port';
import { computeHash, sealEvents } from './hash-chain';
import { SealedImportError, checkSealedBatch } from './sealed-import';

const event = (n: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'IncidentReported',
  data: { n },
  metadata: { schemaVersion: 1, correlationId: 'c', causationId: 'c' } as never,
});

/** Three sealed records of one stream, a second apart. */
function sealedStream(): StoredEvent[] {
  const records: StoredEvent[] = [];
  for (let i = 0; i < 3; i++) {
    const previous = records.length ? { revision: i - 1, hash: records[i - 1].hash, recordedAt: records[i - 1].metadata.recordedAt } : null;
    records.push(...sealEvents('case-1', previous, [event(i)], new Date(Date.UTC(2026, 2, 2, 9, 0, i))));
  }
  return records;
}

/** A copy of the record with its metadata changed and its hash made right again: only the rule under test can refuse it. */
function resealed(record: StoredEvent, metadata: Record<string, unknown>): StoredEvent {
  const changed = { ...record, metadata: { ...record.metadata, ...metadata } } as StoredEvent;
  return { ...changed, hash: computeHash(changed) };
}

const refusal = (records: StoredEvent[], head: Parameters<typeof checkSealedBatch>[1] = null): string => {
  try {
    checkSealedBatch('case-1', head, records);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(SealedImportError);
    return (error as Error).message;
  }
};

describe('checkSealedBatch', () => {
  it('accepts records that continue the stream, from its start or from its head', () => {
    const records = sealedStream();
    expect(refusal(records)).toBe('accepted');
    const [first, ...rest] = records;
    expect(refusal(rest, { revision: 0, hash: first.hash, recordedAt: first.metadata.recordedAt })).toBe('accepted');
  });

  it('refuses a broken link, a gap, a changed record, another stream', () => {
    const [a, b, c] = sealedStream();
    expect(refusal([a, c])).toMatch(/revision 2: expected revision 1/);
    expect(refusal([b])).toMatch(/expected revision 0/);
    expect(refusal([a, { ...b, data: { n: 99 } }])).toMatch(/stored hash .* differs from the recomputed/);
    expect(refusal([{ ...a, streamId: 'case-2' }])).toMatch(/belongs to stream case-2/);
    expect(refusal([a, b], { revision: 0, hash: '1'.repeat(64), recordedAt: a.metadata.recordedAt })).toMatch(/revision 0: expected revision 1/);
    expect(refusal([])).toMatch(/nothing to import/);
  });

  it('refuses a recordedAt that is not a real UTC date with milliseconds, or that goes back in time', () => {
    const [a] = sealedStream();
    for (const recordedAt of ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00.000+01:00', '2026-13-45T09:00:00.000Z', 20260302, undefined]) {
      expect({ recordedAt, refusal: refusal([resealed(a, { recordedAt })]) }).toEqual({
        recordedAt,
        refusal: expect.stringMatching(/is not a UTC date with milliseconds/),
      });
    }
    const [first, second] = sealedStream();
    const earlier = resealed({ ...second, prevHash: first.hash }, { recordedAt: '2026-03-02T08:59:59.999Z' });
    expect(refusal([first, earlier])).toMatch(/recordedAt 2026-03-02T08:59:59.999Z is earlier than 2026-03-02T09:00:00.000Z/);
  });
});
