/**
 * With bufferPages, pdfkit keeps every page's content as one small Uint8Array per drawing operator
 * until the document ends: 2,300 pages made 2 million arrays and some 450 MB of heap for 50 MB of
 * bytes. Joining a page's chunks once the text has moved on to the next page keeps the same bytes
 * (later writes, such as the page number, are appended) without the per-array overhead.
 *
 * This reaches into pdfkit 0.20's internal `content.buffer`; when that is not an array of byte
 * chunks (another pdfkit version), it does nothing and only memory use differs.
 */
function compact(page: PDFKit.PDFPage): void {
  const content = page.content as unknown as { buffer?: unknown };
  const chunks = content.buffer;
  if (!Array.isArray(chunks) || chunks.length < 2) return;
  if (!chunks.every((chunk) => chunk instanceof Uint8Array)) return;
  content.buffer = [Buffer.concat(chunks as Uint8Array[])];
}

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

/** Compacts each page when the next one starts, and keeps the fonts' layout caches bounded. */
export function compactPagesAsTheyFill(doc: PDFKit.PDFDocument): void {
  let current = doc.page;
  let pages = 0;
  doc.on('pageAdded', () => {
    if (current) compact(current);
    current = doc.page;
    // Counting a cache’s keys costs as much as the cache is big: every 5 pages is enough.
    if (++pages % 5 === 0) boundLayoutCaches(doc);
  });
}
