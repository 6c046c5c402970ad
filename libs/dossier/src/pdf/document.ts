import { pipeline } from 'node:stream/promises';
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

/**
 * Streams `doc` to `out` while `draw` fills it, then ends it. Resolves once `out` has taken every
 * byte; if drawing fails the document is destroyed and the error rethrown.
 */
export async function streamDocument(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream, draw: () => void | Promise<void>): Promise<void> {
  const written = pipeline(doc, out);
  try {
    await draw();
    doc.end();
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    throw error;
  }
  await written;
}
