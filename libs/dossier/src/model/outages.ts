import { outageSpansOf } from '@mc/projections/case-view/outages';
import type { OutageSpan } from '@mc/projections/case-view/outages';
import type { TimelineEntry } from '@mc/projections';

/**
 * One access cut-off and what became of it by asOf: the cut-off, every restoration filed against
 * it (retracted ones included: shown, not counted), endedAt (null while some access is still cut),
 * minutes (to endedAt, or to asOf while ongoing) and ongoing. Computed by the outages projection.
 */
export type Outage = OutageSpan;

/** The cut-offs of a timeline in occurred order, with their restorations and durations. */
export function outagesOf(entries: readonly TimelineEntry[], byId: ReadonlyMap<string, TimelineEntry>, asOf: string): Outage[] {
  return outageSpansOf(entries, byId, asOf);
}
