import { COLORS, PAGE, clean } from './layout';
import type { DossierFonts } from './fonts';
import { sealLaterContent } from './page-streams';

export interface Furniture {
  /** Running header, on every page but the cover. */
  header: string;
  /** Left of the footer, on every page. */
  footer: string;
  page: (x: number, y: number) => string;
}

/** The longest start of `text` that fits in `width`, ended by an ellipsis when cut. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/**
 * Header and "Page X / Y" on every buffered page, once the total is known. The bottom margin is
 * lifted while writing in it, or pdfkit would start a new page. Each page's furniture is sealed
 * (compressed) once drawn: nothing is drawn on a page after it.
 */
export function drawPageFurniture(doc: PDFKit.PDFDocument, fonts: DossierFonts, furniture: Furniture): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const left = PAGE.margins.left;
  doc.font(fonts.regular).fontSize(8);
  const width = doc.page.width - left - PAGE.margins.right;
  const header = fit(doc, clean(furniture.header), width);
  const footer = fit(doc, clean(furniture.footer), width - 90);
  for (let index = range.start; index < range.start + total; index += 1) {
    doc.switchToPage(index);
    const page = doc.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8).fillColor(COLORS.muted);
    if (index > range.start) {
      doc.text(header, left, 40, { width, lineBreak: false });
      doc
        .moveTo(left, 52)
        .lineTo(left + width, 52)
        .lineWidth(0.4)
        .strokeColor(COLORS.rule)
        .stroke();
    }
    const y = page.height - 42;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.text(footer, left, y, { width: width - 90, lineBreak: false });
    doc.text(furniture.page(index - range.start + 1, total), left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
    page.margins.bottom = bottomMargin;
    sealLaterContent(page);
  }
}
