import { ConfigError } from '@mc/api/config/config';
import { DomainError } from '@mc/domain';
import { operatorSentence } from '@mc/api/start-checks';
import { CliError } from './cli-error';
import { cliLanguage, say, type CliLang, type Sentence } from './cli-language';

/** What the file system said, in words an operator acts on. */
const FILE_SYSTEM_REASONS: Record<string, Sentence> = {
  ENOSPC: { fr: 'le disque est plein', en: 'the disk is full' },
  EDQUOT: { fr: 'le quota de disque est dépassé', en: 'the disk quota is exceeded' },
  EROFS: { fr: 'le système de fichiers est en lecture seule', en: 'the file system is read-only' },
  EACCES: { fr: 'droits insuffisants', en: 'permission denied' },
  EPERM: {
    fr: 'opération refusée par le système, faute de droits ou sur un fichier protégé',
    en: 'operation refused by the system, for lack of rights or on a protected file',
  },
  ENOENT: { fr: 'le fichier ou le dossier n’existe pas', en: 'no such file or directory' },
  ENOTDIR: { fr: 'un élément du chemin n’est pas un dossier', en: 'part of the path is not a directory' },
  EISDIR: { fr: 'c’est un dossier, pas un fichier', en: 'this is a directory, not a file' },
  EEXIST: { fr: 'le fichier existe déjà', en: 'the file already exists' },
  EIO: { fr: 'erreur de lecture ou d’écriture du disque', en: 'disk read or write error' },
};

/**
 * The one sentence the CLI prints for an error; a stack trace only for the unexpected.
 * ConfigError comes from the API's configuration, which speaks French only.
 */
export function explainError(error: unknown, lang: CliLang = cliLanguage()): string {
  if (error instanceof CliError) return say(error.sentence, lang);
  if (error instanceof ConfigError) return error.message;
  const sentence = operatorSentence(error);
  if (sentence) return say(sentence, lang);
  if (error instanceof DomainError) return error.problems.map((p) => say(p, lang)).join(' ');
  const system = error as NodeJS.ErrnoException | null;
  const reason = typeof system?.syscall === 'string' && typeof system.code === 'string' ? FILE_SYSTEM_REASONS[system.code] : undefined;
  if (reason) {
    const { path, code } = system!;
    return say(
      {
        fr: `${path ? `Impossible d’utiliser ${path}` : 'Opération sur le disque impossible'} : ${reason.fr} (${code}).`,
        en: `${path ? `Cannot use ${path}` : 'Disk operation failed'}: ${reason.en} (${code}).`,
      },
      lang,
    );
  }
  const detail = (error as Error)?.stack ?? String(error);
  return say({ fr: `Erreur inattendue : ${detail}`, en: `Unexpected error: ${detail}` }, lang);
}
