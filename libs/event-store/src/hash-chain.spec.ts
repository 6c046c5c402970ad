import { createHash } from 'node:crypto';
import type { EventToAppend, StoredEvent } from './event-store.port';
import fc from 'fast-check';
import type { ChainCheck } from './event-store.port';
import {
  ChainVerifier,
  GENESIS_PREV_HASH,
  canonicalJson,
  canonicalRecordText,
  computeHash,
  joinSegments,
  sealEvents,
  sealForStorage,
  type ChainFailure,
  type PackedRows,
  type StoredRow,
} from './hash-chain';

/*
 * Hand-checked vectors. The canonical texts below were written by hand from RFC 8785 (keys
 * sorted by UTF-16 code units, ECMAScript number form, minimal string escapes, raw UTF-8) and
 * their hashes computed outside our code with:
 *   printf '%s' '<canonical text>' | sha256sum
 */
const ACTOR = { id: 'u1', username: 'agent.dupont', role: 'agent' as const };

const RECORD_1 = {
  streamId: 'case-7f0c',
  revision: 0,
  eventId: 'e-1',
  type: 'CaseOpened',
  data: { title: 'Coupure de la messagerie' },
  metadata: { schemaVersion: 1, recordedAt: '2026-03-02T08:30:00.000Z', actor: ACTOR, correlationId: 'c1', causationId: 'c1' },
  prevHash: GENESIS_PREV_HASH,
};
const CANONICAL_1 =
  '{"data":{"title":"Coupure de la messagerie"},"eventId":"e-1","metadata":{"actor":{"id":"u1","role":"agent","username":"agent.dupont"},"causationId":"c1","correlationId":"c1","recordedAt":"2026-03-02T08:30:00.000Z","schemaVersion":1},"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","revision":0,"streamId":"case-7f0c","type":"CaseOpened"}';
const HASH_1 = '9c2e3be897a229fe48c96f8098b9ab319a1878ec92e2980d2ceecb9ed60fb63b';

// Exercises the traps: '😀' (U+1F600, UTF-16 D83D DE00) sorts before 'ﬁ' (U+FB01) in UTF-16
// order although it comes after it in code point order; 1e21 is written 1e+21; -0 is 0.
const RECORD_2 = {
  streamId: 'case-7f0c',
  revision: 1,
  eventId: 'e-2',
  type: 'IncidentReported',
  data: {
    ﬁ: 'x',
    '😀': 'y',
    é: '€ « » ’ œ',
    n: [1e21, 0.000001, 1e-7, -0, 5, 0.1],
    esc: 'a"b\\c\nd\u0001</',
  },
  metadata: { schemaVersion: 1, recordedAt: '2026-03-02T08:31:00.000Z', actor: ACTOR, correlationId: 'c1', causationId: 'e-1' },
  prevHash: HASH_1,
};
const CANONICAL_2 =
  '{"data":{"esc":"a\\"b\\\\c\\nd\\u0001</","n":[1e+21,0.000001,1e-7,0,5,0.1],"é":"€ « » ’ œ","😀":"y","ﬁ":"x"},"eventId":"e-2","metadata":{"actor":{"id":"u1","role":"agent","username":"agent.dupont"},"causationId":"e-1","correlationId":"c1","recordedAt":"2026-03-02T08:31:00.000Z","schemaVersion":1},"prevHash":"9c2e3be897a229fe48c96f8098b9ab319a1878ec92e2980d2ceecb9ed60fb63b","revision":1,"streamId":"case-7f0c","type":"IncidentReported"}';
const HASH_2 = 'cf054ffe5cc1accf2d03b59adf6ec91f1cdcf5a5172d36ce6ff5237c7d84f78d';

function toAppend(eventId: string, data: Record<string, unknown> = {}): EventToAppend {
  return { eventId, type: 'IncidentReported', data, metadata: { schemaVersion: 1, actor: ACTOR, correlationId: 'c1', causationId: 'c1' } };
}

/** A valid chain of `n` single-event appends, one minute apart. */
function chain(streamId: string, n: number): StoredEvent[] {
  const records: StoredEvent[] = [];
  for (let i = 0; i < n; i++) {
    const previous = records[i - 1];
    const head = previous ? { revision: previous.revision, hash: previous.hash, recordedAt: previous.metadata.recordedAt } : null;
    const now = new Date(Date.UTC(2026, 2, 2, 8, 30 + i));
    records.push(...sealEvents(streamId, head, [toAppend(`${streamId}-e${i}`, { i })], now));
  }
  return records;
}

/** A journal of a few interleaved streams, as stored rows in position order; `ms` steps the clock per append. */
function journal(appends: Array<{ stream: number; count: number; ms: number }>): StoredRow[] {
  const heads = new Map<string, { revision: number; hash: string; recordedAt: string }>();
  const rows: StoredRow[] = [];
  let now = Date.parse('2026-03-02T08:00:00Z');
  let id = 0;
  for (const { stream, count, ms } of appends) {
    now += ms;
    const streamId = `case-${stream}`;
    const events = Array.from({ length: count }, () => ({ ...toAppend(`e${++id}`, { text: `note ${id} « é »`, n: id }), type: 'NoteAdded' }));
    for (const { record, dataJson, metadataJson } of sealForStorage(streamId, heads.get(streamId) ?? null, events, new Date(now))) {
      const { revision, eventId, type, prevHash, hash } = record;
      rows.push({ streamId, revision, eventId, type, dataText: dataJson, metadataText: metadataJson, prevHash, hash });
      heads.set(streamId, { revision, hash, recordedAt: record.metadata.recordedAt });
    }
  }
  return rows;
}

/** case-1 three events, case-2 two, case-1 two more, a second apart: positions 1-7. */
const SMALL_PLAN = [
  { stream: 1, count: 3, ms: 0 },
  { stream: 2, count: 2, ms: 1000 },
  { stream: 1, count: 2, ms: 1000 },
];

/**
 * The rows with one damage at `at` (modulo their number): changes[how], or for how = changes.length
 * the record gone (unless it is the only one), for changes.length + 1 the record twice.
 */
function withDamage(rows: StoredRow[], damage: { at: number; how: number } | null, changes: Array<(row: StoredRow) => StoredRow>): StoredRow[] {
  if (!damage) return rows;
  const at = damage.at % rows.length;
  if (damage.how === changes.length) return rows.filter((_, index) => index !== at || rows.length === 1);
  if (damage.how === changes.length + 1) return [...rows.slice(0, at), rows[at], ...rows.slice(at)];
  return rows.map((row, index) => (index === at ? changes[damage.how](row) : row));
}

/** A forger's row: altered, then hashed again (only its link to the next record can betray it). */
function rehashed(row: StoredRow): StoredRow {
  return {
    ...row,
    hash: createHash('sha256')
      .update(canonicalRecordText(row, row.dataText, row.metadataText))
      .digest('hex'),
  };
}

/** What the SQLite store's SELECT assembles: stored texts and members joined between the keys, nothing escaped. */
const assembled = (row: StoredRow): Buffer =>
  Buffer.from(
    `{"data":${row.dataText},"eventId":"${row.eventId}","metadata":${row.metadataText},"prevHash":"${row.prevHash}",` +
      `"revision":${row.revision},"streamId":"${row.streamId}","type":"${row.type}"}`,
  );

/** Re-hashes a record after tampering, as a forger who knows the algorithm would. */
function rehash(record: StoredEvent): StoredEvent {
  return { ...record, hash: computeHash(record) };
}

describe('computeHash', () => {
  it('matches the hand-checked canonical text and sha256sum vectors', () => {
    expect(canonicalJson(RECORD_1)).toBe(CANONICAL_1);
    expect(computeHash(RECORD_1)).toBe(HASH_1);
    expect(canonicalJson(RECORD_2)).toBe(CANONICAL_2);
    expect(computeHash(RECORD_2)).toBe(HASH_2);
  });

  it('ignores a hash member and member order', () => {
    const reordered = Object.fromEntries(Object.entries({ ...RECORD_1, hash: 'f'.repeat(64) }).reverse());
    expect(Object.keys(reordered)[0]).toBe('hash');
    expect(computeHash(reordered as unknown as typeof RECORD_1)).toBe(HASH_1);
  });

  it('changes with any hashed member', () => {
    expect(computeHash({ ...RECORD_1, revision: 1 })).not.toBe(HASH_1);
    expect(computeHash({ ...RECORD_1, data: { title: 'Coupure de la messagerie ' } })).not.toBe(HASH_1);
    expect(computeHash({ ...RECORD_1, metadata: { ...RECORD_1.metadata, recordedAt: '2026-03-02T08:30:00.001Z' } })).not.toBe(HASH_1);
  });
});

describe('sealEvents', () => {
  const now = new Date('2026-03-02T08:30:00.000Z');

  it('starts a stream at revision 0 from the genesis prevHash and links the events', () => {
    const sealed = sealEvents('case-1', null, [toAppend('a'), toAppend('b'), toAppend('c')], now);
    expect(GENESIS_PREV_HASH).toBe('0'.repeat(64));
    expect(sealed.map((r) => r.revision)).toEqual([0, 1, 2]);
    expect(sealed[0].prevHash).toBe(GENESIS_PREV_HASH);
    expect(sealed[1].prevHash).toBe(sealed[0].hash);
    expect(sealed[2].prevHash).toBe(sealed[1].hash);
    for (const record of sealed) expect(computeHash(record)).toBe(record.hash);
    expect(Object.keys(sealed[0])).toEqual(['streamId', 'revision', 'eventId', 'type', 'data', 'metadata', 'prevHash', 'hash']);
  });

  it('reproduces the hand-checked vector', () => {
    const [record] = sealEvents(
      'case-7f0c',
      null,
      [{ eventId: 'e-1', type: 'CaseOpened', data: RECORD_1.data, metadata: { schemaVersion: 1, actor: ACTOR, correlationId: 'c1', causationId: 'c1' } }],
      new Date('2026-03-02T09:30:00.000+01:00'),
    );
    expect(record.hash).toBe(HASH_1);
  });

  it('continues after the previous event', () => {
    const previous = { revision: 6, hash: 'a'.repeat(64), recordedAt: '2026-03-02T08:00:00.000Z' };
    const sealed = sealEvents('case-1', previous, [toAppend('a'), toAppend('b')], now);
    expect(sealed.map((r) => r.revision)).toEqual([7, 8]);
    expect(sealed[0].prevHash).toBe('a'.repeat(64));
  });

  it('stamps one recordedAt per append, never earlier than the previous one, ignoring the caller', () => {
    const forged = toAppend('a');
    (forged.metadata as Record<string, unknown>).recordedAt = '1999-01-01T00:00:00.000Z';
    const sealed = sealEvents('case-1', null, [forged, toAppend('b')], new Date('2026-03-02T09:30:00.123+01:00'));
    expect(sealed.map((r) => r.metadata.recordedAt)).toEqual(['2026-03-02T08:30:00.123Z', '2026-03-02T08:30:00.123Z']);

    const previous = { revision: 0, hash: 'a'.repeat(64), recordedAt: '2026-03-02T10:00:00.000Z' };
    const [late] = sealEvents('case-1', previous, [toAppend('c')], now);
    expect(late.metadata.recordedAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('hashes exactly what JSON stores: undefined dropped, dates as strings, inputs untouched', () => {
    const data = { a: 1, gone: undefined, nested: { gone: undefined, keep: [1, undefined] }, at: new Date(0) };
    const [record] = sealEvents('case-1', null, [toAppend('a', data)], now);
    expect(record.data).toEqual({ a: 1, nested: { keep: [1, null] }, at: '1970-01-01T00:00:00.000Z' });
    expect('gone' in record.data).toBe(false);
    expect(computeHash(JSON.parse(JSON.stringify(record)))).toBe(record.hash);
    expect(data.at).toBeInstanceOf(Date);
  });

  it('keeps what only looks like a refused value: null, the word null, an escaped surrogate written as text, a surrogate pair', () => {
    const data = { none: null, word: 'nullable', text: 'le texte \\ud800 reste', emoji: '😀', list: [null, 'null'] };
    const [record] = sealEvents('case-1', null, [toAppend('a', data)], now);
    expect(record.data).toEqual(data);
  });

  it('rejects non-finite numbers, lone surrogates and malformed events', () => {
    expect(() => sealEvents('case-1', null, [toAppend('a', { x: NaN })], now)).toThrow(/non-finite number NaN at "x"/);
    expect(() => sealEvents('case-1', null, [toAppend('a', { deep: [{ y: Infinity }] })], now)).toThrow(/non-finite number Infinity/);
    expect(() => sealEvents('case-1', null, [toAppend('a', { s: 'bad \ud800' })], now)).toThrow(/lone UTF-16 surrogate/);
    expect(() => sealEvents('case-1', null, [toAppend('a', { ['key \udfff']: 1 })], now)).toThrow(/member name contains a lone UTF-16 surrogate/);
    expect(() => sealEvents('case-1', null, [toAppend('a', { n: 1n as unknown as number })], now)).toThrow(/bigint at "n"/);
    expect(() => sealEvents('case-1', null, [toAppend('')], now)).toThrow(/eventId must be a non-empty string/);
    expect(() => sealEvents('case-1', null, [{ ...toAppend('a'), data: [] as unknown as Record<string, unknown> }], now)).toThrow(/data must be a JSON object/);
    expect(() => sealEvents('', null, [toAppend('a')], now)).toThrow(/streamId/);
    expect(() => sealEvents('case-1', null, [toAppend('a')], new Date('nope'))).toThrow(/invalid date/);
  });
});

describe('ChainVerifier', () => {
  const expectFailure = (failure: ChainFailure | null, expected: Partial<ChainFailure>) => {
    expect(failure).toMatchObject(expected);
    expect(failure?.message).toContain(`${expected.streamId}`);
  };

  it('accepts the hand-checked vectors and valid interleaved streams', () => {
    expect(
      ChainVerifier.verifyStream([
        { ...RECORD_1, hash: HASH_1 },
        { ...RECORD_2, hash: HASH_2 },
      ]),
    ).toBeNull();
    const a = chain('case-a', 4);
    const b = chain('case-b', 3);
    const verifier = new ChainVerifier();
    for (const record of [a[0], b[0], a[1], a[2], b[1], b[2], a[3]]) expect(verifier.check(record)).toBeNull();
    expect(verifier.head('case-a')).toEqual({ revision: 3, hash: a[3].hash, recordedAt: a[3].metadata.recordedAt });
  });

  it('reports altered data as a hash mismatch, with stream, revision, expected and found', () => {
    const records = chain('case-a', 4);
    records[2] = { ...records[2], data: { i: 99 } };
    const failure = ChainVerifier.verifyStream(records);
    expectFailure(failure, { streamId: 'case-a', revision: 2, reason: 'hash_mismatch', found: records[2].hash });
    expect(failure?.expected).toBe(computeHash(records[2]));
  });

  it('reports a record re-hashed after tampering as a broken link at the next revision', () => {
    const records = chain('case-a', 4);
    records[1] = rehash({ ...records[1], data: { i: 99 } });
    expectFailure(ChainVerifier.verifyStream(records), {
      streamId: 'case-a',
      revision: 2,
      reason: 'prev_hash_mismatch',
      expected: records[1].hash,
      found: records[2].prevHash,
    });
  });

  it('reports a changed prevHash', () => {
    const records = chain('case-a', 3);
    records[1] = { ...records[1], prevHash: 'b'.repeat(64) };
    expectFailure(ChainVerifier.verifyStream(records), { streamId: 'case-a', revision: 1, reason: 'hash_mismatch' });
    records[1] = rehash(records[1]);
    expectFailure(ChainVerifier.verifyStream(records), {
      streamId: 'case-a',
      revision: 1,
      reason: 'prev_hash_mismatch',
      expected: records[0].hash,
      found: 'b'.repeat(64),
    });
    const forgedGenesis = rehash({ ...chain('case-g', 1)[0], prevHash: 'c'.repeat(64) });
    expectFailure(ChainVerifier.verifyStream([forgedGenesis]), {
      streamId: 'case-g',
      revision: 0,
      reason: 'prev_hash_mismatch',
      expected: GENESIS_PREV_HASH,
    });
  });

  it('reports a removed event as a revision gap', () => {
    const records = chain('case-a', 5);
    records.splice(2, 1);
    expectFailure(ChainVerifier.verifyStream(records), {
      streamId: 'case-a',
      revision: 3,
      reason: 'revision_gap',
      expected: '2',
      found: '3',
    });
    expectFailure(ChainVerifier.verifyStream(chain('case-b', 3).slice(1)), {
      streamId: 'case-b',
      revision: 1,
      reason: 'revision_gap',
      expected: '0',
      found: '1',
    });
  });

  it('reports a recordedAt regression even in a correctly hashed chain', () => {
    const records = chain('case-a', 3);
    const earlier = { ...records[2].metadata, recordedAt: '2026-03-02T08:30:59.999Z' };
    records[2] = rehash({ ...records[2], metadata: earlier });
    expectFailure(ChainVerifier.verifyStream(records), {
      streamId: 'case-a',
      revision: 2,
      reason: 'recorded_at_regression',
      expected: records[1].metadata.recordedAt,
      found: '2026-03-02T08:30:59.999Z',
    });
  });

  it('carries on after a failure without cascading, per stream', () => {
    const a = chain('case-a', 4);
    const b = chain('case-b', 2);
    a[1] = { ...a[1], data: { i: 42 } };
    const verifier = new ChainVerifier();
    const failures = [a[0], b[0], a[1], a[2], b[1], a[3]].map((r) => verifier.check(r)).filter(Boolean);
    expect(failures).toEqual([expect.objectContaining({ streamId: 'case-a', revision: 1, reason: 'hash_mismatch' })]);
  });

  it('reports malformed records', () => {
    const [record] = chain('case-a', 1);
    const { hash: _hash, ...withoutHash } = record;
    expect(ChainVerifier.verifyStream([withoutHash])).toMatchObject({
      streamId: 'case-a',
      revision: 0,
      reason: 'malformed',
      message: expect.stringContaining('hash'),
    });
    expect(new ChainVerifier().check({ ...record, extra: 1 })).toMatchObject({ reason: 'malformed', message: expect.stringContaining('extra') });
    expect(new ChainVerifier().check({ ...record, hash: record.hash.toUpperCase() })).toMatchObject({ reason: 'malformed' });
    expect(new ChainVerifier().check({ ...record, revision: '0' })).toMatchObject({ reason: 'malformed', revision: -1 });
    expect(new ChainVerifier().check({ ...record, metadata: { ...record.metadata, recordedAt: '2026-03-02T09:30:00+01:00' } })).toMatchObject({
      reason: 'malformed',
    });
    expect(new ChainVerifier().check('not a record')).toMatchObject({ reason: 'malformed', streamId: '' });
    expect(ChainVerifier.verifyStream([record, { ...chain('case-b', 2)[1] }])).toMatchObject({ reason: 'malformed' });
  });
});

describe('canonicalRecordText and ChainVerifier.checkStored (the stored-text fast path)', () => {
  const text = fc.string({ unit: 'binary' }).filter((s) => s.length > 0 && !/\p{Cs}/u.test(s));
  const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('-0'));

  it('assembles exactly the RFC 8785 text of the whole record', () => {
    fc.assert(
      fc.property(text, fc.nat(), text, text, fc.dictionary(text, json), fc.dictionary(text, json), (streamId, revision, eventId, type, data, metadata) => {
        const head = { streamId, revision, eventId, type, prevHash: GENESIS_PREV_HASH };
        expect(canonicalRecordText(head, canonicalJson(data), canonicalJson(metadata))).toBe(canonicalJson({ ...head, data, metadata }));
      }),
      { numRuns: 500 },
    );
  });

  const [sealed] = sealForStorage(
    'case-1',
    null,
    [{ ...toAppend('e1', { text: 'Coupure « sans préavis » ✓', n: 1 }), type: 'NoteAdded' }],
    new Date('2026-03-02T08:30:00Z'),
  );
  const stored = {
    streamId: sealed.record.streamId,
    revision: 0,
    eventId: 'e1',
    type: 'NoteAdded',
    dataText: sealed.dataJson,
    metadataText: sealed.metadataJson,
    prevHash: GENESIS_PREV_HASH,
    hash: sealed.record.hash,
  };

  it('stores canonical texts, and accepts them as stored', () => {
    expect(sealed.dataJson).toBe(canonicalJson(sealed.record.data));
    expect(new ChainVerifier().checkStored(stored)).toBeNull();
  });

  it('accepts texts an older version stored in another key order, through the full check', () => {
    const reordered = JSON.stringify({ text: sealed.record.data.text, n: 1 });
    expect(reordered).not.toBe(sealed.dataJson);
    expect(new ChainVerifier().checkStored({ ...stored, dataText: reordered })).toBeNull();
  });

  it('names the record whose stored text was altered, or is not JSON', () => {
    expect(new ChainVerifier().checkStored({ ...stored, dataText: sealed.dataJson.replace('sans', 'avec') })).toMatchObject({
      streamId: 'case-1',
      revision: 0,
      reason: 'hash_mismatch',
    });
    expect(new ChainVerifier().checkStored({ ...stored, dataText: '{"text":' })).toMatchObject({ streamId: 'case-1', revision: 0, reason: 'malformed' });
  });
});

describe('ChainVerifier.checkPrebuilt (the record bytes assembled by the store)', () => {
  const prebuilt = (row: StoredRow) => ({ ...row, canonicalBytes: assembled(row) });
  const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

  const name = fc.oneof(fc.constantFrom('case-1', 'e-1', 'NoteAdded', 'a"b', 'a\\b', 'é', 'tab\t'), fc.string({ minLength: 1, maxLength: 6 }));
  const recordedAt = fc.constantFrom('2026-03-02T08:30:00.000Z', '2026-03-02T08:29:00.000Z', '2026-13-02T08:30', '');
  const row = fc
    .record({
      streamId: name,
      revision: fc.oneof(fc.constantFrom(0, 1, -1, 1.5), fc.nat(3)),
      eventId: name,
      type: name,
      text: fc.string({ maxLength: 8 }),
      recordedAt,
      prevHash: fc.constantFrom(GENESIS_PREV_HASH, 'f'.repeat(64), 'F'.repeat(64), 'x'),
      // How its hash was made: over the canonical text, over the store's unescaped assembly (a forger counting on it), or not at all.
      hashing: fc.constantFrom('canonical', 'assembled', 'garbage'),
    })
    .map(({ text, recordedAt, hashing, ...head }): StoredRow => {
      const dataText = canonicalJson({ text });
      const metadataText = canonicalJson({ actor: ACTOR, recordedAt, schemaVersion: 1 });
      const unhashed = { ...head, dataText, metadataText, hash: '' };
      const hash =
        hashing === 'canonical'
          ? sha256(canonicalRecordText(head, dataText, metadataText))
          : hashing === 'assembled'
            ? sha256(assembled(unhashed))
            : 'a'.repeat(64);
      return { ...unhashed, hash };
    });

  it('decides exactly as checkStored does, for any row, even one hashed over the unescaped assembly', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), fc.boolean(), (rows, segment) => {
        const byText = segment ? ChainVerifier.forSegment() : new ChainVerifier();
        const byBytes = segment ? ChainVerifier.forSegment() : new ChainVerifier();
        for (const r of rows) expect(byBytes.checkPrebuilt(prebuilt(r), () => r)).toEqual(byText.checkStored(r));
        expect(byBytes.segmentCheck(null)).toEqual(byText.segmentCheck(null));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not take a forged assembly for the record: an event id with a quote is hashed as JSON writes it', () => {
    const dataText = canonicalJson({ text: 'x' });
    const metadataText = canonicalJson({ actor: ACTOR, recordedAt: '2026-03-02T08:30:00.000Z', schemaVersion: 1 });
    const head = { streamId: 'case-1', revision: 0, eventId: 'e-1","x":"y', type: 'NoteAdded', prevHash: GENESIS_PREV_HASH };
    const forged = { ...head, dataText, metadataText, hash: '' };
    forged.hash = sha256(assembled(forged));
    let fetched = 0;
    const failure = new ChainVerifier().checkPrebuilt(prebuilt(forged), () => (fetched++, forged));
    expect(failure).toMatchObject({ streamId: 'case-1', revision: 0, reason: 'hash_mismatch' });
    expect(fetched).toBe(1);
  });

  it('reads the row again only when the bytes cannot decide', () => {
    const [sealed] = sealForStorage('case-1', null, [{ ...toAppend('e1', { text: 'Coupure « sans préavis » \\ "✓"' }), type: 'NoteAdded' }], new Date());
    const { streamId, revision, eventId, type, prevHash, hash } = sealed.record;
    const stored = { streamId, revision, eventId, type, prevHash, hash, dataText: sealed.dataJson, metadataText: sealed.metadataJson };
    const unused = (): StoredRow => {
      throw new Error('the bytes should have been enough');
    };
    expect(new ChainVerifier().checkPrebuilt(prebuilt(stored), unused)).toBeNull();
  });
});

describe('ChainVerifier.checkPacked (a page of rows packed by the store)', () => {
  /** What the SQLite store's packed SELECT returns for these rows, in position order. */
  const pack = (rows: StoredRow[]): PackedRows => ({
    count: rows.length,
    records: Buffer.concat(rows.flatMap((row, index) => (index ? [Buffer.from('\n'), assembled(row)] : [assembled(row)]))),
    streamIds: rows.map((row) => row.streamId).join('\n'),
    eventIds: rows.map((row) => row.eventId).join('\n'),
    types: rows.map((row) => row.type).join('\n'),
    revisions: rows.map((row) => String(row.revision)).join(','),
    prevHashes: rows.map((row) => row.prevHash).join(''),
    hashes: rows.map((row) => row.hash).join(''),
    metadataAt: rows.map((row) => 33 + Buffer.byteLength(row.dataText) + Buffer.byteLength(row.eventId)).join(','),
  });
  const prebuilt = (row: StoredRow) => ({ ...row, canonicalBytes: assembled(row) });
  const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

  /** Row by row with checkPrebuilt from `from` on, up to the first failure. */
  function rowByRow(verifier: ChainVerifier, rows: StoredRow[], from = 0): ChainFailure | null {
    for (const row of rows.slice(from)) {
      const failure = verifier.checkPrebuilt(prebuilt(row), () => row);
      if (failure) return failure;
    }
    return null;
  }

  const withoutRecordedAt = (metadataText: string): string => canonicalJson({ ...JSON.parse(metadataText), recordedAt: undefined });
  const damages: Array<(row: StoredRow) => StoredRow> = [
    (row) => ({ ...row, dataText: row.dataText.replace('note', 'nota') }),
    (row) => ({ ...row, prevHash: 'f'.repeat(64) }),
    (row) => ({ ...row, prevHash: 'F'.repeat(64) }),
    (row) => ({ ...row, hash: 'a'.repeat(64) }),
    (row) => rehashed({ ...row, metadataText: row.metadataText.replace(/"recordedAt":"[^"]*"/, '"recordedAt":"2020-01-01T00:00:00.000Z"') }),
    // Forgers counting on the store's unescaped assembly, or on a recordedAt found outside metadata.
    (row) => ({ ...row, eventId: `${row.eventId}","x":"y` }),
    (row) => {
      const forged = { ...row, type: 'Note\nAdded' };
      return { ...forged, hash: sha256(assembled(forged)) };
    },
    (row) => {
      const forged = { ...row, eventId: `${row.eventId}","x":"y` };
      return { ...forged, hash: sha256(assembled(forged)) };
    },
    (row) =>
      rehashed({
        ...row,
        dataText: canonicalJson({ ...JSON.parse(row.dataText), recordedAt: '2020-01-01T00:00:00.000Z' }),
        metadataText: withoutRecordedAt(row.metadataText),
      }),
    (row) => rehashed({ ...row, metadataText: canonicalJson({ ...JSON.parse(row.metadataText), zz: { recordedAt: '2020-01-01T00:00:00.000Z' } }) }),
    (row) => rehashed({ ...row, revision: row.revision + 1 }),
    (row) => rehashed({ ...row, streamId: 'case-"9' }),
  ];
  const appends = fc.array(fc.record({ stream: fc.nat(4), count: fc.integer({ min: 1, max: 3 }), ms: fc.integer({ min: -60_000, max: 60_000 }) }), {
    minLength: 1,
    maxLength: 12,
  });

  it('records a page as checkPrebuilt row after row would, up to where that would fail, on intact and damaged pages', () => {
    fc.assert(
      fc.property(appends, fc.option(fc.record({ at: fc.nat(), how: fc.nat(damages.length + 1) })), fc.nat(3), fc.boolean(), (plan, damage, skip, segment) => {
        // A page that starts inside the journal, as the slices of a parallel check do.
        const whole = journal(plan);
        const rows = withDamage(whole.slice(segment ? Math.min(skip, whole.length - 1) : 0), damage, damages);
        const packed = segment ? ChainVerifier.forSegment() : new ChainVerifier();
        const vouched = packed.checkPacked(pack(rows));
        const packedFailure = rowByRow(packed, rows, vouched);
        const reference = segment ? ChainVerifier.forSegment() : new ChainVerifier();
        const failure = rowByRow(reference, rows);
        expect(packedFailure).toEqual(failure);
        expect(packed.segmentCheck(packedFailure)).toEqual(reference.segmentCheck(failure));
        if (!damage) expect(vouched).toBe(rows.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('vouches for every row of an intact page, and stops at the first damaged one', () => {
    const rows = journal(SMALL_PLAN);
    expect(new ChainVerifier().checkPacked(pack(rows))).toBe(7);
    const damaged = rows.map((row, index) => (index === 4 ? { ...row, dataText: row.dataText.replace('note', 'nota') } : row));
    const verifier = new ChainVerifier();
    expect(verifier.checkPacked(pack(damaged))).toBe(4);
    expect(rowByRow(verifier, damaged, 4)).toMatchObject({ streamId: 'case-2', revision: 1, reason: 'hash_mismatch' });
  });
});

describe('checking the journal in slices (ChainVerifier.forSegment + joinSegments)', () => {
  /** One verifier over every row in turn, counting as the stores' verifyChain do. */
  function wholeCheck(rows: StoredRow[]): ChainCheck {
    const verifier = new ChainVerifier();
    let events = 0;
    let streams = 0;
    for (const row of rows) {
      if (!verifier.head(row.streamId)) streams++;
      events++;
      const failure = verifier.checkStored(row);
      if (failure) return { events, streams, failure };
    }
    return { events, streams, failure: null };
  }

  function slicedCheck(rows: StoredRow[], cuts: number[]): ChainCheck {
    const bounds = [0, ...[...new Set(cuts.map((cut) => cut % (rows.length + 1)))].sort((a, b) => a - b), rows.length];
    const segments = bounds.slice(1).map((end, index) => {
      const verifier = ChainVerifier.forSegment();
      for (const row of rows.slice(bounds[index], end)) {
        const failure = verifier.checkStored(row);
        if (failure) return verifier.segmentCheck(failure);
      }
      return verifier.segmentCheck(null);
    });
    return joinSegments(segments);
  }

  const tamperings: Array<(row: StoredRow) => StoredRow> = [
    (row) => ({ ...row, dataText: row.dataText.replace('note', 'nota') }),
    (row) => ({ ...row, prevHash: 'f'.repeat(64) }),
    (row) => ({ ...row, metadataText: '{"recordedAt":' }),
    (row) => ({ ...row, hash: row.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
    (row) => rehashed({ ...row, metadataText: row.metadataText.replace(/"recordedAt":"[^"]*"/, '"recordedAt":"2020-01-01T00:00:00.000Z"') }),
  ];

  const appends = fc.array(fc.record({ stream: fc.nat(5), count: fc.integer({ min: 1, max: 3 }), ms: fc.integer({ min: -60_000, max: 60_000 }) }), {
    minLength: 1,
    maxLength: 25,
  });

  it('reports what one verifier reading everything reports, wherever the slices are cut, on intact and damaged journals', () => {
    fc.assert(
      fc.property(
        appends,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.option(fc.record({ at: fc.nat(), how: fc.nat(tamperings.length + 1) })),
        (plan, cuts, damage) => {
          const rows = withDamage(journal(plan), damage, tamperings);
          expect(slicedCheck(rows, cuts)).toEqual(wholeCheck(rows));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a broken link that falls exactly on a cut, and names its stream and revision', () => {
    const rows = journal(SMALL_PLAN);
    const gone = rows.findIndex((row) => row.streamId === 'case-1' && row.revision === 3);
    const damaged = rows.filter((_, index) => index !== gone);
    const result = slicedCheck(damaged, [gone]);
    expect(result.failure).toMatchObject({ streamId: 'case-1', revision: 4, reason: 'revision_gap', expected: '3', found: '4' });
    expect(result).toEqual(wholeCheck(damaged));
  });
});
