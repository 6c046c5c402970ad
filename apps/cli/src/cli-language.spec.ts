import { cliLanguage, say } from './cli-language';

describe('cliLanguage', () => {
  it('speaks French when nothing asks for English', () => {
    // Given no MC_LANG, an empty one, or another language
    // When the language is chosen
    // Then it is French
    expect(cliLanguage({})).toBe('fr');
    expect(cliLanguage({ MC_LANG: '' })).toBe('fr');
    expect(cliLanguage({ MC_LANG: 'fr' })).toBe('fr');
    expect(cliLanguage({ MC_LANG: 'de' })).toBe('fr');
    expect(cliLanguage({ MC_LANG: 'english' })).toBe('fr');
  });

  it('speaks English when MC_LANG asks for it, whatever the case or the region', () => {
    // Given MC_LANG naming English, alone or with a region
    // When the language is chosen
    // Then it is English
    for (const value of ['en', 'EN', ' en ', 'en-GB', 'en_US', 'en_US.UTF-8']) expect(cliLanguage({ MC_LANG: value })).toBe('en');
  });

  it('ignores LANG and LC_ALL, which servers often set to English for French operators', () => {
    // Given a server whose locale is English, and no MC_LANG
    // When the language is chosen
    // Then it is still French
    expect(cliLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('fr');
  });
});

describe('say', () => {
  const sentence = { fr: 'Journal intègre.', en: 'Journal intact.' };

  it('picks the sentence in the language asked for', () => {
    // Given a sentence in both languages
    // When it is said in French, then in English
    // Then each language gets its own text
    expect(say(sentence, 'fr')).toBe('Journal intègre.');
    expect(say(sentence, 'en')).toBe('Journal intact.');
  });

  it('follows MC_LANG when no language is given', () => {
    // Given MC_LANG set to English, then removed
    const before = process.env.MC_LANG;
    try {
      process.env.MC_LANG = 'en';
      // When the sentence is said without a language
      // Then it follows the environment
      expect(say(sentence)).toBe('Journal intact.');
      delete process.env.MC_LANG;
      expect(say(sentence)).toBe('Journal intègre.');
    } finally {
      if (before === undefined) delete process.env.MC_LANG;
      else process.env.MC_LANG = before;
    }
  });
});
