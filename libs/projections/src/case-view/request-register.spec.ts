import { CaseRecords } from '../testing/case-records';
import { requestRegister } from './request-register';

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
});
