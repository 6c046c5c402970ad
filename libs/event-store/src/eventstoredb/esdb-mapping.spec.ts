import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { RecordedEvent } from '@eventstore/db-client';
import {
  ANY_REVISION,
  NO_STREAM,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  computeHash,
  sealEvents,
  type StoredEvent,
} from '@mc/event-store';
import {
  ESDB_METADATA_FORMAT,
  EsdbMappingError,
  comparePositions,
  fromRecordedEvent,
  isJournalEvent,
  isTransientEsdbError,
  mapEsdbError,
  positionOf,
  revisionMatches,
  revisionToNumber,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbReadStreamOptions,
} from './esdb-mapping';
import { PositionIndex } from './position-index';

/** The pure mapping between stored records and EventStoreDB events, errors, revisions and positions, without a server. */

const [first, second] = sealEvents(
  'case-7',
  null,
  [
    {
      eventId: '0b7f3c1e-5a2d-4c8e-9f10-2b3c4d5e6f70',
      type: 'IncidentReported',
      data: { title: 'Coupure « sans préavis » 🙂', ratio: 1 / 7, tags: ['é', null], nested: { a: [1, { b: true }] } },
      metadata: { schemaVersion: 1, actor: { id: 'u1', username: 'agent', role: 'agent' }, correlationId: 'corr-1', causationId: 'cause-1' },
    },
    { eventId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', type: 'NoteAdded', data: { text: 'x' }, metadata: { schemaVersion: 1 } as never },
  ],
  new Date('2026-03-02T08:30:00.123Z'),
);

/** What the server gives back for an appended event: the JSON as bytes and back, its own fields. */
function asStored(record: StoredEvent, position = { commit: 1000n, prepare: 1000n }): RecordedEvent {
  const sent = toEsdbEvent(record);
  return {
    streamId: record.streamId,
    id: sent.id,
    isJson: true,
    revision: BigInt(record.revision),
    type: sent.type,
    created: new Date(),
    data: JSON.parse(Buffer.from(JSON.stringify(sent.data)).toString('utf8')),
    metadata: JSON.parse(Buffer.from(JSON.stringify(sent.metadata)).toString('utf8')),
    position,
  } as RecordedEvent;
}

describe('toEsdbEvent / fromRecordedEvent', () => {
  it('stores the record with its own id and reassembles it member for member, same hash', () => {
    for (const record of [first, second]) {
      const sent = toEsdbEvent(record);
      expect(sent).toMatchObject({ id: record.eventId, type: record.type, contentType: 'application/json', data: record.data });
      expect(sent.metadata).toEqual({
        format: ESDB_METADATA_FORMAT,
        metadata: record.metadata,
        prevHash: record.prevHash,
        hash: record.hash,
        ...(record === first ? { $correlationId: 'corr-1', $causationId: 'cause-1' } : {}),
      });
      const back = fromRecordedEvent(asStored(record));
      expect(back).toEqual(record);
      expect(Object.keys(back).sort()).toEqual(['data', 'eventId', 'hash', 'metadata', 'prevHash', 'revision', 'streamId', 'type']);
      expect(computeHash(back)).toBe(record.hash);
    }
  });

  it('refuses an eventId EventStoreDB would not give back unchanged', () => {
    expect(() => toEsdbEvent({ ...first, eventId: first.eventId.toUpperCase() })).toThrow(EsdbMappingError);
    expect(() => toEsdbEvent({ ...first, eventId: 'entry-1' })).toThrow(/not a lowercase UUID/);
  });

  it('tells journal events from system events and other applications’ events', () => {
    const event = asStored(first);
    expect(isJournalEvent(event)).toBe(true);
    expect(isJournalEvent(undefined)).toBe(false);
    expect(isJournalEvent({ ...event, type: '$statsCollected' } as RecordedEvent)).toBe(false);
    expect(isJournalEvent({ ...event, streamId: '$settings' } as RecordedEvent)).toBe(false);
    expect(isJournalEvent({ ...event, metadata: { other: 1 } } as unknown as RecordedEvent)).toBe(false);
    expect(isJournalEvent({ ...event, isJson: false } as unknown as RecordedEvent)).toBe(false);
    expect(() => fromRecordedEvent({ ...event, metadata: undefined } as unknown as RecordedEvent)).toThrow(/not written by this journal/);
  });

  it('reads a tampered event as it is: the verifier, not the mapping, reports it', () => {
    const tampered = { ...asStored(first), data: { title: 'autre' } } as RecordedEvent;
    const back = fromRecordedEvent(tampered);
    expect(back.hash).toBe(first.hash);
    expect(computeHash(back)).not.toBe(first.hash);
  });
});

describe('revisions', () => {
  it('sends the revision the chain continues, or NO_STREAM for a new stream', () => {
    expect(toEsdbExpectedRevision(null)).toBe('no_stream');
    expect(toEsdbExpectedRevision({ revision: 0 })).toBe(0n);
    expect(toEsdbExpectedRevision({ revision: 41 })).toBe(41n);
  });

  it('compares the port’s expectation with the actual revision', () => {
    expect(revisionMatches(NO_STREAM, -1)).toBe(true);
    expect(revisionMatches(NO_STREAM, 0)).toBe(false);
    expect(revisionMatches(ANY_REVISION, 5)).toBe(true);
    expect(revisionMatches(3, 3)).toBe(true);
    expect(revisionMatches(3, 4)).toBe(false);
  });

  it('maps read options and revisions', () => {
    expect(toEsdbReadStreamOptions({})).toEqual({ direction: 'forwards', fromRevision: 'start' });
    expect(toEsdbReadStreamOptions({ direction: 'backwards', maxCount: 1 })).toEqual({ direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    expect(toEsdbReadStreamOptions({ fromRevision: 2, maxCount: 3 })).toEqual({ direction: 'forwards', fromRevision: 2n, maxCount: 3 });
    expect(revisionToNumber(12n)).toBe(12);
    expect(() => revisionToNumber(2n ** 60n)).toThrow(EsdbMappingError);
  });
});

describe('mapEsdbError', () => {
  it('maps WrongExpectedVersionError to the port’s conflict with the actual revision', () => {
    const existing = new WrongExpectedVersionError(undefined, { streamName: 'case-7', expected: 2n, current: 4n });
    expect(mapEsdbError(existing, { streamId: 'case-7', expected: 2 })).toEqual(new WrongExpectedRevisionError('case-7', 2, 4));
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'case-8', expected: 0n, current: 'no_stream' });
    const mapped = mapEsdbError(missing, { expected: 0 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'case-8', expected: 0, actual: -1 });
  });

  it('maps StreamNotFoundError, and unavailability to StoreUnavailableError', () => {
    expect(mapEsdbError(new EsdbStreamNotFoundError(undefined, 'case-9'))).toEqual(new StreamNotFoundError('case-9'));
    for (const error of [new UnavailableError(undefined, 'down'), new DeadlineExceededError(undefined, 'slow')]) {
      expect(isTransientEsdbError(error)).toBe(true);
      const mapped = mapEsdbError(error);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect((mapped as StoreUnavailableError).cause).toBe(error);
    }
    expect(isTransientEsdbError(Object.assign(Object.create(NotLeaderError.prototype) as object, { type: 'not-leader' }))).toBe(true);
  });

  it('leaves other errors unchanged', () => {
    const other = new Error('boom');
    expect(mapEsdbError(other)).toBe(other);
    expect(isTransientEsdbError(other)).toBe(false);
  });
});

describe('positions', () => {
  it('orders $all positions by commit then prepare', () => {
    const a = { commit: 100n, prepare: 100n };
    const b = { commit: 100n, prepare: 180n }; // same append, second event
    const c = { commit: 260n, prepare: 260n };
    expect([c, b, a].sort(comparePositions)).toEqual([a, b, c]);
    expect(comparePositions(a, { ...a })).toBe(0);
  });

  it('requires the $all position EventStoreDB 22.6+ gives with each event', () => {
    expect(positionOf(asStored(first, { commit: 5n, prepare: 7n }))).toEqual({ commit: 5n, prepare: 7n });
    expect(() => positionOf({ ...asStored(first), position: undefined } as RecordedEvent)).toThrow(/22\.6/);
  });

  it('keeps ordinals in a local file, beyond 2^53 byte offsets, and refuses a contradiction', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-esdb-index-'));
    try {
      const file = path.join(dir, 'positions.sqlite');
      const index = new PositionIndex(file);
      const far = { commit: 2n ** 60n, prepare: 2n ** 60n + 5n };
      index.record(1, { commit: 10n, prepare: 10n }, 'e1');
      index.record(2, far, 'e2');
      index.record(2, far, 'e2'); // the same fact again is fine
      index.close();
      const reopened = new PositionIndex(file);
      expect(reopened.esdbPositionOf(2)).toEqual(far);
      expect(reopened.ordinalOf(far)).toBe(2);
      expect(reopened.last()).toEqual({ ordinal: 2, position: far });
      expect(reopened.esdbPositionOf(3)).toBeNull();
      expect(() => reopened.record(2, { commit: 11n, prepare: 11n }, 'e3')).toThrow(/disagrees with the cluster/);
      reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
