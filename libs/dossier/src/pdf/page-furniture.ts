import { TextDrawer } from './draw-text';
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

/** The longest start of `text` that fits in `width`, ended by an ellipsis when cut (never inside a character). */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${chars.slice(0, mid).join('')}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
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
  const drawer = new TextDrawer(doc, fonts);
  const width = doc.page.width - left - PAGE.margins.right;
  // Characters no face draws are written as their code before cutting, so the cut sees the text as drawn.
  const header = fit(doc, drawer.shown(fonts.regular, clean(furniture.header)), width);
  const footer = fit(doc, drawer.shown(fonts.regular, clean(furniture.footer)), width - 90);
  for (let index = range.start; index < range.start + total; index += 1) {
    doc.switchToPage(index);
    const page = doc.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8).fillColor(COLORS.muted);
    if (index > range.start) {
      drawer.text(fonts.regular, header, left, 40, { width, lineBreak: false });
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
    drawer.text(fonts.regular, footer, left, y, { width: width - 90, lineBreak: false });
    doc.text(furniture.page(index - range.start + 1, total), left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
    page.margins.bottom = bottomMargin;
    sealLaterContent(page);
  }
}
