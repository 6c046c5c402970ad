import { CaseRecords } from '../../../projections/src/testing/case-records';
import { agent } from '../../../projections/src/testing/seed-story';
import { dossierInput } from '../testing/dossier-fixtures';
import { flat, PdfFile, renderToBuffer } from '../testing/pdf-tools';

jest.setTimeout(60_000);

const CASE = '0b9d3c52-6f0e-4d8a-9a51-3c2e7f1d4b60';
// Monday 23 Nov 2026, 09:40 Paris.
const AS_OF = '2026-11-23T08:40:00.000Z';

/** Requests answered, refused, answered at 00:00 on the day of the implicit decision, and data breaches. */
function records() {
  const c = new CaseRecords(CASE, agent);
  c.add('CaseOpened', { title: 'Audit délais', service: 'Médiathèque', organisation: 'Commune' }, '2026-07-01T08:00:00.000Z');
  const request = (entryId: string, subject: string, kind: string, receivedAt: string, outcome: string, answeredAt: string) => {
    c.add(
      'WrittenRequestSent',
      { entryId, sentAt: receivedAt, channel: 'registered_letter', from: 'Agent Un', to: 'Direction', subject, kind },
      '2026-07-01T09:00:00.000Z',
    );
    c.add('RequestReceiptConfirmed', { entryId: `${entryId}-ar`, requestEntryId: entryId, receivedAt, proof: 'AR' }, '2026-07-01T09:01:00.000Z');
    c.add(
      'ResponseReceived',
      { entryId: `${entryId}-r`, requestEntryId: entryId, receivedAt: answeredAt, channel: 'letter', from: 'DRH', form: 'written', outcome },
      '2026-11-20T09:00:00.000Z',
    );
  };
  request('q9', 'Q9 refus avant deux mois', 'question_to_hierarchy', '2026-09-30T10:00:00+02:00', 'refused', '2026-10-01T16:00:00+02:00');
  request('q19', 'Q19 répondue à temps', 'question_to_hierarchy', '2026-11-02T10:00:00+01:00', 'answered', '2026-11-10T10:00:00+01:00');
  request('q20', 'Q20 répondue à minuit', 'question_to_hierarchy', '2026-07-20T10:00:00+02:00', 'answered', '2026-09-20T00:00:00+02:00');
  const incident = (entryId: string, occurredAt: string, title: string) => ({ entryId, occurredAt, title, category: 'data_protection', severity: 'blocking' });
  c.add('IncidentReported', incident('leak', '2026-10-23T10:00:00+02:00', 'Fuite de données RH'), '2026-10-23T09:00:00.000Z');
  c.add('IncidentReported', incident('recent', '2026-11-21T10:00:00+01:00', 'Violation récente'), '2026-11-21T09:05:00.000Z');
  return c.records;
}

async function registersText(lang: 'fr' | 'en'): Promise<string> {
  const pdf = new PdfFile(await renderToBuffer(dossierInput({ records: records(), asOf: AS_OF, lang })));
  try {
    return flat(pdf.text());
  } finally {
    pdf.remove();
  }
}

describe('drawRegisters: legal deadlines in the dossier', () => {
  describe('given requests answered or refused, an answer at 00:00 on the day of the implicit decision, and two data breaches, in French', () => {
    let text: string;
    beforeAll(async () => {
      text = await registersText('fr');
    });

    it('then a request answered in time shows no due date: its clock stopped and no implicit rejection is foretold (audit F1)', () => {
      // Q19: born on 2 Jan 2027 had nobody answered.
      expect(text).not.toContain('2 janvier 2027');
      // Q9: refused on 1 Oct, before the implicit decision of 30 Nov.
      expect(text).not.toContain('lundi 30 novembre 2026 (autre lecture possible');
      // Nor the caveat claiming that the other reading of a date no longer shown is given.
      const q19 = text.slice(text.indexOf('— Q19 répondue à temps Envoyée le'), text.indexOf('Violations de données personnelles'));
      expect(q19).toContain('État répondu');
      expect(q19).not.toContain('doute d’un jour');
      expect(q19).not.toContain("doute d'un jour");
    });

    it('then the appeal from the refusal still runs, and its other reading is printed beside it (audit F1, F7)', () => {
      expect(text).toContain('mardi 1 décembre 2026 (autre lecture possible : mercredi 2 décembre 2026) — Dernier jour pour saisir le tribunal administratif');
    });

    it('then the answer at 00:00 keeps its due date, with the other reading, and says that its lateness depends on the reading (audit F9)', () => {
      expect(text).toContain('dimanche 20 septembre 2026 (autre lecture possible : lundi 21 septembre 2026) — Décision implicite de rejet née à cette date');
      expect(text).toContain('son retard dépend de la lecture retenue');
    });

    it('then each data breach gives the 72 hours to notify the CNIL to the minute, with rule, source, state and caveat (audit F2)', () => {
      expect(text).toContain('Violations de données personnelles : notification à la CNIL');
      expect(text).toContain('Fuite de données RH');
      // 23 Oct 10:00 CEST + 72 h crosses the clock change of 25 Oct: 09:00 CET on Monday 26 Oct.
      expect(text).toContain('lundi 26 octobre 2026 à 09:00');
      expect(text).toContain('Notification à la CNIL en retard (règle gdpr-breach-notification ; RGPD art. 33)');
      expect(text).toContain('délai de 72 heures écoulé');
      expect(text).toContain('mardi 24 novembre 2026 à 10:00');
      expect(text).toContain('délai de 72 heures en cours');
      expect(text).toContain('Les 72 heures courent de la prise de connaissance de la violation');
    });
  });

  describe('given the same case in English', () => {
    it('then the other reading and the breach notification are in English', async () => {
      const text = await registersText('en');
      expect(text).toContain('(other possible reading: Wednesday, 2 December 2026)');
      expect(text).toContain('Personal data breaches: notification to the CNIL');
      expect(text).toContain('Notification to the CNIL overdue (rule gdpr-breach-notification; RGPD art. 33)');
    });
  });
});
