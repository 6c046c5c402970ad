import { CaseRecords } from '../testing/case-records';
import { agent, CASE_ID, ids, seedStory } from '../testing/seed-story';
import { buildTimeline } from './timeline';

const entryIds = (timeline: ReturnType<typeof buildTimeline>) => timeline.entries.map((e) => e.entryId);
const entry = (timeline: ReturnType<typeof buildTimeline>, entryId: string) => {
  const found = timeline.entries.find((e) => e.entryId === entryId);
  if (!found) throw new Error(`${entryId} is not in the timeline`);
  return found;
};

describe('buildTimeline', () => {
  describe('given the whole seed story, when read without asOf', () => {
    const { records, rev } = seedStory();
    const timeline = buildTimeline(records, { basis: 'recorded' });

    it('then it names the case and the head of the stream', () => {
      expect(timeline.caseId).toBe(CASE_ID);
      expect(timeline.streamId).toBe(`case-${CASE_ID}`);
      expect(timeline.asOf).toBeNull();
      expect(timeline.basis).toBe('recorded');
      expect(timeline.headRevision).toBe(records.length - 1);
      expect(timeline.headHash).toBe(records[records.length - 1]!.hash);
    });

    it('then it lists facts ordered by instant, not by string, across offsets, and leaves out custody events', () => {
      expect(entryIds(timeline)).toEqual([
        ids.mailing, // 2019-11-09, recorded after the cut-off
        ids.cutOff, // 08:15+01:00 once corrected
        ids.screenshot, // captured 08:35+01:00
        ids.meeting, // 09:00+01:00 = 08:00Z
        ids.providerNotice, // 08:30Z: after the meeting although its string sorts first
        ids.requestToDgs,
        ids.letterToPresident,
        ids.rumour, // no fact date: dated by its recording
        ids.receipt,
        ids.dgsNote,
        ids.restoration,
        ids.noteAboutCutOff,
        records[rev.closed!]!.eventId, // CaseClosed: named by its eventId
      ]);
      const types = timeline.entries.map((e) => e.type);
      for (const custody of ['CaseOpened', 'CaseShared', 'DossierExported', 'EntryCorrected', 'EntryRetracted']) {
        expect(types).not.toContain(custody);
      }
    });

    it('then a corrected entry shows its original data, its corrections and its effective data', () => {
      const cutOff = entry(timeline, ids.cutOff);
      expect(cutOff.original.occurredAt).toBe('2019-11-12T08:30:00+01:00');
      expect(cutOff.original.reasonGiven).toBe('Panne supposée');
      expect(cutOff.data.occurredAt).toBe('2019-11-12T08:15:00+01:00');
      expect(cutOff.data).not.toHaveProperty('reasonGiven'); // null in a correction removes the field
      expect(cutOff.data.resources).toEqual(cutOff.original.resources);
      expect(cutOff.occurredAt).toBe('2019-11-12T08:15:00+01:00');
      expect(cutOff.corrections).toEqual([
        {
          entryId: ids.correction,
          revision: rev.correction,
          recordedAt: '2019-11-15T08:00:00.000Z',
          actor: agent,
          changes: { occurredAt: '2019-11-12T08:15:00+01:00', reasonGiven: null },
          reason: expect.stringContaining('journal de connexion'),
        },
      ]);
      expect(cutOff.recordedAt).toBe('2019-11-12T09:15:00.000Z');
      expect(cutOff.revision).toBe(rev.cutOff);
    });

    it('then a retracted entry stays, marked', () => {
      const rumour = entry(timeline, ids.rumour);
      expect(rumour.data.text).toContain('ordre du maire');
      expect(rumour.retracted).toEqual({
        entryId: ids.retraction,
        revision: rev.retraction,
        recordedAt: '2019-11-16T09:00:00.000Z',
        actor: agent,
        reason: 'Rumeur non vérifiée.',
      });
      expect(entry(timeline, ids.cutOff).retracted).toBeNull();
    });

    it('then entries recorded 24 h or more after the facts are flagged late, with whole days', () => {
      // received 2019-11-13T14:00+01:00, recorded 2019-11-20T14:00Z: 7 days and 1 hour
      expect(entry(timeline, ids.dgsNote).lateBy).toEqual({ minutes: 7 * 1440 + 60, days: 7 });
      // the Saturday mailing, recorded on Tuesday: 3 days and 20 minutes
      expect(entry(timeline, ids.mailing).lateBy).toEqual({ minutes: 3 * 1440 + 20, days: 3 });
      expect(entry(timeline, ids.cutOff).lateBy).toBeNull();
      expect(entry(timeline, ids.rumour).lateBy).toBeNull(); // a note has no fact date
    });

    it('then entries carry their evidence and the entries that answer them', () => {
      const cutOff = entry(timeline, ids.cutOff);
      expect(cutOff.evidence).toEqual([ids.screenshot]);
      expect(cutOff.related.restorations).toEqual([ids.restoration]);
      expect(cutOff.related.notes).toEqual([ids.noteAboutCutOff]);
      expect(entry(timeline, ids.letterToPresident).related.receipts).toEqual([ids.receipt]);
      expect(entry(timeline, ids.letterToPresident).related.responses).toEqual([]);
      expect(entry(timeline, ids.requestToDgs).related.responses).toEqual([ids.dgsNote]);
    });

    it('then evidence is dated by its capture and closures by their recording', () => {
      expect(entry(timeline, ids.screenshot).occurredAt).toBe('2019-11-12T08:35:00+01:00');
      const closed = timeline.entries[timeline.entries.length - 1]!;
      expect(closed.type).toBe('CaseClosed');
      expect(closed.occurredAt).toBe('2019-12-02T10:00:00.000Z');
      expect(closed.data).toEqual({ reason: expect.any(String) });
    });

    it('then it does not let a caller alter the records through the view', () => {
      entry(timeline, ids.cutOff).data.occurredAt = 'tampered';
      entry(timeline, ids.cutOff).original.occurredAt = 'tampered';
      expect(records[rev.cutOff!]!.data.occurredAt).toBe('2019-11-12T08:30:00+01:00');
      expect(buildTimeline(records).entries.map((e) => e.occurredAt)).toContain('2019-11-12T08:15:00+01:00');
    });
  });

  describe('given the seed story, when read as of a recorded date (what the journal held then)', () => {
    const { records, rev } = seedStory();
    const asOf = '2019-11-13T12:00:00+01:00'; // 11:00Z, Wednesday
    const timeline = buildTimeline(records, { asOf, basis: 'recorded' });

    it('then entries recorded later are excluded, even when their facts are older', () => {
      expect(entryIds(timeline)).toEqual([
        ids.mailing,
        ids.cutOff,
        ids.screenshot,
        ids.meeting,
        ids.providerNotice,
        ids.requestToDgs,
        ids.letterToPresident,
        ids.rumour,
        ids.receipt,
      ]);
      expect(timeline.entries.map((e) => e.entryId)).not.toContain(ids.dgsNote); // received 13th 14:00, recorded 20th
      expect(timeline.headRevision).toBe(rev.receipt);
      expect(timeline.headHash).toBe(records[rev.receipt!]!.hash);
      expect(timeline.asOf).toBe(asOf);
    });

    it('then corrections and retractions recorded later do not apply', () => {
      const cutOff = entry(timeline, ids.cutOff);
      expect(cutOff.occurredAt).toBe('2019-11-12T08:30:00+01:00');
      expect(cutOff.data).toEqual(cutOff.original);
      expect(cutOff.data.reasonGiven).toBe('Panne supposée');
      expect(cutOff.corrections).toEqual([]);
      expect(cutOff.related.restorations).toEqual([]);
      expect(entry(timeline, ids.rumour).retracted).toBeNull();
    });

    it('then an instant equal to asOf is included whatever its offset', () => {
      const atReceipt = buildTimeline(records, { asOf: '2019-11-13T10:30:00+01:00' }); // = receipt recordedAt 09:30Z
      expect(entryIds(atReceipt)).toContain(ids.receipt);
      const justBefore = buildTimeline(records, { asOf: '2019-11-13T09:29:59.999Z' });
      expect(entryIds(justBefore)).not.toContain(ids.receipt);
    });

    it('then a date before the case was opened gives an empty timeline', () => {
      const before = buildTimeline(records, { asOf: '2019-11-01T00:00:00Z' });
      expect(before.entries).toEqual([]);
      expect(before.headRevision).toBeNull();
      expect(before.headHash).toBeNull();
      expect(before.caseId).toBe(CASE_ID);
    });
  });

  describe('given the seed story, when read on the occurred basis (what had happened by then)', () => {
    const { records } = seedStory();
    const timeline = buildTimeline(records, { asOf: '2019-11-13T18:00:00+01:00', basis: 'occurred' });

    it('then it lists facts dated by then, including ones recorded afterwards', () => {
      expect(timeline.basis).toBe('occurred');
      expect(entryIds(timeline)).toEqual([
        ids.mailing,
        ids.cutOff,
        ids.screenshot,
        ids.meeting,
        ids.providerNotice,
        ids.requestToDgs,
        ids.letterToPresident,
        ids.rumour,
        ids.receipt,
        ids.dgsNote, // received on the 13th, recorded on the 20th
      ]);
      expect(timeline.headRevision).toBe(records.length - 1);
    });

    it('then corrections and retractions recorded since apply', () => {
      expect(entry(timeline, ids.cutOff).occurredAt).toBe('2019-11-12T08:15:00+01:00');
      expect(entry(timeline, ids.cutOff).corrections).toHaveLength(1);
      expect(entry(timeline, ids.rumour).retracted).not.toBeNull();
    });

    it('then links point only to entries that had happened: no restoration yet', () => {
      expect(entry(timeline, ids.cutOff).related.restorations).toEqual([]);
      expect(entry(timeline, ids.requestToDgs).related.responses).toEqual([ids.dgsNote]);
    });

    it('then a correction that moves a fact date moves the entry in or out', () => {
      // The cut-off was first dated 08:30+01:00, corrected to 08:15+01:00.
      const at0820 = buildTimeline(records, { asOf: '2019-11-12T07:20:00Z', basis: 'occurred' });
      expect(entryIds(at0820)).toEqual([ids.mailing, ids.cutOff]);
    });
  });

  describe('given entries with offsets and delays at the boundaries', () => {
    const c = new CaseRecords('b0a7c1d2-0000-4000-8000-000000000001', agent);
    c.add('CaseOpened', { title: 'Bornes' }, '2019-11-20T10:00:00.000Z');
    c.add('MeetingHeld', { entryId: 'm-late', occurredAt: '2019-11-19T11:00:00+01:00', participants: ['a'], summary: 's' }, '2019-11-20T10:00:00.000Z');
    c.add('MeetingHeld', { entryId: 'm-almost', occurredAt: '2019-11-19T10:00:01Z', participants: ['a'], summary: 's' }, '2019-11-20T10:00:00.000Z');
    c.add(
      'ProviderActionRecorded',
      { entryId: 'p-west', occurredAt: '2019-11-19T05:00:02-05:00', action: 'other', description: 'd' },
      '2019-11-20T10:00:00.000Z',
    );
    c.add('ImpactRecorded', { entryId: 'i-1', periodStart: '2019-11-19T09:30:00+00:00', periodEnd: '2019-11-19T12:00:00Z' }, '2019-11-20T10:00:00.000Z');
    const timeline = buildTimeline(c.records);

    it('then exactly 24 hours late is late, a second less is not', () => {
      expect(entry(timeline, 'm-late').lateBy).toEqual({ minutes: 1440, days: 1 });
      expect(entry(timeline, 'm-almost').lateBy).toBeNull();
    });

    it('then order follows instants: 09:30+00:00, 11:00+01:00 (10:00Z), 10:00:01Z, 05:00:02-05:00 (10:00:02Z)', () => {
      expect(entryIds(timeline)).toEqual(['i-1', 'm-late', 'm-almost', 'p-west']);
    });

    it('then equal instants keep revision order', () => {
      const d = new CaseRecords('b0a7c1d2-0000-4000-8000-000000000002', agent);
      d.add('CaseOpened', { title: 'Egalité' }, '2019-11-20T10:00:00.000Z');
      d.add('NoteAdded', { entryId: 'n-1', text: 'un' }, '2019-11-20T10:00:00.000Z');
      d.add('MeetingHeld', { entryId: 'm-1', occurredAt: '2019-11-20T11:00:00+01:00', participants: ['a'], summary: 's' }, '2019-11-20T10:00:00.000Z');
      expect(entryIds(buildTimeline(d.records))).toEqual(['n-1', 'm-1']);
    });
  });

  describe('given a bad asOf', () => {
    it('then it is refused as invalid input', () => {
      const { records } = seedStory();
      expect(() => buildTimeline(records, { asOf: 'mardi dernier' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    });
  });
});
