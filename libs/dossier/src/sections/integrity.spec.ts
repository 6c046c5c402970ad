import { dossierInput } from '../testing/dossier-fixtures';
import { flat, PdfFile, renderToBuffer } from '../testing/pdf-tools';

jest.setTimeout(60_000);

async function integrityPage(inBundle: boolean | undefined): Promise<string> {
  const input = dossierInput();
  const pdf = new PdfFile(await renderToBuffer(inBundle === undefined ? input : { ...input, inBundle }));
  try {
    const pages = pdf.pages().map(flat);
    return pages.slice(pages.findIndex((page) => page.includes('Intégrité et vérification Chaque événement'))).join(' ');
  } finally {
    pdf.remove();
  }
}

describe('the integrity page', () => {
  describe('given the dossier.pdf of an evidence bundle', () => {
    let text: string;
    beforeAll(async () => {
      text = await integrityPage(true);
    });

    it('then it says the dossier is part of a signed bundle, and how to check it', () => {
      expect(text).toContain('Ce dossier fait partie d’une archive de preuve signée');
      expect(text).toContain('openssl pkeyutl -verify');
    });
  });

  describe('given a PDF exported on its own', () => {
    let text: string;
    beforeAll(async () => {
      text = await integrityPage(undefined);
    });

    it('then it does not claim to be part of a bundle', () => {
      expect(text).not.toContain('fait partie d’une archive');
      expect(text).not.toContain('openssl pkeyutl');
    });

    it('then it tells how its export event proves it: its digest, in the DossierExported line of a later bundle', () => {
      expect(text).toContain('Ce PDF a été exporté seul, hors de toute archive de preuve');
      expect(text).toContain('sha256sum fichier.pdf');
      expect(text).toContain('une ligne DossierExported (format pdf, asOf 2019-12-03T09:00:00.000Z)');
      expect(text).toContain('grep <empreinte> events.jsonl');
    });

    it('then the export log gives each export’s « état au » to the second, with its offset', () => {
      expect(text).toContain('Export PDF, état au lundi 25 novembre 2019 à 11:00:00 UTC+1');
    });
  });
});
