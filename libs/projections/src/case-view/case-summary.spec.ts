import { CaseRecords } from '../testing/case-records';
import { agent, CASE_ID, seedStory } from '../testing/seed-story';
import { summarizeCase } from './case-summary';

describe('summarizeCase', () => {
  describe('given the whole seed story', () => {
    const { records, streamId } = seedStory();

    it('when summarized now, then it shows the case, its owner and its counts', () => {
      const summary = summarizeCase(records);
      expect(summary).toEqual({
        id: CASE_ID,
        streamId,
        title: 'Coupure des accès de la médiathèque par le prestataire',
        summary: 'Messagerie, tchat et serveur coupés sans préavis après un mailing.',
        service: 'Médiathèque',
        organisation: 'Communauté de communes',
        providerId: 'provider-infogerance',
        status: 'closed',
        ownerId: agent.id,
        openedAt: '2019-11-12T09:10:00.000Z',
        openedBy: { id: agent.id, username: agent.username },
        lastRecordedAt: '2019-12-02T10:00:00.000Z',
        revision: records.length - 1,
        headHash: records[records.length - 1]!.hash,
        counts: {
          entries: 11,
          byType: {
            AccessCutOff: 1,
            IncidentReported: 1,
            MeetingHeld: 1,
            ProviderActionRecorded: 1,
            WrittenRequestSent: 2,
            NoteAdded: 2,
            RequestReceiptConfirmed: 1,
            AccessRestored: 1,
            ResponseReceived: 1,
          },
          corrections: 1,
          retractions: 1,
          evidence: 1,
        },
      });
    });

    it('when summarized as of Wednesday noon, then it counts only what the journal held then', () => {
      const summary = summarizeCase(records, '2019-11-13T12:00:00+01:00')!;
      expect(summary.status).toBe('open');
      expect(summary.lastRecordedAt).toBe('2019-11-13T09:30:00.000Z');
      expect(summary.counts).toEqual({
        entries: 8,
        byType: {
          AccessCutOff: 1,
          IncidentReported: 1,
          MeetingHeld: 1,
          ProviderActionRecorded: 1,
          WrittenRequestSent: 2,
          NoteAdded: 1,
          RequestReceiptConfirmed: 1,
        },
        corrections: 0,
        retractions: 0,
        evidence: 1,
      });
      expect(summary.headHash).toBe(records[summary.revision]!.hash);
    });

    it('when summarized as of a date before it was opened, then there is no case', () => {
      expect(summarizeCase(records, '2019-11-12T09:09:59.999Z')).toBeNull();
    });
  });

  describe('given a case closed then reopened', () => {
    const c = new CaseRecords('0e0e0e0e-0000-4000-8000-00000000000c', agent);
    c.add('CaseOpened', { title: 'Réouverture' }, '2019-12-01T10:00:00.000Z');
    c.add('CaseClosed', { reason: 'fini' }, '2019-12-02T10:00:00.000Z');
    c.add('CaseReopened', { reason: 'nouvelle coupure' }, '2019-12-09T10:00:00.000Z');

    it('then its status follows the last of them, as of any date', () => {
      expect(summarizeCase(c.records)!.status).toBe('open');
      expect(summarizeCase(c.records, '2019-12-05T00:00:00+01:00')!.status).toBe('closed');
      expect(summarizeCase(c.records, '2019-12-01T12:00:00+01:00')!.status).toBe('open');
    });

    it('then optional fields it never had are null', () => {
      const summary = summarizeCase(c.records)!;
      expect([summary.summary, summary.service, summary.organisation, summary.providerId]).toEqual([null, null, null, null]);
      expect(summary.counts).toEqual({ entries: 0, byType: {}, corrections: 0, retractions: 0, evidence: 0 });
    });
  });
});
