import { codeOf, drawnWhole, glyphRuns, remembered } from './glyph-runs';

/** A face that draws Latin text but no emoji, and a symbol face that draws only 📚 and ✅. */
const latin = (cp: number): boolean => cp < 0x2000 || cp === 0x2019;
const symbols = (cp: number): boolean => cp === 0x1f4da || cp === 0x2705;

describe('glyphRuns', () => {
  describe('given text the face draws entirely', () => {
    it('then it is one run of the face, unchanged', () => {
      expect(glyphRuns('Coupure de l’accès à 08:30', latin, symbols)).toEqual([{ text: 'Coupure de l’accès à 08:30', fallback: false }]);
    });
  });

  describe('given characters the face lacks and the fallback face draws', () => {
    it('then they are runs of the fallback face, between runs of the face', () => {
      expect(glyphRuns('Médiathèque 📚 ok ✅📚 fin', latin, symbols)).toEqual([
        { text: 'Médiathèque ', fallback: false },
        { text: '📚', fallback: true },
        { text: ' ok ', fallback: false },
        { text: '✅📚', fallback: true },
        { text: ' fin', fallback: false },
      ]);
    });
  });

  describe('given characters no face draws', () => {
    it('then each is written as its code, visibly, in the face', () => {
      expect(glyphRuns('fin 🤔🔒.', latin, symbols)).toEqual([{ text: 'fin [U+1F914][U+1F512].', fallback: false }]);
    });

    it('then, without a fallback face, the ones it would have drawn are written as codes too', () => {
      expect(glyphRuns('📚 x', latin)).toEqual([{ text: '[U+1F4DA] x', fallback: false }]);
    });
  });

  describe('given joiners and variation selectors, which draw nothing', () => {
    it('then they stay in their run and are not written as codes', () => {
      expect(glyphRuns('✅\ufe0f a\u200db', latin, symbols)).toEqual([
        { text: '✅\ufe0f', fallback: true },
        { text: ' a\u200db', fallback: false },
      ]);
    });
  });
});

describe('codeOf', () => {
  it('writes at least four hexadecimal digits, in capitals', () => {
    expect(codeOf(0x1f4da)).toBe('[U+1F4DA]');
    expect(codeOf(0xe9)).toBe('[U+00E9]');
  });
});

describe('remembered', () => {
  it('asks the face about each code point once', () => {
    const asked: number[] = [];
    const covers = remembered((cp) => {
      asked.push(cp);
      return cp < 0x100;
    });
    glyphRuns('éé📚📚', covers);
    expect(asked).toEqual([0xe9, 0x1f4da]);
  });
});

describe('drawnWhole', () => {
  it('matches the common text a face draws entirely, and nothing with a character it lacks', () => {
    const whole = drawnWhole((cp) => (cp < 0x2000 || cp === 0x202f) && cp !== 0xe9);
    expect(whole.test('Coupure de l’accès')).toBe(false); // é is lacking
    expect(whole.test('Coupure a 08:30 « ok »\n1\u202f250')).toBe(true);
    expect(whole.test('fin 📚')).toBe(false);
    expect(whole.test('中文')).toBe(false);
  });
});
