import type { DossierFonts } from './fonts';
import { drawnWhole, glyphRuns, remembered, shownText, type Covers, type GlyphRun } from './glyph-runs';

interface EmbeddedFontInternals {
  font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean };
}

/**
 * Draws text so that no character the person wrote disappears (glyph-runs.ts): the characters the
 * face lacks in the fallback face, when there is one, or as their code. Most strings are one run,
 * drawn with a single `doc.text`; the others as runs continued on the same lines.
 */
export class TextDrawer {
  private readonly coverage = new Map<string, Covers>();
  private readonly whole = new Map<string, RegExp>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: DossierFonts,
  ) {}

  /** The runs of `text` in the face at `path`, which must be the document's current face. */
  runs(path: string, text: string): GlyphRun[] {
    let whole = this.whole.get(path);
    if (!whole) {
      whole = drawnWhole(this.covers(path, path));
      this.whole.set(path, whole);
    }
    if (whole.test(text)) return [{ text, fallback: false }];
    const fallback = this.fonts.fallback;
    return glyphRuns(text, this.covers(path, path), fallback === undefined ? undefined : this.covers(fallback, path));
  }

  /** `text` as it is drawn in the face at `path`, codes written out: what widths and cuts are measured on. */
  shown(path: string, text: string): string {
    return shownText(this.runs(path, text));
  }

  /** `doc.text(text, x, y, options)` in the face at `path` (already set, with its size). */
  text(path: string, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
    const doc = this.doc;
    const runs = this.runs(path, text);
    if (runs.length === 1 && !runs[0]!.fallback) {
      doc.text(runs[0]!.text, x, y, options);
      return;
    }
    runs.forEach((run, index) => {
      doc.font(run.fallback ? this.fonts.fallback! : path);
      const continued = index < runs.length - 1;
      if (index === 0) doc.text(run.text, x, y, { ...options, continued });
      else doc.text(run.text, { continued });
    });
    doc.font(path);
  }

  /** Which code points the face at `path` draws; `current`, the document's face, is set again after. */
  private covers(path: string, current: string): Covers {
    let covers = this.coverage.get(path);
    if (!covers) {
      this.doc.font(path);
      const font = (this.doc as unknown as { _font?: EmbeddedFontInternals })._font?.font;
      // A font that cannot be asked (another pdfkit version) is taken to draw everything, as before.
      covers = remembered((codePoint) => font?.hasGlyphForCodePoint?.(codePoint) ?? true);
      this.doc.font(current);
      this.coverage.set(path, covers);
    }
    return covers;
  }
}
