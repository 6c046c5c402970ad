/**
 * pdfkit lays text out word by word and caches each word's layout per font, for the whole document,
 * as fontkit returns it: a run object, with one position object and its five numbers per glyph, some
 * 2.7 KB for a word of 14 glyphs. 10,000 entries of free text left 600,000 glyph positions (some
 * 80 MB) in memory, so the cache was emptied past 500 words; the frequent words were then laid out
 * again and again (195,000 layouts for 51,000 distinct words on the 10,000-entry case), and the
 * discarded layouts, old enough to reach V8's old generation, made most of its garbage.
 *
 * Instead, each font gets a cache of its own keeping only what pdfkit reads of a word's layout: its
 * glyphs (fontkit's own objects), its width, and its positions, shared between words (a font's glyphs
 * have a few dozen distinct positions). The bytes written are the same; a word of 14 glyphs takes some
 * 470 bytes, so the cache keeps MAX_CACHED_WORDS (67,000 layouts on the same case) before starting afresh.
 *
 * Reaches into pdfkit 0.20's embedded fonts (`_font`, `layoutRun`, `layoutCached`); does nothing for
 * fonts that do not have them (another pdfkit version): only memory use and speed then differ.
 */
const MAX_CACHED_WORDS = 10_000;
const MAX_SHARED_POSITIONS = 20_000;

/** A glyph position as pdfkit leaves it, scaled: it reads these fields and never changes them. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's layout reads of a cached word. */
interface WordLayout {
  glyphs: unknown[];
  positions: Position[];
  advanceWidth: number;
}

interface EmbeddedFontInternals {
  layoutRun?: (text: string) => WordLayout;
  layoutCached?: (text: string) => WordLayout;
  layoutCache?: unknown;
}

const compacted = new WeakSet<object>();

function compactLayoutCache(font: EmbeddedFontInternals): void {
  compacted.add(font);
  const layoutRun = font.layoutRun;
  if (typeof layoutRun !== 'function' || typeof font.layoutCached !== 'function') return;
  const words = new Map<string, WordLayout>();
  // Positions by advance, then compared field by field: a string key per glyph would cost more than it saves.
  const positions = new Map<number, Position[]>();
  let sharedCount = 0;
  const shared = (p: Position): Position => {
    let same = positions.get(p.xAdvance);
    if (!same) {
      if (sharedCount >= MAX_SHARED_POSITIONS) {
        positions.clear();
        sharedCount = 0;
      }
      same = [];
      positions.set(p.xAdvance, same);
    }
    const known = same.find((q) => q.advanceWidth === p.advanceWidth && q.xOffset === p.xOffset && q.yOffset === p.yOffset && q.yAdvance === p.yAdvance);
    if (known) return known;
    same.push(p);
    sharedCount += 1;
    return p;
  };
  font.layoutCache = undefined;
  font.layoutCached = (text: string): WordLayout => {
    const cached = words.get(text);
    if (cached) return cached;
    const run = layoutRun.call(font, text);
    const word: WordLayout = { glyphs: run.glyphs, positions: run.positions.map(shared), advanceWidth: run.advanceWidth };
    if (words.size >= MAX_CACHED_WORDS) words.clear();
    words.set(text, word);
    return word;
  };
}

/** Gives each embedded font the document uses a compact word layout cache, from its first use on. */
export function compactLayoutCaches(doc: PDFKit.PDFDocument): void {
  const font = doc.font;
  const internals = doc as unknown as { _font?: object };
  doc.font = function (this: PDFKit.PDFDocument, ...args: Parameters<typeof font>) {
    const result = font.apply(this, args);
    const current = internals._font;
    if (current && !compacted.has(current)) compactLayoutCache(current as EmbeddedFontInternals);
    return result;
  } as typeof font;
}
