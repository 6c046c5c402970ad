import { PassThrough } from 'node:stream';
import type { ProviderScorecard } from '@mc/projections';
import type { Lang } from '../i18n';
import { PdfFile, flat } from '../testing/pdf-tools';
import { renderProviderReport } from './render-provider-report';

jest.setTimeout(60_000);

/** June 2026 of a provider on 08:00-18:00 Mon-Fri (the audit of F5 and F6), as the scorecard gives it. */
function june(): ProviderScorecard {
  return {
    providerId: 'bbbbbbbb-0000-4000-8000-000000000001',
    providerName: 'Presta HO 8-18',
    from: '2026-06-01T00:00:00+02:00',
    to: '2026-06-30T23:59:59+02:00',
    asOf: '2026-11-23T08:40:00.000Z',
    measuredUntil: '2026-06-30T22:00:00.000Z',
    casesCounted: 1,
    interruptions: { count: 3, startedBefore: 1, ongoing: 1, totalMinutes: 47640, timeToRestore: { count: 2, median: 5850, max: 5940 } },
    incidents: { count: 0, bySeverity: {}, byCategory: {} },
    slaBreaches: [
      {
        metric: 'prior_notice',
        ruleId: 'provider-prior-notice',
        target: 2880,
        calendar: 'business_hours',
        source: 'Contrat annexe 4 prior_notice',
        appliesFrom: null,
        appliesUntil: null,
        wholePeriod: true,
        count: 1,
        totalBreachMinutes: 2880,
        breaches: [{ caseId: 'cccccccc-0000-4000-8000-000000000001', entryId: 'o9', occurredAt: '2026-06-23T09:00:00+02:00', breachMinutes: 2880 }],
      },
      {
        metric: 'resolution_blocking',
        ruleId: 'provider-sla-resolution_blocking',
        target: 1440,
        calendar: '24x7',
        source: 'Contrat annexe 5',
        appliesFrom: null,
        appliesUntil: null,
        wholePeriod: true,
        count: 1,
        totalBreachMinutes: 960,
        breaches: [
          {
            caseId: 'cccccccc-0000-4000-8000-000000000001',
            entryId: 'inc',
            occurredAt: '2026-06-22T09:00:00+02:00',
            breachMinutes: 960,
            beganBeforePeriod: false,
            ongoingAtEnd: false,
          },
        ],
      },
      {
        metric: 'service_restoration',
        ruleId: 'provider-sla-service_restoration',
        target: 240,
        calendar: 'business_hours',
        source: 'Contrat annexe 4 service_restoration',
        appliesFrom: null,
        appliesUntil: null,
        wholePeriod: true,
        count: 3,
        totalBreachMinutes: 13440,
        breaches: [
          {
            caseId: 'cccccccc-0000-4000-8000-000000000001',
            entryId: 'o-may',
            occurredAt: '2026-05-28T09:00:00+02:00',
            breachMinutes: 240,
            beganBeforePeriod: true,
            ongoingAtEnd: false,
          },
          {
            caseId: 'cccccccc-0000-4000-8000-000000000001',
            entryId: 'o8',
            occurredAt: '2026-06-02T10:00:00+02:00',
            breachMinutes: 12240,
            beganBeforePeriod: false,
            ongoingAtEnd: true,
          },
          {
            caseId: 'cccccccc-0000-4000-8000-000000000001',
            entryId: 'o7',
            occurredAt: '2026-06-11T09:00:00+02:00',
            breachMinutes: 960,
            beganBeforePeriod: false,
            ongoingAtEnd: false,
          },
        ],
      },
    ],
    withoutPriorNotice: [],
    requests: { count: 0, answered: 0, unanswered: 0, answerTime: null },
    cases: [
      {
        caseId: 'cccccccc-0000-4000-8000-000000000001',
        title: 'Audit coupures HO',
        interruptions: 3,
        interruptionMinutes: 47640,
        incidents: 0,
        breaches: 5,
        withoutNotice: 0,
        requests: 0,
      },
    ],
    disclaimer: { fr: 'x', en: 'x' },
  };
}

async function reportText(card: ProviderScorecard, lang: Lang): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderProviderReport(
    {
      scorecard: card,
      lang,
      timezone: 'Europe/Paris',
      generatedAt: new Date('2026-11-23T08:40:00.000Z'),
      generatedBy: { username: 'louve', role: 'union_rep' },
    },
    sink,
  );
  const pdf = new PdfFile(Buffer.concat(chunks));
  try {
    return flat(pdf.text());
  } finally {
    pdf.remove();
  }
}

describe('renderProviderReport', () => {
  describe('given June 2026, with cut-offs and overruns that cross its limits, in French', () => {
    let text: string;
    beforeAll(async () => {
      text = await reportText(june(), 'fr');
    });

    it('then the interruptions are those of the period, with those begun before and those still on at its end', () => {
      expect(text).toContain('Coupures d’accès pendant la période 3');
      expect(text).toContain('dont commencées avant la période 1');
      expect(text).toContain('dont encore en cours à la fin de la période 1');
      expect(text).toContain('Durée cumulée sur la période 33 jours 2 heures (47 640 minutes au total)');
    });

    it('then it says how what crosses the limits of the period is counted', () => {
      expect(text).toContain(
        'à cheval sur le début ou la fin de la période n’y est compté que pour ses minutes comprises dans la période : il figure dans chaque période qu’il touche',
      );
      expect(text).toContain('Les délais de rétablissement sont ceux des coupures rétablies pendant la période');
      expect(text).not.toContain('date du bilan');
    });

    it('then each overrun gives its minutes in the period and whether it began before or goes on after', () => {
      expect(text).toContain('de dépassement sur la période');
      expect(text).toMatch(/jeudi 28 mai 2026 à 09:00 — [^(]+, dépassement commencé avant la période \(cccccccc\)/);
      expect(text).toMatch(/mardi 2 juin 2026 à 10:00 — [^(]+, toujours en cours à la fin de la période \(cccccccc\)/);
      expect(text).toMatch(/jeudi 11 juin 2026 à 09:00 — [^(,]+ \(cccccccc\)/);
    });
  });

  describe('given commitments on business hours (08:00-18:00) and one on 24x7, in French', () => {
    let text: string;
    beforeAll(async () => {
      text = await reportText(june(), 'fr');
    });

    it('then a business-hours notice period reads in business hours, never in calendar days', () => {
      expect(text).toContain('1 opération sans le préavis dû (engagement : préavis de 48 heures ouvrées)');
      expect(text).toContain('mardi 23 juin 2026 à 09:00 — préavis non donné (cccccccc)');
      expect(text).not.toContain('2 jours');
    });

    it('then business-hours overruns read in business hours and minutes', () => {
      expect(text).toContain(
        '3 manquements, 224 heures ouvrées (13 440 minutes ouvrées au total) de dépassement sur la période (engagement : 4 heures ouvrées)',
      );
      expect(text).toContain('mardi 2 juin 2026 à 10:00 — 204 heures ouvrées, toujours en cours');
      expect(text).toContain('jeudi 11 juin 2026 à 09:00 — 16 heures ouvrées (cccccccc)');
    });

    it('then a 24x7 commitment keeps calendar wording', () => {
      expect(text).toContain('1 manquement, 16 heures (960 minutes au total) de dépassement sur la période (engagement : 1 jour)');
      expect(text).toContain('lundi 22 juin 2026 à 09:00 — 16 heures (cccccccc)');
    });

    it('then hours and minutes, and a single hour or minute, are written out', () => {
      const card = june();
      const restoration = card.slaBreaches[2]!;
      restoration.totalBreachMinutes = 72941;
      restoration.breaches = [
        { ...restoration.breaches[1]!, breachMinutes: 61 },
        { ...restoration.breaches[2]!, breachMinutes: 1 },
      ];
      return reportText(card, 'fr').then((t) => {
        expect(t).toContain('1 215 heures et 41 minutes ouvrées (72 941 minutes ouvrées au total)');
        expect(t).toContain('1 heure et 1 minute ouvrées');
        expect(t).toContain('1 minute ouvrée (cccccccc)');
      });
    });
  });

  describe('given a restoration commitment amended on Mon 15 June 2026, so that June has one block per clause (audit F4)', () => {
    const amended = (): ProviderScorecard => {
      const card = june();
      const before = card.slaBreaches[2]!;
      card.slaBreaches[2] = {
        ...before,
        appliesUntil: '2026-06-15T10:00:00.000Z',
        wholePeriod: false,
        count: 2,
        totalBreachMinutes: 12480,
        breaches: before.breaches.slice(0, 2),
      };
      card.slaBreaches.push({
        ...before,
        target: 480,
        source: 'Avenant n°2, annexe 4',
        appliesFrom: '2026-06-15T10:00:00.000Z',
        appliesUntil: null,
        wholePeriod: false,
        count: 1,
        totalBreachMinutes: 720,
        breaches: [{ ...before.breaches[2]!, entryId: 'o10', occurredAt: '2026-06-16T09:00:00+02:00', breachMinutes: 720 }],
      });
      return card;
    };

    it('then each block names its clause and the facts it applied to, in French', async () => {
      const text = await reportText(amended(), 'fr');
      expect(text).toContain(
        'Contrat annexe 4 service_restoration Clause appliquée aux faits survenus avant le lundi 15 juin 2026 à 12:00, date d’enregistrement de sa modification ou de son retrait : chaque fait est mesuré à l’engagement en vigueur quand il a commencé.',
      );
      expect(text).toContain(
        '(engagement : 8 heures ouvrées) Avenant n°2, annexe 4 Clause appliquée aux faits survenus à partir du lundi 15 juin 2026 à 12:00',
      );
      expect(text).toContain('mardi 16 juin 2026 à 09:00 — 12 heures ouvrées (cccccccc)');
    });

    it('then a clause in force over the whole period says nothing more, in English too', async () => {
      const text = await reportText(amended(), 'en');
      expect(text).toContain('Clause applied to facts that occurred before Monday 15 June 2026 at 12:00, when its amendment or withdrawal was recorded');
      expect(text).toContain('Clause applied to facts that occurred from Monday 15 June 2026 at 12:00 on, when it was recorded');
      expect(text.match(/Clause applied/g)).toHaveLength(2);
    });
  });

  describe('given commitments on business hours, in English', () => {
    it('then they read in business hours, and 24x7 in calendar wording', async () => {
      const text = await reportText(june(), 'en');
      expect(text).toContain('1 operation without the notice owed (commitment: notice of 48 business hours)');
      expect(text).toContain('3 breaches, 224 business hours (13,440 business minutes in total) over within the period (commitment: 4 business hours)');
      expect(text).toContain('Thursday 11 June 2026 at 09:00 — 16 business hours (cccccccc)');
      expect(text).toContain('1 breach, 16 hours (960 minutes in total) over within the period (commitment: 1 day)');
    });
  });

  describe('given a period that ends after the report is drawn up, in English', () => {
    let text: string;
    beforeAll(async () => {
      text = await reportText({ ...june(), to: '2026-12-31T23:59:59+01:00', measuredUntil: '2026-11-23T08:40:00.000Z' }, 'en');
    });

    it('then it says that what is still running is measured up to the date of the report', () => {
      expect(text).toContain('Access cut-offs during the period 3');
      expect(text).toContain('of which began before the period 1');
      expect(text).toContain('counts here only for its minutes within the period (measured up to Monday 23 November 2026 at 09:40, the date of this report)');
      expect(text).toMatch(/Tuesday 2 June 2026 at 10:00 — [^(]+, still running at the end of the period \(cccccccc\)/);
    });
  });
});
