import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface DossierFonts {
  regular: string;
  bold: string;
  mono: string;
  /** Draws what the other faces lack (emoji, symbols), when the machine has it (glyph-runs.ts). */
  fallback?: string;
}

/**
 * Symbola, from Debian's fonts-symbola (installed by .ci/run and the Dockerfile): monochrome emoji
 * and symbols up to Unicode 10, which DejaVu lacks. Without it, such characters are written as their
 * code, « [U+1F4DA] ».
 */
export const SYMBOLA_PATH = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf';

/**
 * DejaVu from the dejavu-fonts-ttf package: the built-in PDF fonts garble U+202F (the narrow
 * no-break space of French numbers) and cannot be embedded. Fonts are named by their file path so
 * pdfkit parses each TTF once (../shared/design/PDF.md). `fallback`: Symbola when installed; null for none.
 */
export function dejaVuFonts(fallback: string | null = existsSync(SYMBOLA_PATH) ? SYMBOLA_PATH : null): DossierFonts {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    regular: path.join(dir, 'DejaVuSans.ttf'),
    bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
    mono: path.join(dir, 'DejaVuSansMono.ttf'),
    ...(fallback === null ? {} : { fallback }),
  };
}
