import type { IncidentReportedData } from '../case/case.events';
import { formatParisDate, formatParisInstant } from './calendar';
import { CALENDAR_24X7, businessHoursCalendar, mondayToFriday } from './business-calendar';
import { assessSla, gdprBreachDeadline, slaBreachMinutes, slaDueDate } from './incident-deadlines';

const f = formatParisDate;
const EIGHT_TO_SIX = businessHoursCalendar(mondayToFriday(['08:00', '18:00']));
const incident = (occurredAt: string, category: IncidentReportedData['category']): Pick<IncidentReportedData, 'occurredAt' | 'category'> => ({
  occurredAt,
  category,
});

describe('gdprBreachDeadline (RGPD art. 33, 72 clock hours)', () => {
  it('given an outage, then there is no breach-notification deadline', () => {
    expect(gdprBreachDeadline(incident('2026-03-27T10:00:00+01:00', 'outage'))).toBeNull();
  });

  it('given a data-protection incident on Fri 27 Mar 2026 10:00 CET, then the CNIL must know by Mon 30 Mar 09:00Z (11:00 CEST, 72 real hours)', () => {
    const deadline = gdprBreachDeadline(incident('2026-03-27T10:00:00+01:00', 'data_protection'))!;
    expect(deadline).toMatchObject({
      ruleSet: 'fr-2026',
      ruleId: 'gdpr-breach-notification',
      source: 'RGPD art. 33',
      at: '2026-03-30T09:00:00.000Z',
      passed: null,
      ambiguity: null,
    });
    expect(formatParisInstant(deadline.at)).toBe('2026-03-30T11:00:00+02:00');
    expect(f(deadline.date)).toBe('2026-03-30');
    expect(deadline.trigger).toEqual({ basis: 'occurred_at', at: '2026-03-27T09:00:00.000Z', date: { year: 2026, month: 3, day: 27 } });
    expect(deadline.flags.map((x) => x.code)).toEqual(['awareness_may_be_later']);
  });

  it('given "now", then the deadline is passed from the 72nd hour exactly', () => {
    const breach = incident('2026-10-23T10:00:00+02:00', 'data_protection');
    // 10:00 CEST = 08:00Z; + 72 h across the autumn change = Mon 26 Oct 08:00Z (09:00 CET).
    expect(gdprBreachDeadline(breach, '2026-10-26T07:59:59Z')!.passed).toBe(false);
    expect(gdprBreachDeadline(breach, '2026-10-26T08:00:00Z')!).toMatchObject({ at: '2026-10-26T08:00:00.000Z', passed: true });
  });
});

describe('provider SLAs', () => {
  it('given a blocking incident (4 h) on 08:00-18:00 opened Friday 6 Mar 2026 at 16:00, then it is due Monday 10:00 and a fix at 11:30 breaches it by 90 min', () => {
    expect(slaDueDate('2026-03-06T16:00:00+01:00', 240, EIGHT_TO_SIX)).toBe('2026-03-09T09:00:00.000Z');
    // Fri 16:00-18:00 (120) + Mon 08:00-11:30 (210) = 330 open minutes, 90 over the target.
    expect(slaBreachMinutes('2026-03-06T16:00:00+01:00', '2026-03-09T11:30:00+01:00', 240, EIGHT_TO_SIX)).toBe(90);
    expect(slaBreachMinutes('2026-03-06T16:00:00+01:00', '2026-03-09T10:00:00+01:00', 240, EIGHT_TO_SIX)).toBe(0);
    expect(slaBreachMinutes('2026-03-06T16:00:00+01:00', '2026-03-07T12:00:00+01:00', 240, EIGHT_TO_SIX)).toBe(0);
  });

  it('given a non-blocking incident with a 2-working-day target (2 x 600 min) opened Wed 13 May 2026 09:00, then Ascension is skipped', () => {
    const assessment = assessSla(
      { metric: 'resolution_non_blocking', targetMinutes: 1200, calendar: EIGHT_TO_SIX },
      '2026-05-13T09:00:00+02:00',
      '2026-05-19T12:00:00+02:00',
      '2026-06-01T00:00:00Z',
    );
    // Due: Wed 13 09:00-18:00 = 540; Thu 14 Ascension; Fri 15 08:00-18:00 = 600 (1,140); Mon 18 08:00-09:00 = 60 -> 09:00 CEST = 07:00Z.
    expect(assessment.dueAt).toBe('2026-05-18T07:00:00.000Z');
    // Elapsed until Tue 19 12:00: 540 + 600 + 600 (Mon 18) + 240 (Tue 08:00-12:00) = 1,980; breach 780.
    expect(assessment).toMatchObject({
      ruleId: 'provider-sla-resolution_non_blocking',
      elapsedMinutes: 1980,
      breachMinutes: 780,
      breached: true,
      ongoing: false,
    });
    // No clause given: the rule's generic source.
    expect(assessment.source).toContain('SlaCommitmentDefined.source');
  });

  it('given a maximum data loss of 1 day (24x7), when the last backup is 35 h old, then it is exceeded by 660 min', () => {
    // Sun 10 May 2026 22:00 -> Tue 12 May 09:00 = 24 h + 11 h = 35 h = 2,100 min; 2,100 - 1,440 = 660.
    const assessment = assessSla(
      { metric: 'max_data_loss', targetMinutes: 1440, calendar: CALENDAR_24X7, source: "Contrat d'engagement, indicateur 4.2.2" },
      '2026-05-10T22:00:00+02:00',
      '2026-05-12T09:00:00+02:00',
      '2026-05-12T10:00:00+02:00',
    );
    expect(assessment).toMatchObject({
      ruleId: 'provider-sla-max_data_loss',
      elapsedMinutes: 2100,
      breachMinutes: 660,
      source: "Contrat d'engagement, indicateur 4.2.2",
    });
  });
});
