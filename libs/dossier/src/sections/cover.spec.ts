import { dossierInput } from '../testing/dossier-fixtures';
import { flat, PdfFile, renderToBuffer } from '../testing/pdf-tools';

jest.setTimeout(60_000);

describe('the cover and the page furniture', () => {
  describe('given a dossier as of an instant with milliseconds', () => {
    const asOf = '2019-12-03T08:59:46.176Z';
    let pdf: PdfFile;
    let cover: string;

    beforeAll(async () => {
      pdf = new PdfFile(await renderToBuffer(dossierInput({ asOf })));
      cover = flat(pdf.pages()[0]!);
    });
    afterAll(() => pdf.remove());

    it('then « État au » gives it to the second, with its offset and as the manifest writes it', () => {
      expect(cover).toContain('État au mardi 3 décembre 2019 à 09:59:46 UTC+1 (2019-12-03T08:59:46.176Z)');
      expect(cover).toContain('Édité le mardi 3 décembre 2019 à 10:30:00 UTC+1, par Ferris (CGT)');
    });

    it('then every page footer and the PDF subject give it to the second', () => {
      for (const page of pdf.pages()) expect(flat(page)).toContain('Main courante — état au 03/12/2019 09:59:46 UTC+1');
      expect(pdf.info().Subject).toContain('état au mardi 3 décembre 2019 à 09:59:46 UTC+1');
    });

    it('then the case is called a « dossier », as everywhere else', () => {
      expect(cover).toContain('Identifiant du dossier : 6f1c2a7e');
      expect(cover).not.toContain('affaire');
    });

    it('then it says once how a character the fonts cannot draw is written', () => {
      expect(cover).toContain('est écrit sous la forme [U+XXXX], son code Unicode ; le texte consigné au journal reste tel quel.');
    });
  });
});
