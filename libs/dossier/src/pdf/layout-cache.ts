/**
 * pdfkit caches the glyph layout of every distinct word it has set, per font, for the whole
 * document: 10,000 entries of free text left 600,000 glyph positions (some 80 MB) in memory.
 * Past MAX_CACHED_WORDS a font's cache starts afresh; the bytes written are the same (layout is
 * deterministic), frequent words are simply laid out again. Reaches into pdfkit 0.20's internal
 * `_fontFamilies` and `layoutCache` and does nothing when they are not there.
 */
const MAX_CACHED_WORDS = 500;

function boundLayoutCaches(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }> })._fontFamilies;
  for (const font of Object.values(families ?? {})) {
    const cache = font.layoutCache;
    if (cache && typeof cache === 'object' && Object.keys(cache).length > MAX_CACHED_WORDS) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

/** Keeps the fonts' layout caches bounded as pages are added. */
export function keepLayoutCachesBounded(doc: PDFKit.PDFDocument): void {
  let pages = 0;
  doc.on('pageAdded', () => {
    // Counting a cache’s keys costs as much as the cache is big: every 5 pages is enough.
    if (++pages % 5 === 0) boundLayoutCaches(doc);
  });
}
