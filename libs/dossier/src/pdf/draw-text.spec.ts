import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { flat, PdfFile } from '../testing/pdf-tools';
import { createDocument, streamDocument } from './document';
import { dejaVuFonts, SYMBOLA_PATH, type DossierFonts } from './fonts';
import { Layout } from './layout';
import { drawPageFurniture } from './page-furniture';

jest.setTimeout(30_000);

const meta = { title: 'Glyphes', author: 'Test', subject: 'Characters the fonts lack', creationDate: new Date('2019-12-03T09:30:00Z'), lang: 'fr-FR' };
const STATEMENT = 'Médiathèque 📚 fermée ✅🔒 (erreur de saisie ?) 🤔 fin.';

async function render(fonts: DossierFonts): Promise<PdfFile> {
  const doc = createDocument(meta, fonts);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamDocument(doc, sink, () => {
    const layout = new Layout(doc, fonts);
    layout.write(STATEMENT, { font: 'bold', size: 14 });
    layout.field('Déclaration', `${'Un long témoignage qui passe à la ligne. '.repeat(6)}${STATEMENT}`);
    doc.addPage();
    drawPageFurniture(doc, fonts, { header: `Titre 📚 — dossier 6f1c2a7e`, footer: 'Pied', page: (x, y) => `Page ${x} / ${y}` });
  });
  return new PdfFile(Buffer.concat(chunks));
}

describe('text with characters the DejaVu faces lack', () => {
  describe('given no fallback face', () => {
    let pdf: PdfFile;
    beforeAll(async () => {
      pdf = await render(dejaVuFonts(null));
    });
    afterAll(() => pdf.remove());

    it('then each missing character is written as its code, in the body, the fields and the running header', () => {
      const text = flat(pdf.text());
      expect(text).toContain('Médiathèque [U+1F4DA] fermée [U+2705][U+1F512] (erreur de saisie ?) [U+1F914] fin.');
      expect(text.match(/\[U\+1F914\]/g)).toHaveLength(2);
      expect(flat(pdf.pages()[1]!)).toContain('Titre [U+1F4DA] — dossier 6f1c2a7e');
    });
  });

  (existsSync(SYMBOLA_PATH) ? describe : describe.skip)('given Symbola as the fallback face', () => {
    let pdf: PdfFile;
    beforeAll(async () => {
      pdf = await render(dejaVuFonts(SYMBOLA_PATH));
    });
    afterAll(() => pdf.remove());

    it('then the emoji are drawn with Symbola and kept in the text', () => {
      const text = flat(pdf.text());
      expect(text).toContain('Médiathèque 📚 fermée ✅🔒 (erreur de saisie ?) 🤔 fin.');
      expect(flat(pdf.pages()[1]!)).toContain('Titre 📚 — dossier 6f1c2a7e');
      expect(pdf.run('pdffonts', [pdf.path])).toMatch(/Symbola/);
      expect(pdf.run('qpdf', ['--check', pdf.path])).toContain('No syntax or stream encoding errors found');
    });
  });
});
