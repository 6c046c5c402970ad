import { JournalTransferError, SealedImportError, copyJournal, summarizeJournal, type StoredEvent, type TransferSummary } from '@mc/event-store';
import { verifyJournal } from '@mc/api/integrity/verify-journal.query';
import type { JournalStore } from '@mc/api/journal/event-store.factory';
import { CliError } from './cli-error';
import { say } from './cli-language';

/**
 * Copies sealed records into an empty journal, then checks the target on its own: the whole
 * chain recomputed, and the same events with the same hashes in the same order as the source.
 */
export async function transferJournal(records: AsyncIterable<StoredEvent>, target: JournalStore): Promise<TransferSummary> {
  const existing = await target.headPosition();
  if (existing > 0) {
    throw new CliError({
      fr: `Le journal de destination n’est pas vide (${existing} événements) : l’import ne se fait que dans un journal vide, rien n’a été écrit.`,
      en: `The destination journal is not empty (${existing} events): imports only go into an empty journal, nothing was written.`,
    });
  }
  let copied: TransferSummary;
  try {
    copied = await copyJournal(records, target);
  } catch (error) {
    if (error instanceof JournalTransferError || error instanceof SealedImportError) {
      throw new CliError({
        fr: `Copie arrêtée au premier maillon invalide, la destination est incomplète : ${error.message}`,
        en: `Copy stopped at the first invalid link, the destination is incomplete: ${error.message}`,
      });
    }
    throw error;
  }
  const check = await verifyJournal(target);
  if (!check.ok && check.firstFailure) {
    const f = check.firstFailure;
    throw new CliError({
      fr: `Chaîne rompue dans le journal de destination : flux ${f.streamId}, révision ${f.revision} (${f.reason}).`,
      en: `Broken chain in the destination journal: stream ${f.streamId}, revision ${f.revision} (${f.reason}).`,
    });
  }
  const stored = await summarizeJournal(target);
  if (stored.digest !== copied.digest || stored.events !== copied.events) {
    throw new CliError({
      fr: `La destination ne contient pas exactement les événements copiés (${stored.events} lus, ${copied.events} copiés).`,
      en: `The destination does not hold exactly the copied events (${stored.events} read, ${copied.events} copied).`,
    });
  }
  return copied;
}

export function counts({ events, streams }: { events: number; streams: number }): string {
  return say({
    fr: `${events} événement${events > 1 ? 's' : ''} dans ${streams} flux`,
    en: `${events} event${events === 1 ? '' : 's'} in ${streams} stream${streams === 1 ? '' : 's'}`,
  });
}
