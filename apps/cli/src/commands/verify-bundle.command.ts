import { Command, CommandRunner, Option } from 'nest-commander';
import { STEP_LABELS, normalizeFingerprint, verifyBundle, type BundleFailure, type BundleVerified } from '@mc/evidence';
import { CliError } from '../cli-error';

interface VerifyBundleOptions {
  fingerprint?: string;
}

@Command({
  name: 'verify',
  arguments: '<bundle>',
  description: 'Vérifie hors ligne un paquet de preuves (.zip) : signature, empreintes des fichiers, chaîne des événements, pièces jointes, clé',
})
export class VerifyBundleCommand extends CommandRunner {
  async run([bundle]: string[], options: VerifyBundleOptions = {}): Promise<void> {
    const result = await verifyBundle(bundle, { expectedFingerprint: options.fingerprint });
    if (!result.ok) throw new CliError(failureSentence(result.failure));
    console.log(successSentence(result));
    if (!result.fingerprintChecked) {
      console.log(
        `Attention : la clé n’a été comparée à aucune empreinte de référence. Comparez ${result.fingerprint} à celle que publie le journal (/api/v1/integrity/public-key), ou relancez avec --fingerprint.`,
      );
    }
  }

  @Option({ flags: '--fingerprint <hex>', description: 'empreinte SHA-256 attendue de la clé du journal (64 chiffres hexadécimaux)' })
  parseFingerprint(value: string): string {
    const fingerprint = normalizeFingerprint(value);
    if (!fingerprint) throw new CliError(`Empreinte « ${value} » invalide : il faut 64 chiffres hexadécimaux (SHA-256).`);
    return fingerprint;
  }
}

export function successSentence(result: BundleVerified): string {
  const events = `${result.eventCount} événement${result.eventCount > 1 ? 's' : ''}`;
  return `Paquet vérifié : dossier ${result.caseId}, état au ${result.asOf}, ${events}, empreinte de tête ${result.headHash}, clé ${result.fingerprint}`;
}

export function failureSentence(failure: BundleFailure): string {
  return `Paquet refusé à l’étape ${failure.step} (${STEP_LABELS[failure.step].fr}) : ${failure.message}`;
}
