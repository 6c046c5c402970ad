/** The languages the command line speaks: French unless English is asked for. */
export type CliLang = 'fr' | 'en';

export interface Sentence {
  fr: string;
  en: string;
}

/**
 * English only when MC_LANG (or --lang, lifted into it) says so. LANG and LC_ALL are left aside on
 * purpose: many servers default to en_US while the people running the command line are French.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLang {
  return /^en([-_]|$)/i.test(env.MC_LANG?.trim() ?? '') ? 'en' : 'fr';
}

export function say(sentence: Sentence, lang: CliLang = cliLanguage()): string {
  return sentence[lang];
}
