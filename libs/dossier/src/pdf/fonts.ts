import * as path from 'node:path';

export interface DossierFonts {
  regular: string;
  bold: string;
  mono: string;
}

/**
 * DejaVu from the dejavu-fonts-ttf package: the built-in PDF fonts garble U+202F (the narrow
 * no-break space of French numbers) and cannot be embedded. Fonts are named by their file path so
 * pdfkit parses each TTF once (../shared/design/PDF.md).
 */
export function dejaVuFonts(): DossierFonts {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    regular: path.join(dir, 'DejaVuSans.ttf'),
    bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
    mono: path.join(dir, 'DejaVuSansMono.ttf'),
  };
}
