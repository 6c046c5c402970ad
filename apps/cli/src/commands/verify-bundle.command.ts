import { Command, CommandRunner, Option } from 'nest-commander';
import { STEP_LABELS, normalizeFingerprint, verifyBundle, type BundleFailure, type BundleVerified, type BundleWarning } from '@mc/evidence';
import { CliError } from '../cli-error';
import { cliLanguage, say, type CliLang } from '../cli-language';

interface VerifyBundleOptions {
  fingerprint?: string;
}

@Command({
  name: 'verify',
  arguments: '<bundle>',
  description: say({
    fr: 'Vérifie hors ligne un paquet de preuves (.zip) : signature, empreintes des fichiers, chaîne des événements, pièces jointes, clé',
    en: 'Verifies an evidence bundle (.zip) offline: signature, file hashes, event chain, attachments, key',
  }),
})
export class VerifyBundleCommand extends CommandRunner {
  async run([bundle]: string[], options: VerifyBundleOptions = {}): Promise<void> {
    const result = await verifyBundle(bundle, { expectedFingerprint: options.fingerprint });
    if (!result.ok) {
      // The refusal first: a warning never stands before what decided the outcome.
      const refusal = (lang: CliLang) => [failureSentence(result.failure, lang), ...result.warnings.map((w) => warningSentence(w, lang))].join('\n');
      throw new CliError({ fr: refusal('fr'), en: refusal('en') });
    }
    console.log(successSentence(result));
    for (const warning of result.warnings) console.log(warningSentence(warning));
    if (!result.fingerprintChecked) {
      console.log(
        say({
          fr: `Attention : la clé n’a été comparée à aucune empreinte de référence. Comparez ${result.fingerprint} à celle que publie le journal (/api/v1/integrity/public-key), ou relancez avec --fingerprint.`,
          en: `Warning: the key was not compared with any reference fingerprint. Compare ${result.fingerprint} with the one the journal publishes (/api/v1/integrity/public-key), or run again with --fingerprint.`,
        }),
      );
    }
  }

  @Option({
    flags: '--fingerprint <hex>',
    description: say({
      fr: 'empreinte SHA-256 attendue de la clé du journal (64 chiffres hexadécimaux)',
      en: 'expected SHA-256 fingerprint of the journal key (64 hexadecimal digits)',
    }),
  })
  parseFingerprint(value: string): string {
    const fingerprint = normalizeFingerprint(value);
    if (!fingerprint) {
      throw new CliError({
        fr: `Empreinte « ${value} » invalide : il faut 64 chiffres hexadécimaux (SHA-256).`,
        en: `Invalid fingerprint "${value}": 64 hexadecimal digits (SHA-256) are required.`,
      });
    }
    return fingerprint;
  }
}

export function successSentence(result: BundleVerified, lang: CliLang = cliLanguage()): string {
  const { caseId, asOf, eventCount, headHash, fingerprint } = result;
  return say(
    {
      fr: `Paquet vérifié : dossier ${caseId}, état au ${asOf}, ${eventCount} événement${eventCount > 1 ? 's' : ''}, empreinte de tête ${headHash}, clé ${fingerprint}`,
      en: `Bundle verified: case ${caseId}, as of ${asOf}, ${eventCount} event${eventCount === 1 ? '' : 's'}, head hash ${headHash}, key ${fingerprint}`,
    },
    lang,
  );
}

export function warningSentence(warning: BundleWarning, lang: CliLang = cliLanguage()): string {
  return say({ fr: warning.message, en: warning.messageEn }, lang);
}

export function failureSentence(failure: BundleFailure, lang: CliLang = cliLanguage()): string {
  const step = STEP_LABELS[failure.step];
  return say(
    {
      fr: `Paquet refusé à l’étape ${failure.step} (${step.fr}) : ${failure.message}`,
      en: `Bundle refused at step ${failure.step} (${step.en}): ${failure.messageEn}`,
    },
    lang,
  );
}
