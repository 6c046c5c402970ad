import PDFDocument from 'pdfkit';
import { compactPagesAsTheyFill } from './compact-pages';
import type { DossierFonts } from './fonts';
import { PAGE } from './layout';

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  /** Also the file identifier's seed: a fixed date gives byte-identical output. */
  creationDate: Date;
  lang: string;
}

/** A4 document with embedded DejaVu fonts, buffered pages (for "Page X / Y") and the given metadata. */
export function createDocument(meta: DocumentMetadata, fonts: DossierFonts): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Main courante',
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
    },
  });
  for (const path of [fonts.regular, fonts.bold, fonts.mono]) doc.registerFont(path, path);
  compactPagesAsTheyFill(doc);
  return doc;
}
