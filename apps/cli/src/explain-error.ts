import { ConfigError } from '@mc/api/config/config';
import { DomainError } from '@mc/domain';
import { CliError } from './cli-error';

/** What the file system said, in words an operator acts on. */
const FILE_SYSTEM_REASONS: Record<string, string> = {
  ENOSPC: 'le disque est plein',
  EDQUOT: 'le quota de disque est dépassé',
  EROFS: 'le système de fichiers est en lecture seule',
  EACCES: 'droits insuffisants',
  EPERM: 'opération refusée par le système, faute de droits ou sur un fichier protégé',
  ENOENT: 'le fichier ou le dossier n’existe pas',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EISDIR: 'c’est un dossier, pas un fichier',
  EEXIST: 'le fichier existe déjà',
  EIO: 'erreur de lecture ou d’écriture du disque',
};

/** The one French sentence the CLI prints for an error; a stack trace only for the unexpected. */
export function explainError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof DomainError) return error.problems.map((p) => p.fr).join(' ');
  const system = error as NodeJS.ErrnoException | null;
  const reason = typeof system?.syscall === 'string' && typeof system.code === 'string' ? FILE_SYSTEM_REASONS[system.code] : undefined;
  if (reason) return `${system!.path ? `Impossible d’utiliser ${system!.path}` : 'Opération sur le disque impossible'} : ${reason} (${system!.code}).`;
  return `Erreur inattendue : ${(error as Error)?.stack ?? String(error)}`;
}
