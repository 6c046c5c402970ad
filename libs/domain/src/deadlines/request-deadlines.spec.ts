import type {
  RequestKind,
  RequestReceiptConfirmedData,
  ResponseForm,
  ResponseOutcome,
  ResponseReceivedData,
  WrittenRequestSentData,
} from '../case/case.events';
import { formatParisDate } from './calendar';
import { RequestDeadlineOptions, RequestDeadlines, computeRequestDeadlines, runningRequestDeadlines } from './request-deadlines';

const f = formatParisDate;

const request = (kind: RequestKind, sentAt = '2026-03-02T10:00:00+01:00'): WrittenRequestSentData => ({
  entryId: 'req-1',
  sentAt,
  channel: 'registered_letter',
  from: 'Agent de la médiathèque',
  to: 'Directrice générale des services',
  subject: 'Demande',
  kind,
});
const receipt = (receivedAt: string, requestEntryId = 'req-1'): RequestReceiptConfirmedData => ({
  entryId: `rc-${receivedAt}`,
  requestEntryId,
  receivedAt,
  proof: 'accusé de réception',
});
const response = (receivedAt: string, outcome: ResponseOutcome, form: ResponseForm = 'written', requestEntryId = 'req-1'): ResponseReceivedData => ({
  entryId: `rs-${receivedAt}`,
  requestEntryId,
  receivedAt,
  channel: form === 'oral' ? 'oral' : 'letter',
  from: 'DGS',
  form,
  outcome,
});

/** given(request, receipts, responses).at(now) -> the register line. */
function given(req: WrittenRequestSentData, receipts: RequestReceiptConfirmedData[] = [], responses: ResponseReceivedData[] = []) {
  return { at: (now: string, options: RequestDeadlineOptions = {}): RequestDeadlines => computeRequestDeadlines(req, receipts, responses, now, options) };
}
const codes = (r: RequestDeadlines) => r.flags.map((x) => x.code);

// A question to the hierarchy sent on Mon 2 Mar 2026, received Tue 3 Mar 2026.
// Silence rule: 3 Mar + 2 months = Sunday 3 May 2026: the implicit rejection is born that day
// (the birth of a decision is not carried over weekends). It holds from 00:00 CEST = 2 May 22:00Z.
// Other reading: born on Monday 4 May.
// Appeal (délai franc) from 3 May: 3 July 2026, a Friday, 24:00 CEST = 22:00Z. Other readings:
// 4 July (Saturday) -> Monday 6 July; from a birth on 4 May, 5 July (Sunday) -> Monday 6 July.
const question = request('question_to_hierarchy');
const received = [receipt('2026-03-03T10:00:00+01:00')];

describe('computeRequestDeadlines: silence-agent-request (CRPA L231-4)', () => {
  it('given a question received on 3 Mar 2026 and no answer, when it is 1 April, then it is awaiting, with both dates already known', () => {
    const line = given(question, received).at('2026-04-01T12:00:00Z');
    expect(line).toMatchObject({
      ruleSet: 'fr-2026',
      ruleId: 'silence-agent-request',
      status: 'awaiting',
      receiptKnown: true,
      implicitRejectionBornOn: null,
      response: null,
    });
    expect(line.trigger).toEqual({ basis: 'receipt', at: '2026-03-03T09:00:00.000Z', date: { year: 2026, month: 3, day: 3 } });
    expect(f(line.due!.date)).toBe('2026-05-03');
    expect(line.due!.at).toBe('2026-05-02T22:00:00.000Z');
    expect(line.due!.source).toBe('CRPA L231-4');
    expect(line.due!.extendedOver).toEqual([]);
    expect(f(line.due!.ambiguity!.laterDate)).toBe('2026-05-04');
    expect(line.due!.ambiguity!.reason.fr).toContain('lundi 4 mai 2026');
    expect(line.appeal).toMatchObject({ ruleId: 'appeal-after-rejection', source: 'CJA R421-1, R421-2', at: '2026-07-03T22:00:00.000Z', passed: false });
    expect(f(line.appeal!.date)).toBe('2026-07-03');
    expect(line.appeal!.trigger).toEqual({ basis: 'implicit_decision', at: '2026-05-02T22:00:00.000Z', date: { year: 2026, month: 5, day: 3 } });
    expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2026-07-06');
    expect(codes(line)).toEqual(['ambiguous_date']);
  });

  describe('given no answer, when time passes, then the status follows the due instant (2 May 2026 22:00Z)', () => {
    it.each([
      ['2026-04-25T21:59:59.999Z', 'awaiting'], // 7 days + 1 ms before
      ['2026-04-25T22:00:00.000Z', 'due_soon'], // exactly 7 x 24 h before
      ['2026-05-02T21:59:59.999Z', 'due_soon'], // 23:59:59.999 CEST on Saturday 2 May
      ['2026-05-02T22:00:00.000Z', 'implicit_rejection'], // 00:00 CEST on Sunday 3 May: born
      ['2026-07-04T10:00:00.000Z', 'implicit_rejection'], // the appeal period is over, the status stays
    ])('then at %s it is %s', (now, status) => {
      expect(given(question, received).at(now).status).toBe(status);
    });

    it('then once born, the birth date is given and the appeal date is marked passed only after 3 July 24:00', () => {
      const born = given(question, received).at('2026-05-10T12:00:00Z');
      expect(f(born.implicitRejectionBornOn!)).toBe('2026-05-03');
      expect(born.due!.passed).toBe(true);
      expect(born.appeal!.passed).toBe(false);
      expect(given(question, received).at('2026-07-03T21:59:59Z').appeal!.passed).toBe(false);
      expect(given(question, received).at('2026-07-03T22:00:00Z').appeal!.passed).toBe(true);
    });

    it('then a custom "due soon" window is honoured', () => {
      expect(given(question, received).at('2026-04-20T12:00:00Z', { dueSoonDays: 14 }).status).toBe('due_soon');
      expect(given(question, received).at('2026-04-20T12:00:00Z').status).toBe('awaiting');
    });
  });

  it('given an acknowledgement only, then the clock does not stop', () => {
    const line = given(question, received, [response('2026-03-10T11:00:00+01:00', 'acknowledged')]).at('2026-05-10T12:00:00Z');
    expect(line.status).toBe('implicit_rejection');
    expect(line.response).toBeNull();
  });

  it('given an answer on 20 Apr 2026, then it is answered, in time, and no appeal date is shown', () => {
    const line = given(question, received, [response('2026-03-10T11:00:00+01:00', 'acknowledged'), response('2026-04-20T11:00:00+02:00', 'answered')]).at(
      '2026-05-10T12:00:00Z',
    );
    expect(line).toMatchObject({ status: 'answered', implicitRejectionBornOn: null, appeal: null });
    expect(line.response).toEqual({
      entryId: 'rs-2026-04-20T11:00:00+02:00',
      receivedAt: '2026-04-20T09:00:00.000Z',
      outcome: 'answered',
      form: 'written',
      late: false,
    });
  });

  it('given a refusal on Mon 20 Apr 2026, then the appeal runs from it: 20 June is a Saturday -> Monday 22 June 2026', () => {
    const line = given(question, received, [response('2026-04-20T11:00:00+02:00', 'refused')]).at('2026-05-10T12:00:00Z');
    expect(line.status).toBe('refused');
    expect(line.appeal!.trigger.basis).toBe('explicit_refusal');
    expect(f(line.appeal!.nominalDate)).toBe('2026-06-20');
    expect(f(line.appeal!.date)).toBe('2026-06-22');
    expect(line.appeal!.at).toBe('2026-06-22T22:00:00.000Z');
    expect(line.appeal!.extendedOver.map((x) => x.reason)).toEqual(['saturday', 'sunday']);
    // The other reading (21 June, a Sunday) also ends on Monday 22 June: no doubt.
    expect(line.appeal!.ambiguity).toBeNull();
  });

  it('given a refusal on 20 May 2026, after the rejection was born but within the appeal period, then the period starts again (CJA R421-2)', () => {
    const line = given(question, received, [response('2026-05-20T11:00:00+02:00', 'refused')]).at('2026-06-01T12:00:00Z');
    expect(line.status).toBe('refused');
    expect(f(line.implicitRejectionBornOn!)).toBe('2026-05-03');
    expect(line.response!.late).toBe(true);
    // 20 May + 2 months = Monday 20 July 2026; the other reading is Tuesday 21 July.
    expect(f(line.appeal!.date)).toBe('2026-07-20');
    expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2026-07-21');
    expect(codes(line)).toEqual(['appeal_restarted_by_refusal', 'ambiguous_date']);
  });

  it('given a refusal on 10 Jul 2026, after the appeal period ended on 3 July, then it is a confirmation and the old date stays', () => {
    const line = given(question, received, [response('2026-07-10T11:00:00+02:00', 'refused')]).at('2026-07-15T12:00:00Z');
    expect(line.status).toBe('refused');
    expect(f(line.appeal!.date)).toBe('2026-07-03');
    expect(line.appeal!.passed).toBe(true);
    expect(codes(line)).toContain('confirmative_refusal');
  });

  it('given an answer after the rejection was born, then it is answered late', () => {
    const line = given(question, received, [response('2026-05-20T11:00:00+02:00', 'answered')]).at('2026-06-01T12:00:00Z');
    expect(line).toMatchObject({ status: 'answered', appeal: null });
    expect(line.response!.late).toBe(true);
    expect(f(line.implicitRejectionBornOn!)).toBe('2026-05-03');
  });

  describe('given a question received on Mon 20 Jul 2026 (born on 20 Sep, or 21 Sep on the later reading)', () => {
    const july = [receipt('2026-07-20T10:00:00+02:00')];

    it('when the answer comes at 00:00 on 20 Sep, then it is late on the earlier reading only, and the view says so', () => {
      const line = given(question, july, [response('2026-09-20T00:00:00+02:00', 'answered')]).at('2026-10-01T12:00:00Z');
      expect(line.response!.late).toBe(true);
      expect(f(line.implicitRejectionBornOn!)).toBe('2026-09-20');
      const flag = line.flags.find((x) => x.code === 'late_depends_on_reading')!;
      expect(flag.fr).toContain('dimanche 20 septembre 2026');
      expect(flag.fr).toContain('lundi 21 septembre 2026');
      expect(flag.fr).toContain('son retard dépend de la lecture retenue');
      expect(flag.en).toContain('Monday 21 September 2026');
    });

    it('when the answer comes at 23:59 on 19 Sep, then it is in time, without the caveat', () => {
      const line = given(question, july, [response('2026-09-19T23:59:00+02:00', 'answered')]).at('2026-10-01T12:00:00Z');
      expect(line.response!.late).toBe(false);
      expect(codes(line)).not.toContain('late_depends_on_reading');
    });

    it('when the answer comes at 00:00 on 21 Sep, then it is late on both readings, without the caveat', () => {
      const line = given(question, july, [response('2026-09-21T00:00:00+02:00', 'answered')]).at('2026-10-01T12:00:00Z');
      expect(line.response!.late).toBe(true);
      expect(codes(line)).not.toContain('late_depends_on_reading');
    });

    it('when a refusal comes at 00:00 on 20 Sep, then the appeal still runs from the earlier dates', () => {
      const line = given(question, july, [response('2026-09-20T00:00:00+02:00', 'refused')]).at('2026-10-01T12:00:00Z');
      expect(codes(line)).toEqual(['late_depends_on_reading', 'appeal_restarted_by_refusal', 'ambiguous_date']);
      expect(f(line.appeal!.date)).toBe('2026-11-20');
    });
  });

  it('given a refusal recorded with a date after "now" (as-of view), then it is not known yet', () => {
    expect(given(question, received, [response('2026-04-20T11:00:00+02:00', 'refused')]).at('2026-04-01T12:00:00Z').status).toBe('awaiting');
  });

  it('given receipts and responses of another request, then they are ignored', () => {
    const line = given(
      question,
      [receipt('2026-02-01T10:00:00+01:00', 'req-2'), ...received],
      [response('2026-03-20T10:00:00+01:00', 'answered', 'written', 'req-2')],
    ).at('2026-05-10T12:00:00Z');
    expect(line.status).toBe('implicit_rejection');
    expect(f(line.trigger.date)).toBe('2026-03-03');
  });

  it('given two receipts on different days, then the earliest is used and flagged', () => {
    const line = given(question, [receipt('2026-03-05T10:00:00+01:00'), ...received]).at('2026-04-01T12:00:00Z');
    expect(f(line.due!.date)).toBe('2026-05-03');
    expect(codes(line)).toContain('several_receipt_dates');
  });

  it('given a receipt at 00:30 Paris written in UTC (2 Mar 23:30Z), then it counts as received on 3 March', () => {
    const line = given(question, [receipt('2026-03-02T23:30:00Z')]).at('2026-04-01T12:00:00Z');
    expect(f(line.trigger.date)).toBe('2026-03-03');
    expect(f(line.due!.date)).toBe('2026-05-03');
  });

  it('given no receipt, then the sending date (Mon 2 Mar) is used and flagged "date de réception non établie"', () => {
    const line = given(question).at('2026-04-01T12:00:00Z');
    expect(line.receiptKnown).toBe(false);
    expect(line.trigger.basis).toBe('sent_at');
    // 2 Mar + 2 months = Saturday 2 May 2026: born that day, not carried over.
    expect(f(line.due!.date)).toBe('2026-05-02');
    expect(codes(line)).toContain('receipt_date_unknown');
    expect(line.flags.find((x) => x.code === 'receipt_date_unknown')!.fr).toContain('Date de réception non établie');
  });

  it('given an oral refusal, then it counts but is flagged; given a partial answer, then the request is answered and flagged', () => {
    const oral = given(question, received, [response('2026-04-20T11:00:00+02:00', 'refused', 'oral')]).at('2026-05-10T12:00:00Z');
    expect(oral.status).toBe('refused');
    expect(codes(oral)).toContain('oral_response');
    const partial = given(question, received, [response('2026-04-20T11:00:00+02:00', 'partial')]).at('2026-05-10T12:00:00Z');
    expect(partial.status).toBe('answered');
    expect(codes(partial)).toContain('partial_answer');
  });

  it('given a grievance, then the same silence rule applies', () => {
    expect(given(request('grievance'), received).at('2026-05-10T12:00:00Z')).toMatchObject({ ruleId: 'silence-agent-request', status: 'implicit_rejection' });
  });

  it('given a 2026 request, then no COVID-19 flag is raised', () => {
    expect(codes(given(question, received).at('2026-05-10T12:00:00Z'))).not.toContain('covid_2020_protected_period');
  });
});

describe('computeRequestDeadlines: cada-document-request (CRPA R311-12) and cada-referral (R343-1)', () => {
  // Received Tue 3 Mar 2026: 1 month -> implicit refusal born Friday 3 April 2026 (00:00 CEST = 2 Apr 22:00Z),
  // other reading Saturday 4 April. Referral to the CADA: 3 April + 2 months = Wednesday 3 June 2026, 24:00;
  // from 4 April: Thursday 4 June.
  const documents = request('document_request');

  it('given no answer, when it is 10 April, then the refusal is born on 3 April and the CADA must be seized by 3 June', () => {
    const line = given(documents, received).at('2026-04-10T12:00:00Z');
    expect(line).toMatchObject({ ruleId: 'cada-document-request', status: 'implicit_rejection' });
    expect(f(line.due!.date)).toBe('2026-04-03');
    expect(line.due!.at).toBe('2026-04-02T22:00:00.000Z');
    expect(line.due!.source).toBe('CRPA R311-12, R311-13');
    expect(line.appeal).toMatchObject({ ruleId: 'cada-referral', source: 'CRPA R343-1, L342-1', at: '2026-06-03T22:00:00.000Z' });
    expect(f(line.appeal!.date)).toBe('2026-06-03');
    expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2026-06-04');
  });

  it('given an explicit refusal on Fri 20 Mar 2026, before the month, then the referral runs from it: Wednesday 20 May 2026', () => {
    const line = given(documents, received, [response('2026-03-20T10:00:00+01:00', 'refused')]).at('2026-04-10T12:00:00Z');
    expect(line.status).toBe('refused');
    expect(f(line.appeal!.date)).toBe('2026-05-20');
    expect(line.appeal!.ambiguity).toBeNull();
  });

  it('given an explicit refusal on 15 Apr 2026, after the implicit one, then the earlier date stays and the later one (15 June) is shown', () => {
    const line = given(documents, received, [response('2026-04-15T10:00:00+02:00', 'refused')]).at('2026-04-20T12:00:00Z');
    expect(line.status).toBe('refused');
    expect(f(line.appeal!.date)).toBe('2026-06-03');
    // 15 April + 2 months = Monday 15 June 2026.
    expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2026-06-15');
    expect(codes(line)).toContain('refusal_after_implicit_refusal');
  });
});

describe('computeRequestDeadlines: gdpr-rights-request (RGPD art. 12(3))', () => {
  // Received Tue 14 Apr 2026: 1 month -> Thursday 14 May, Ascension -> Friday 15 May 2026, 24:00 CEST = 22:00Z.
  const gdpr = request('gdpr_rights_request', '2026-04-13T10:00:00+02:00');
  const gdprReceived = [receipt('2026-04-14T10:00:00+02:00')];

  it.each([
    ['2026-05-07T21:59:59.999Z', 'awaiting'],
    ['2026-05-07T22:00:00.000Z', 'due_soon'], // 00:00 CEST on Friday 8 May: 7 days before the date shown (15 May)
    ['2026-05-08T22:00:00.000Z', 'due_soon'],
    ['2026-05-15T21:59:59.999Z', 'due_soon'],
    ['2026-05-15T22:00:00.000Z', 'overdue'],
  ])('given no answer, when it is %s, then it is %s', (now, status) => {
    const line = given(gdpr, gdprReceived).at(now);
    expect(line.status).toBe(status);
    expect(f(line.due!.date)).toBe('2026-05-15');
    expect(f(line.due!.nominalDate)).toBe('2026-05-14');
    expect(line.due!.extendedOver).toEqual([{ date: { year: 2026, month: 5, day: 14 }, reason: 'public_holiday', holidayName: 'Ascension' }]);
    expect(line.due!.at).toBe('2026-05-15T22:00:00.000Z');
    expect(line.appeal).toBeNull();
  });

  it('given an answer on the last day at 18:00, then it is in time; on Monday 18 May, late', () => {
    expect(given(gdpr, gdprReceived, [response('2026-05-15T18:00:00+02:00', 'answered')]).at('2026-06-01T00:00:00Z').response!.late).toBe(false);
    const late = given(gdpr, gdprReceived, [response('2026-05-18T09:00:00+02:00', 'answered')]).at('2026-06-01T00:00:00Z');
    expect(late.status).toBe('answered');
    expect(late.response!.late).toBe(true);
  });

  it('given Alsace-Moselle, when the month ends on Good Friday 3 Apr 2026, then it runs to Tuesday 7 April', () => {
    const line = given(request('gdpr_rights_request'), received);
    expect(f(line.at('2026-03-10T00:00:00Z').due!.date)).toBe('2026-04-03');
    expect(f(line.at('2026-03-10T00:00:00Z', { alsaceMoselle: true }).due!.date)).toBe('2026-04-07');
  });
});

describe('computeRequestDeadlines: requests without a legal deadline', () => {
  it('given a provider ticket, then there is no rule and no date', () => {
    const line = given(request('provider_ticket')).at('2026-05-10T12:00:00Z');
    expect(line).toMatchObject({ ruleId: null, status: 'no_deadline', due: null, appeal: null, flags: [] });
  });

  it('given an "other" request with an answer, then it is answered', () => {
    expect(given(request('other'), [], [response('2026-03-05T10:00:00+01:00', 'answered')]).at('2026-05-10T12:00:00Z').status).toBe('answered');
    expect(given(request('other'), [], [response('2026-03-05T10:00:00+01:00', 'refused')]).at('2026-05-10T12:00:00Z').status).toBe('refused');
  });
});

describe('computeRequestDeadlines: "due soon" is counted from the date shown', () => {
  it('given a GDPR request and a CADA request both due on Mon 30 Nov 2026, then both are due soon from 00:00 on Mon 23 Nov, not before', () => {
    const gdpr = given(request('gdpr_rights_request', '2026-10-30T10:00:00+01:00'), [receipt('2026-10-31T10:00:00+01:00')]);
    const cada = given(request('document_request', '2026-10-29T10:00:00+01:00'), [receipt('2026-10-30T10:00:00+01:00')]);
    expect(f(gdpr.at('2026-11-23T08:40:00Z').due!.date)).toBe('2026-11-30');
    expect(f(cada.at('2026-11-23T08:40:00Z').due!.date)).toBe('2026-11-30');
    for (const line of [gdpr, cada]) {
      expect(line.at('2026-11-22T22:59:59.999Z').status).toBe('awaiting');
      expect(line.at('2026-11-22T23:00:00.000Z').status).toBe('due_soon');
      expect(line.at('2026-11-23T08:40:00Z').status).toBe('due_soon');
    }
  });
});

describe('runningRequestDeadlines: what still runs once a response has stopped the clock', () => {
  const whats = (line: RequestDeadlines) => runningRequestDeadlines(line).map((r) => `${r.what} ${r.deadline.ruleId} ${f(r.deadline.date)}`);

  it('given no answer (or only an acknowledgement), then the answer and the next step both run', () => {
    const expected = ['answer silence-agent-request 2026-05-03', 'next_step appeal-after-rejection 2026-07-03'];
    expect(whats(given(question, received).at('2026-04-01T12:00:00Z'))).toEqual(expected);
    expect(whats(given(question, received, [response('2026-03-10T11:00:00+01:00', 'acknowledged')]).at('2026-04-01T12:00:00Z'))).toEqual(expected);
  });

  it('given a refusal before the two months, then only the appeal from the refusal runs: no implicit rejection is foretold', () => {
    expect(whats(given(question, received, [response('2026-04-20T11:00:00+02:00', 'refused')]).at('2026-04-21T12:00:00Z'))).toEqual([
      'next_step appeal-after-rejection 2026-06-22',
    ]);
  });

  it('given an answer, in time or late, or an answered GDPR request, then nothing runs', () => {
    expect(whats(given(question, received, [response('2026-04-20T11:00:00+02:00', 'answered')]).at('2026-04-21T12:00:00Z'))).toEqual([]);
    expect(whats(given(question, received, [response('2026-05-20T11:00:00+02:00', 'answered')]).at('2026-06-01T12:00:00Z'))).toEqual([]);
    const gdpr = given(request('gdpr_rights_request'), received, [response('2026-03-20T11:00:00+01:00', 'answered')]);
    expect(whats(gdpr.at('2026-03-21T12:00:00Z'))).toEqual([]);
  });
});
