import { FACT_DATE_FIELD, isEntryType } from '@mc/domain';
import type { TimelineEntry, TimelineEntryType } from '@mc/projections';

/** The data field that dates the fact of an entry of this kind; none for notes, statements and closures. */
export function factDateFieldOf(type: TimelineEntryType): string | undefined {
  if (type === 'EvidenceAttached') return 'capturedAt';
  return isEntryType(type) ? (FACT_DATE_FIELD[type] ?? undefined) : undefined;
}

/** The entry states when its fact happened (otherwise the timeline dates it by its recording). */
export function hasFactDate(entry: TimelineEntry): boolean {
  const field = factDateFieldOf(entry.type);
  return field !== undefined && typeof entry.data[field] === 'string';
}
