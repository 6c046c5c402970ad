import { ENTRY_TYPES } from '@mc/domain';
import type { EntryType } from '@mc/domain';
import type { CaseSummary, TimelineEntry } from '@mc/projections';
import type { Outage } from './outages';
import type { RequestRecord } from './requests';

export interface Figures {
  /** Entries by kind, retracted ones included (they stay in the record); kinds with none left out. */
  byType: Array<{ type: EntryType; count: number }>;
  entries: number;
  evidence: number;
  corrections: number;
  retractions: number;
  late: number;
  /** The figures below leave retracted entries out. */
  cutOffs: number;
  ongoingCutOffs: number;
  outageMinutes: number;
  requestsSent: number;
  requestsWithReceipt: number;
  requestsAnswered: number;
  requestsUnanswered: number;
  meetings: number;
}

export function figuresOf(summary: CaseSummary, entries: readonly TimelineEntry[], outages: readonly Outage[], requests: readonly RequestRecord[]): Figures {
  const { counts } = summary;
  const standing = outages.filter((o) => !o.cutOff.retracted);
  const asked = requests.filter((r) => !r.request.retracted);
  return {
    byType: ENTRY_TYPES.map((type) => ({ type, count: counts.byType[type] ?? 0 })).filter((row) => row.count > 0),
    entries: counts.entries,
    evidence: counts.evidence,
    corrections: counts.corrections,
    retractions: counts.retractions,
    late: entries.filter((e) => e.lateBy !== null).length,
    cutOffs: standing.length,
    ongoingCutOffs: standing.filter((o) => o.ongoing).length,
    outageMinutes: standing.reduce((sum, o) => sum + o.minutes, 0),
    requestsSent: asked.length,
    requestsWithReceipt: asked.filter((r) => r.receiptConfirmed).length,
    requestsAnswered: asked.filter((r) => r.answered).length,
    requestsUnanswered: asked.filter((r) => !r.answered).length,
    meetings: entries.filter((e) => e.type === 'MeetingHeld' && !e.retracted).length,
  };
}
