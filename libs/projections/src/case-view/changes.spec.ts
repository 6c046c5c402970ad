import { agent, CASE_ID, ids, seedStory, unionRep } from '../testing/seed-story';
import { changesBetween } from './changes';

describe('changesBetween', () => {
  const { records, rev } = seedStory();

  describe('given the seed story', () => {
    it('when asked between two dates, then it answers every event recorded after `from` and up to `to`', () => {
      // from = the receipt's recordedAt (09:30Z) written in Paris time: excluded.
      // to = the correction's recordedAt (08:00Z) written in Paris time: included.
      const result = changesBetween(records, '2019-11-13T10:30:00+01:00', '2019-11-15T09:00:00+01:00');
      expect(result.caseId).toBe(CASE_ID);
      expect(result.from).toBe('2019-11-13T10:30:00+01:00');
      expect(result.to).toBe('2019-11-15T09:00:00+01:00');
      expect(result.changes.map((c) => c.revision)).toEqual([rev.shared, rev.restoration, rev.correction]);
      expect(result.changes.map((c) => c.type)).toEqual(['CaseShared', 'AccessRestored', 'EntryCorrected']);
    });

    it('then each change names its entry, its target, its author and its data as recorded', () => {
      const [shared, restoration, correction] = changesBetween(records, '2019-11-13T10:30:00+01:00', '2019-11-15T09:00:00+01:00').changes;
      expect(shared).not.toHaveProperty('entryId');
      expect(restoration).toMatchObject({ entryId: ids.restoration, recordedAt: '2019-11-14T10:30:00.000Z', actor: agent });
      expect(restoration).not.toHaveProperty('targetEntryId');
      expect(correction).toEqual({
        revision: rev.correction,
        recordedAt: '2019-11-15T08:00:00.000Z',
        actor: agent,
        type: 'EntryCorrected',
        entryId: ids.correction,
        targetEntryId: ids.cutOff,
        data: records[rev.correction!]!.data,
      });
    });

    it('when asked without bounds, then it answers the whole stream in revision order', () => {
      const result = changesBetween(records);
      expect(result.from).toBeNull();
      expect(result.to).toBeNull();
      expect(result.changes.map((c) => c.revision)).toEqual(records.map((r) => r.revision));
    });

    it('when asked with only `from`, then it answers what was recorded since', () => {
      const result = changesBetween(records, '2019-11-20T00:00:00Z');
      expect(result.changes.map((c) => c.type)).toEqual(['ResponseReceived', 'DossierExported', 'CaseClosed']);
      expect(result.changes[1]!.actor).toEqual(unionRep);
      expect(result.changes[2]!.entryId).toBe(records[rev.closed!]!.eventId);
    });

    it('when asked with only `to`, then it answers what was recorded until then', () => {
      expect(changesBetween(records, undefined, '2019-11-12T09:15:00Z').changes.map((c) => c.type)).toEqual(['CaseOpened', 'AccessCutOff']);
    });

    it('when the bounds are reversed or empty, then there is no change', () => {
      expect(changesBetween(records, '2019-11-20T00:00:00Z', '2019-11-13T00:00:00Z').changes).toEqual([]);
    });

    it('when a bound is not a date, then it is refused as invalid input', () => {
      expect(() => changesBetween(records, 'hier')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    });
  });
});
