/**
 * What the person wrote must not vanish from the PDF: a character the face lacks would print as an
 * empty box and leave no text behind. Text is cut into runs: what the face draws, what the fallback
 * face draws (a symbol font, when the machine has one), and, for a character neither draws, its code
 * written out, « [U+1F4DA] », visible and searchable. The stored text itself is never changed.
 */
export interface GlyphRun {
  text: string;
  /** Drawn with the fallback face rather than the requested one. */
  fallback: boolean;
}

/** Whether a face has a glyph for a code point. */
export type Covers = (codePoint: number) => boolean;

/** ASCII, which every face of the dossier draws: most text needs no look-up at all. */
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/**
 * Characters that only steer how their neighbours look (joiners, variation selectors, tags): fontkit
 * draws them as nothing, so they are neither boxes nor lost text, and are left where they are.
 */
const INVISIBLE: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];

function isInvisible(codePoint: number): boolean {
  return INVISIBLE.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** « [U+1F4DA] »: how a character that no face can draw is written. */
export function codeOf(codePoint: number): string {
  return `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** Remembers each answer of `covers`: a face is asked about each code point once. */
export function remembered(covers: Covers): Covers {
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let answer = known.get(codePoint);
    if (answer === undefined) {
      answer = covers(codePoint);
      known.set(codePoint, answer);
    }
    return answer;
  };
}

/** Where the text of French and English dossiers lives: Latin letters, punctuation, €. */
const COMMON_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0a, 0x0a],
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
];

/**
 * A pattern that matches a text made only of common characters that the face draws: such a text,
 * nearly every one, is a single run, known without looking at each character.
 */
export function drawnWhole(covers: Covers): RegExp {
  const ranges: Array<[number, number]> = [];
  for (const [from, to] of COMMON_RANGES) {
    for (let codePoint = from; codePoint <= to; codePoint += 1) {
      if (!covers(codePoint) && !isInvisible(codePoint)) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === codePoint - 1) last[1] = codePoint;
      else ranges.push([codePoint, codePoint]);
    }
  }
  const hex = (codePoint: number): string => `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return new RegExp(`^[${ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('')}]*$`);
}

/** `text` as runs of the face, runs of the fallback face, and written-out codes (in the face's runs). */
export function glyphRuns(text: string, face: Covers, fallback?: Covers): GlyphRun[] {
  if (ASCII_ONLY.test(text)) return [{ text, fallback: false }];
  const runs: GlyphRun[] = [];
  let current: GlyphRun = { text: '', fallback: false };
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    let useFallback = current.fallback;
    let shown = char;
    if (char === '\n' || isInvisible(codePoint)) {
      // Stays in the current run.
    } else if (face(codePoint)) useFallback = false;
    else if (fallback?.(codePoint)) useFallback = true;
    else {
      useFallback = false;
      shown = codeOf(codePoint);
    }
    if (useFallback !== current.fallback) {
      if (current.text !== '') runs.push(current);
      current = { text: '', fallback: useFallback };
    }
    current.text += shown;
  }
  if (current.text !== '' || runs.length === 0) runs.push(current);
  return runs;
}

/** `text` with every character neither face draws written out as its code: for widths and cutting. */
export function shownText(runs: readonly GlyphRun[]): string {
  return runs.map((run) => run.text).join('');
}
