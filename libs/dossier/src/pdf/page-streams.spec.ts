import { PassThrough } from 'node:stream';
import { flat, PdfFile } from '../testing/pdf-tools';
import { createDocument, streamDocument } from './document';
import { dejaVuFonts } from './fonts';
import { drawPageFurniture } from './page-furniture';

const fonts = dejaVuFonts();
const meta = { title: 'Pages', author: 'Test', subject: 'Pages written as they fill', creationDate: new Date('2019-12-03T09:30:00Z'), lang: 'fr-FR' };

describe('pages written as they fill', () => {
  describe('given text over three pages, then a running header and page numbers drawn once the total is known', () => {
    let written: Buffer[];
    let beforeEnd: string;
    let pdf: PdfFile;

    beforeAll(async () => {
      const doc = createDocument(meta, fonts);
      const sink = new PassThrough();
      written = [];
      sink.on('data', (chunk: Buffer) => written.push(chunk));
      await streamDocument(doc, sink, async () => {
        for (let page = 1; page <= 3; page += 1) {
          if (page > 1) doc.addPage();
          doc.text(`Contenu de la page ${page}`);
        }
        // Let the output take what was written so far.
        await new Promise((resolve) => setImmediate(resolve));
        beforeEnd = Buffer.concat(written).toString('latin1');
        drawPageFurniture(doc, fonts, { header: 'En-tête courant', footer: 'Pied de page', page: (x, y) => `Page ${x} / ${y}` });
      });
      pdf = new PdfFile(Buffer.concat(written));
    });
    afterAll(() => pdf.remove());

    it('then the content of each filled page is written before the document ends', () => {
      expect(beforeEnd.match(/\bstream\r?\n/g)).toHaveLength(2);
      expect(beforeEnd).not.toContain('/Type /Page\n');
    });

    it('then each page shows what was drawn on it, its header and its number, and the file is valid', () => {
      expect(pdf.run('qpdf', ['--check', pdf.path])).toContain('No syntax or stream encoding errors found');
      const pages = pdf.pages().map(flat);
      expect(pages).toHaveLength(3);
      pages.forEach((page, index) => {
        expect(page).toContain(`Contenu de la page ${index + 1}`);
        expect(page).toContain(`Pied de page Page ${index + 1} / 3`);
        if (index > 0) expect(page).toContain('En-tête courant');
      });
    });
  });
});
