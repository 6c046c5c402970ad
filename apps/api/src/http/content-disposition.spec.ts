import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Lettre DGS « copie ».pdf')).toBe(
      `attachment; filename="Lettre DGS  copie .pdf"; filename*=UTF-8''${encodeURIComponent('Lettre DGS « copie ».pdf')}`,
    );
    expect(contentDisposition('a"b\\c.txt')).toMatch(/^attachment; filename="c.txt"/);
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\agent\\Documents\\courrier.pdf', 'courrier.pdf'],
    ['dossier/sous-dossier/capture écran.png', 'capture écran.png'],
    ['../..', 'fichier'],
    ['captures/', 'fichier'],
    ['/', 'fichier'],
  ])('offers %p as %p, a name and never a path', (given, served) => {
    const header = contentDisposition(given);
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent(served)}`);
    expect(header).not.toMatch(/[/\\]|%2F|%5C/i);
  });
});
