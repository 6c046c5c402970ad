/**
 * Options pdfkit 0.20 supports that @types/pdfkit lacks (../shared/design/PDF.md): an outline item
 * needs `fit: true` to open on the whole page, and an attachment states its relationship (PDF/A-3).
 * @types/pdfkit declares a global namespace, so only a namespace declaration can extend it.
 */
/* eslint-disable @typescript-eslint/no-namespace */
declare global {
  namespace PDFKit {
    interface PDFOutline {
      addItem(title: string, options?: { expanded?: boolean; fit?: boolean; pageNumber?: number }): PDFOutline;
    }
  }
  namespace PDFKit.Mixins {
    interface PDFAttachmentOptions {
      relationship?: 'Alternative' | 'Data' | 'Source' | 'Supplement' | 'Unspecified';
    }
  }
}

export {};
