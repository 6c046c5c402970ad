import PDFDocument from 'pdfkit';
import { PassThrough } from 'node:stream';
import { dejaVuFonts } from './fonts';
import { compactLayoutCaches } from './layout-cache';

const fonts = dejaVuFonts();
const TEXT = 'AVAV Tâche « effectuée » le 3 décembre — To Ta Wa Yo, œuvre ’ ≥ 10 000 €. Le prestataire a coupé l’accès sans préavis. ';

/** The bytes of a document writing TEXT in each font, with or without the compact caches. */
async function render(compact: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', font: fonts.regular, info: { CreationDate: new Date('2019-12-03T09:30:00Z') } });
  if (compact) compactLayoutCaches(doc);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  doc.pipe(sink);
  for (const font of [fonts.regular, fonts.bold, fonts.mono]) {
    doc.font(font).fontSize(9.5);
    for (let i = 0; i < 40; i += 1) doc.text(`${i} ${TEXT.repeat(1 + (i % 3))}`, { width: 300 });
    doc.text(TEXT, { width: 200, align: 'justify' });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('compact word layout caches', () => {
  it('then the document is byte-identical to the one pdfkit lays out with its own cache', async () => {
    const [own, compact] = await Promise.all([render(false), render(true)]);
    expect(compact.equals(own)).toBe(true);
  });
});
