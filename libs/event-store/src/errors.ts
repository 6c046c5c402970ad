/**
 * Errors beyond those of the port (event-store.port.ts).
 */

/** An eventId already stored, reused by an append that is not an exact retry of the one that stored it. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Stream ${streamId}: event id ${eventId} is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}

/** Why a journal file cannot be opened: SQLite's own words, or the schema versions found and known. */
export type JournalFileProblem =
  { kind: 'not_a_database'; sqlite: string } | { kind: 'damaged'; sqlite: string } | { kind: 'unknown_schema'; found: number; expected: number };

/**
 * The journal file cannot be opened as a journal: it is not an SQLite database (replaced, or
 * cut short), SQLite finds it damaged, or its schema version is not this code's. Nothing was
 * written to it. Carries the sentence an operator acts on, in French and English.
 */
export class JournalFileUnreadableError extends Error {
  readonly code = 'JOURNAL_FILE_UNREADABLE';
  readonly sentence: { fr: string; en: string };

  constructor(
    readonly file: string,
    readonly problem: JournalFileProblem,
  ) {
    super(`Journal file ${file} cannot be opened: ${JSON.stringify(problem)}`);
    this.name = 'JournalFileUnreadableError';
    this.sentence = journalFileSentence(file, problem);
  }
}

function journalFileSentence(file: string, problem: JournalFileProblem): { fr: string; en: string } {
  const restore = {
    fr: 'Rien n’y a été écrit. Restaurez la dernière sauvegarde : main-courante restore <sauvegarde> --force (ce fichier est mis de côté, pas effacé).',
    en: 'Nothing was written to it. Restore the last backup: main-courante restore <backup> --force (this file is set aside, not deleted).',
  };
  switch (problem.kind) {
    case 'not_a_database':
      return {
        fr: `Le fichier du journal ${file} n’est pas une base SQLite : il a été remplacé ou tronqué. ${restore.fr}`,
        en: `The journal file ${file} is not an SQLite database: it was replaced or cut short. ${restore.en}`,
      };
    case 'damaged':
      return {
        fr: `Le fichier du journal ${file} est endommagé (SQLite : ${problem.sqlite}). ${restore.fr}`,
        en: `The journal file ${file} is damaged (SQLite: ${problem.sqlite}). ${restore.en}`,
      };
    case 'unknown_schema':
      return {
        fr: `Le journal ${file} est au format ${problem.found}, que cette version de Main courante ne connaît pas (elle lit le format ${problem.expected}) : il vient sans doute d’une version plus récente. Mettez le service à jour ; rien n’a été modifié.`,
        en: `The journal ${file} is in format ${problem.found}, which this version of Main courante does not know (it reads format ${problem.expected}): it probably comes from a newer version. Update the service; nothing was changed.`,
      };
  }
}
