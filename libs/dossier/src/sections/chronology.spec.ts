import { appended } from '../testing/appended';
import { dossierInput, ids } from '../testing/dossier-fixtures';
import { flat, PdfFile, renderToBuffer } from '../testing/pdf-tools';

jest.setTimeout(60_000);

describe('the chronology', () => {
  describe('given two incidents at the two 02:30 of the night summer time ended, and retracted entries cited by others', () => {
    let text: string;

    beforeAll(async () => {
      const base = dossierInput();
      const incident = (entryId: string, occurredAt: string, title: string) => ({
        type: 'IncidentReported',
        data: { entryId, occurredAt, title, category: 'outage', severity: 'blocking', description: 'Coupure.' },
        recordedAt: '2019-12-03T08:00:00.000Z',
      });
      const records = appended(base.records, [
        incident('e-first-0230', '2019-10-27T02:30:00+02:00', 'Première coupure de nuit'),
        incident('e-second-0230', '2019-10-27T02:30:00+01:00', 'Seconde coupure de nuit'),
        { type: 'NoteAdded', data: { entryId: 'e-about-rumour', text: 'Voir la rumeur.', aboutEntryId: ids.rumour }, recordedAt: '2019-12-03T08:01:00.000Z' },
        {
          type: 'EntryRetracted',
          data: { entryId: 'e-retract-note', targetEntryId: ids.noteAboutCutOff, reason: 'Doublon.' },
          recordedAt: '2019-12-03T08:02:00.000Z',
        },
      ]);
      const pdf = new PdfFile(await renderToBuffer({ ...base, records }));
      try {
        text = flat(pdf.text());
      } finally {
        pdf.remove();
      }
    });

    it('then each 02:30 shows its offset, and times the clock showed once do not', () => {
      expect(text).toMatch(/Première coupure de nuit .*Date des faits dimanche 27 octobre 2019 à 02:30 UTC\+2/);
      expect(text).toMatch(/Seconde coupure de nuit .*Date des faits dimanche 27 octobre 2019 à 02:30 UTC\+1/);
      expect(text).toContain('Date des faits mardi 12 novembre 2019 à 08:15 ');
    });

    it('then an entry that cites a retracted one says it was retracted', () => {
      expect(text).toMatch(/Concerne n° \d+ \(Note\) \(retirée\)/);
      expect(text).toMatch(/Notes n° \d+ \(retirée\)/);
    });
  });
});
