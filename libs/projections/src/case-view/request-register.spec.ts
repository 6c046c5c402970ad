import { CaseRecords } from '../testing/case-records';
import { requestRegister, runningDeadlines } from './request-register';

describe('requestRegister', () => {
  const build = () => {
    const c = new CaseRecords('6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', { id: 'a1', username: 'bollywood', role: 'agent' });
    c.add('CaseOpened', { title: 'Coupure' }, '2019-11-12T09:00:00.000Z');
    c.add(
      'WrittenRequestSent',
      {
        entryId: 'letter',
        sentAt: '2019-11-12T16:00:00+01:00',
        channel: 'registered_letter',
        from: 'Agente',
        to: 'Président',
        subject: 'Sanction ?',
        kind: 'question_to_hierarchy',
      },
      '2019-11-12T16:05:00.000Z',
    );
    return c;
  };

  it('shows the implicit rejection and the last day to seize the tribunal for a letter never answered', () => {
    const c = build();
    c.add(
      'RequestReceiptConfirmed',
      { entryId: 'ar', requestEntryId: 'letter', receivedAt: '2019-11-13T10:00:00+01:00', proof: 'Avis de réception' },
      '2019-11-14T09:00:00.000Z',
    );
    const register = requestRegister(c.records, '2020-06-01T00:00:00.000Z');
    const [letter] = register.requests;
    expect(letter.deadlines).toMatchObject({
      ruleId: 'silence-agent-request',
      status: 'implicit_rejection',
      receiptKnown: true,
      implicitRejectionBornOn: { year: 2020, month: 1, day: 13 },
    });
    expect(letter.deadlines.appeal).toMatchObject({
      ruleId: 'appeal-after-rejection',
      date: { year: 2020, month: 3, day: 13 },
      at: '2020-03-13T23:00:00.000Z',
    });
    expect(register.disclaimer.fr).toMatch(/pas un conseil juridique/);
  });

  it('uses the sending date, flagged, when receipt is unknown, and stops the clock on an answer', () => {
    const c = build();
    const unknown = requestRegister(c.records, '2019-11-20T00:00:00.000Z').requests[0].deadlines;
    expect(unknown.receiptKnown).toBe(false);
    expect(unknown.status).toBe('awaiting');
    expect(unknown.flags.map((f) => f.code)).toContain('receipt_date_unknown');
    c.add(
      'ResponseReceived',
      {
        entryId: 'r',
        requestEntryId: 'letter',
        receivedAt: '2019-12-02T10:00:00+01:00',
        channel: 'letter',
        from: 'Président',
        form: 'written',
        outcome: 'refused',
      },
      '2019-12-02T10:05:00.000Z',
    );
    expect(requestRegister(c.records, '2019-12-03T00:00:00.000Z').requests[0].deadlines.status).toBe('refused');
    // As of a date before the answer was recorded, the journal still showed the silence.
    expect(requestRegister(c.records, '2019-12-01T00:00:00.000Z').requests[0].deadlines.status).toBe('awaiting');
  });

  it('leaves retracted requests out', () => {
    const c = build();
    c.add('EntryRetracted', { entryId: 'x', targetEntryId: 'letter', reason: 'Doublon' }, '2019-11-12T17:00:00.000Z');
    expect(requestRegister(c.records, '2019-11-20T00:00:00.000Z').requests).toEqual([]);
  });

  describe('given requests answered or refused before the silence was worth a decision (audit F1)', () => {
    const answeredAndRefused = () => {
      const c = build();
      c.add('RequestReceiptConfirmed', { entryId: 'ar', requestEntryId: 'letter', receivedAt: '2019-11-13T10:00:00+01:00' }, '2019-11-14T09:00:00.000Z');
      c.add(
        'WrittenRequestSent',
        {
          entryId: 'rgpd',
          sentAt: '2019-11-12T16:00:00+01:00',
          channel: 'email',
          from: 'Agente',
          to: 'DPO',
          subject: 'Mes données',
          kind: 'gdpr_rights_request',
        },
        '2019-11-12T16:06:00.000Z',
      );
      const refusal = {
        entryId: 'r1',
        requestEntryId: 'letter',
        receivedAt: '2019-12-02T10:00:00+01:00',
        channel: 'letter',
        from: 'Président',
        form: 'written',
        outcome: 'refused',
      };
      c.add('ResponseReceived', refusal, '2019-12-02T10:05:00.000Z');
      const answer = {
        entryId: 'r2',
        requestEntryId: 'rgpd',
        receivedAt: '2019-11-20T10:00:00+01:00',
        channel: 'email',
        from: 'DPO',
        form: 'written',
        outcome: 'answered',
      };
      c.add('ResponseReceived', answer, '2019-11-20T10:05:00.000Z');
      return requestRegister(c.records, '2019-12-03T00:00:00.000Z');
    };

    it('when listing what still runs, then only the appeal from the refusal is there: no implicit rejection, no GDPR answer due', () => {
      const running = runningDeadlines(answeredAndRefused());
      expect(running.map((r) => [r.entryId, r.what, r.deadline.ruleId])).toEqual([['letter', 'next_step', 'appeal-after-rejection']]);
      // Délai franc from the refusal of 2 Dec 2019: Sunday 2 Feb 2020 -> Monday 3 Feb.
      expect(running[0].deadline.date).toEqual({ year: 2020, month: 2, day: 3 });
    });

    it('then the register itself keeps each status and due date for the record', () => {
      const register = answeredAndRefused();
      expect(register.requests.map((r) => [r.entryId, r.deadlines.status, r.deadlines.due?.ruleId])).toEqual([
        ['letter', 'refused', 'silence-agent-request'],
        ['rgpd', 'answered', 'gdpr-rights-request'],
      ]);
    });

    it('when nothing came back, then the answer and the next step both run', () => {
      const running = runningDeadlines(requestRegister(build().records, '2019-11-20T00:00:00.000Z'));
      expect(running.map((r) => r.what)).toEqual(['answer', 'next_step']);
      expect(running[0]).toMatchObject({ subject: 'Sanction ?', to: 'Président' });
    });
  });

  describe('given data-protection incidents (gdpr-breach-notification, RGPD art. 33, audit F2)', () => {
    const withIncidents = () => {
      const c = build();
      const incident = (entryId: string, occurredAt: string, category: string, title: string) => ({
        entryId,
        occurredAt,
        title,
        category,
        severity: 'blocking',
      });
      c.add('IncidentReported', incident('leak', '2026-10-23T10:00:00+02:00', 'data_protection', 'Fuite de données RH'), '2026-10-23T09:00:00.000Z');
      c.add('IncidentReported', incident('cut', '2026-10-23T10:00:00+02:00', 'outage', 'Panne'), '2026-10-23T09:01:00.000Z');
      c.add('IncidentReported', incident('recent', '2026-11-21T10:00:00+01:00', 'data_protection', 'Violation récente'), '2026-11-21T09:05:00.000Z');
      c.add('IncidentReported', incident('typo', '2026-11-21T10:00:00+01:00', 'data_protection', 'Saisie en double'), '2026-11-21T09:06:00.000Z');
      c.add('EntryRetracted', { entryId: 'x', targetEntryId: 'typo', reason: 'Doublon' }, '2026-11-21T09:07:00.000Z');
      return requestRegister(c.records, '2026-11-23T08:40:00.000Z');
    };

    it('then each live one carries its 72 clock hours, across the October clock change, with rule, source and caveat', () => {
      const { breachNotifications } = withIncidents();
      expect(breachNotifications.map((b) => [b.entryId, b.deadline.at, b.deadline.passed])).toEqual([
        // 08:00Z + 72 h = Monday 26 Oct 08:00Z, i.e. 09:00 CET (not 10:00): the clock went back on the 25th.
        ['leak', '2026-10-26T08:00:00.000Z', true],
        ['recent', '2026-11-24T09:00:00.000Z', false],
      ]);
      expect(breachNotifications[0]).toMatchObject({ title: 'Fuite de données RH', occurredAt: '2026-10-23T10:00:00+02:00' });
      expect(breachNotifications[0].deadline).toMatchObject({ ruleId: 'gdpr-breach-notification', source: 'RGPD art. 33' });
      expect(breachNotifications[0].deadline.consequence.fr).toBe('Notification à la CNIL en retard');
      expect(breachNotifications[0].deadline.flags.map((f) => f.code)).toEqual(['awareness_may_be_later']);
    });

    it('then they run beside the requests', () => {
      const breaches = runningDeadlines(withIncidents()).filter((r) => r.what === 'breach_notification');
      expect(breaches.map((r) => [r.entryId, r.subject, r.to, r.deadline.ruleId])).toEqual([
        ['leak', 'Fuite de données RH', 'CNIL', 'gdpr-breach-notification'],
        ['recent', 'Violation récente', 'CNIL', 'gdpr-breach-notification'],
      ]);
    });
  });
});
