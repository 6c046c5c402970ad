import { TextDrawer } from './draw-text';
import type { DossierFonts } from './fonts';
import './pdfkit-augment';

/** A4 in points, with room for the running header and the page number. */
export const PAGE = {
  size: 'A4',
  margins: { top: 72, bottom: 66, left: 64, right: 64 },
} as const;

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  accent: '#1f3a5f',
  warning: '#8a2b0e',
  rule: '#b8bec6',
} as const;

const SIZE = { body: 9.5, small: 8.5, mono: 8, h1: 17, h2: 12.5, h3: 10.5 } as const;
const LABEL_WIDTH = 128;
/** Blocks up to this height (about a third of a page) are never split across pages. */
const KEEP_TOGETHER = 260;

export interface TextStyle {
  font?: 'regular' | 'bold' | 'mono';
  size?: number;
  color?: string;
  indent?: number;
  /** Space after, in points. */
  after?: number;
}

export interface FieldStyle {
  indent?: number;
  labelWidth?: number;
  mono?: boolean;
  color?: string;
}

/** One line of a block: an item title, a label and its value, or a line of text. */
export type Row =
  { heading: string; color?: string; note?: string } | { label: string; value: string; style?: FieldStyle } | { text: string; style?: TextStyle };

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/** Control characters other than newline would print as boxes; tabs and CR are spacing. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(CONTROL_CHARACTERS, '');
}

/**
 * Text flow on the page, top to bottom: headings, paragraphs and label/value rows drawn by hand
 * (pdfkit's table is too slow for thousands of rows). Pages are added as the text needs them.
 */
export class Layout {
  /** Pages added so far: a row whose value moved to a new page must not jump back up. */
  private pageCount = 1;
  /** The face last set by font(): text is drawn with it and, for what it lacks, the fallback face. */
  private face: string;
  private readonly drawer: TextDrawer;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: DossierFonts,
  ) {
    this.face = fonts.regular;
    this.drawer = new TextDrawer(doc, fonts);
    doc.on('pageAdded', () => {
      this.pageCount += 1;
    });
  }

  get left(): number {
    return PAGE.margins.left;
  }

  get width(): number {
    return this.doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.margins.bottom;
  }

  /** Starts a new page unless nothing has been written on the current one. */
  newPage(): void {
    if (this.doc.y > PAGE.margins.top + 1) this.doc.addPage();
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    if (this.doc.y + points <= this.bottom) this.doc.y += points;
  }

  /** Section title, and its bookmark. */
  heading1(text: string, outline: PDFKit.PDFOutline): PDFKit.PDFOutline {
    const item = outline.addItem(text, { fit: true });
    this.write(text, { font: 'bold', size: SIZE.h1, color: COLORS.accent, after: 4 });
    this.rule(COLORS.accent, 1.2);
    this.gap(12);
    return item;
  }

  /** Subsection title; bookmarked under its section when one is given. */
  heading2(text: string, outline?: PDFKit.PDFOutline): void {
    this.ensureSpace(60);
    outline?.addItem(text, { fit: true });
    this.gap(6);
    this.write(text, { font: 'bold', size: SIZE.h2, color: COLORS.accent, after: 6 });
  }

  /** Title of one item (an entry, a request, a file), with an optional note on the right (its revision). */
  heading3(text: string, color: string = COLORS.text, note?: string): void {
    const doc = this.doc;
    this.ensureSpace(64);
    const top = doc.y;
    let width = this.width;
    if (note) {
      this.font('regular', SIZE.small).fillColor(COLORS.muted);
      const noteWidth = doc.widthOfString(note) + 2;
      doc.text(note, this.left + this.width - noteWidth, top + 1.5, { width: noteWidth, lineBreak: false });
      width -= noteWidth + 12;
    }
    this.font('bold', SIZE.h3).fillColor(color);
    this.text(text, this.left, top, { width });
    doc.y += 3;
    doc.x = this.left;
  }

  paragraph(text: string, style: TextStyle = {}): void {
    this.write(text, { after: 4, ...style });
  }

  /**
   * Draws rows that belong together (one entry, one request) on the same page when they fit in
   * KEEP_TOGETHER points; longer blocks run on from where the page is.
   */
  block(rows: readonly Row[]): void {
    const height = this.estimate(rows);
    if (height <= KEEP_TOGETHER) this.ensureSpace(height);
    for (const row of rows) {
      if ('heading' in row) this.heading3(row.heading, row.color, row.note);
      else if ('label' in row) this.field(row.label, row.value, row.style);
      else this.write(row.text, row.style);
    }
  }

  /** An upper estimate of a block's height, from string widths (cheaper than laying the text out twice). */
  private estimate(rows: readonly Row[]): number {
    let height = 0;
    for (const row of rows) {
      if ('heading' in row) {
        height += this.linesHeight(row.heading, 'bold', SIZE.h3, this.width - 80) + 3;
      } else if ('label' in row) {
        const mono = row.style?.mono === true;
        const valueWidth = this.width - (row.style?.indent ?? 0) - (row.style?.labelWidth ?? LABEL_WIDTH) - 8;
        height += this.linesHeight(row.value, mono ? 'mono' : 'regular', mono ? SIZE.mono : SIZE.body, valueWidth) + 2.5;
      } else {
        height += this.linesHeight(row.text, row.style?.font ?? 'regular', row.style?.size ?? SIZE.body, this.width - (row.style?.indent ?? 0));
        height += row.style?.after ?? 0;
      }
    }
    return height;
  }

  private linesHeight(text: string, face: 'regular' | 'bold' | 'mono', size: number, width: number): number {
    this.font(face, size);
    let lines = 0;
    for (const line of clean(text).split('\n')) {
      // Word wrapping wastes the end of lines: count 15 % more width than the bare text.
      lines += Math.max(1, Math.ceil((this.doc.widthOfString(this.drawer.shown(this.face, line)) * 1.15) / width));
    }
    return lines * this.doc.currentLineHeight(true);
  }

  /** A label in a narrow left column and its value beside it; long values run on to the next page. */
  field(label: string, value: string, style: FieldStyle = {}): void {
    const doc = this.doc;
    const indent = style.indent ?? 0;
    const labelWidth = style.labelWidth ?? LABEL_WIDTH;
    const x = this.left + indent;
    const valueX = x + labelWidth + 8;
    this.ensureSpace(SIZE.body * 2.6);
    const top = doc.y;
    const page = this.pageCount;
    this.font('bold', SIZE.small).fillColor(COLORS.muted);
    this.text(label, x, top + 0.8, { width: labelWidth });
    const labelBottom = doc.y;
    this.font(style.mono ? 'mono' : 'regular', style.mono ? SIZE.mono : SIZE.body).fillColor(style.color ?? COLORS.text);
    this.text(value, valueX, top, { width: this.left + this.width - valueX });
    if (this.pageCount === page) doc.y = Math.max(doc.y, labelBottom);
    doc.y += 2.5;
    doc.x = this.left;
  }

  /** A line in a table of figures: label on the left, number on the right. */
  figure(label: string, value: string, style: { indent?: number; bold?: boolean } = {}): void {
    const doc = this.doc;
    const x = this.left + (style.indent ?? 0);
    const valueWidth = 170;
    const labelWidth = this.width - (style.indent ?? 0) - valueWidth - 12;
    this.ensureSpace(SIZE.body * 2);
    const top = doc.y;
    this.font(style.bold ? 'bold' : 'regular', SIZE.body).fillColor(COLORS.text);
    this.text(label, x, top, { width: labelWidth });
    const labelBottom = doc.y;
    this.text(value, this.left + this.width - valueWidth, top, { width: valueWidth, align: 'right' });
    doc.y = Math.max(doc.y, labelBottom) + 1;
    doc
      .moveTo(x, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .lineWidth(0.3)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.y += 3;
    doc.x = this.left;
  }

  rule(color: string = COLORS.rule, width = 0.5): void {
    const y = this.doc.y;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
    this.doc.y = y + 2;
  }

  write(text: string, style: TextStyle = {}): void {
    const doc = this.doc;
    const indent = style.indent ?? 0;
    this.font(style.font ?? 'regular', style.size ?? SIZE.body).fillColor(style.color ?? COLORS.text);
    this.text(text, this.left + indent, doc.y, { width: this.width - indent });
    doc.y += style.after ?? 0;
    doc.x = this.left;
  }

  font(face: 'regular' | 'bold' | 'mono', size: number): PDFKit.PDFDocument {
    this.face = this.fonts[face];
    return this.doc.font(this.face).fontSize(size);
  }

  /** Text in the current face, cleaned, none of its characters lost (draw-text.ts). */
  private text(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
    this.drawer.text(this.face, clean(text), x, y, options);
  }
}
