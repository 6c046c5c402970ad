import { CaseRecords } from '../testing/case-records';
import { agent } from '../testing/seed-story';
import { ProviderSlaCommitment } from '../case-view/outages';
import { providerScorecard } from './scorecard';

const NOTICE_2_DAYS: ProviderSlaCommitment = { metric: 'prior_notice', target: 2880, calendar: '24x7', source: 'Contrat, article 7' };
const R = '2020-03-31T12:00:00.000Z';

/** Three cut-offs without notice: one by the provider, one whose author is unknown, one by the hierarchy. */
function cutOffsWithoutNotice(): CaseRecords {
  const c = new CaseRecords('aaaaaaaa-0000-4000-8000-000000000003', agent);
  c.add('CaseOpened', { title: 'Accueil' }, '2019-11-01T08:00:00.000Z');
  const cutOff = (entryId: string, occurredAt: string, decidedBy: string) =>
    c.add('AccessCutOff', { entryId, occurredAt, resources: [{ kind: 'mailbox', label: entryId }], decidedBy, priorNotice: 'none' }, R);
  cutOff('by-provider', '2019-11-12T08:00:00+01:00', 'provider');
  cutOff('by-unknown', '2019-11-20T17:30:00+01:00', 'unknown');
  cutOff('by-hierarchy', '2019-12-02T10:00:00+01:00', 'hierarchy');
  return c;
}

describe('providerScorecard, operations without prior notice (audit F3)', () => {
  describe('given a notice commitment and cut-offs without notice by the provider, by an unknown author and by the hierarchy', () => {
    const card = providerScorecard({
      providerId: 'p',
      providerName: 'Presta',
      commitments: [NOTICE_2_DAYS],
      cases: [{ caseId: 'aaaaaaaa-0000-4000-8000-000000000003', title: 'Accueil', records: cutOffsWithoutNotice().records }],
      from: '2019-11-01T00:00:00+01:00',
      to: '2019-12-31T23:59:59+01:00',
      asOf: R,
    });

    it("then only the provider's cut-off is a breach, and the breaches counted are the operations listed", () => {
      const notice = card.slaBreaches.find((b) => b.metric === 'prior_notice');
      expect(notice?.breaches.map((b) => b.entryId)).toEqual(['by-provider']);
      expect(card.withoutPriorNotice.map((o) => o.entryId)).toEqual(['by-provider']);
      expect(notice?.count).toBe(card.withoutPriorNotice.length);
    });
  });
});
