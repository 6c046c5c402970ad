import type { TimelineEntry } from '@mc/projections';

/** One access cut-off and what became of it by asOf. */
export interface Outage {
  cutOff: TimelineEntry;
  /** Every restoration filed against it, retracted ones included (they are shown, not counted). */
  restorations: TimelineEntry[];
  /** Fact date of the restoration that gave everything back; null while some access is still cut. */
  endedAt: string | null;
  /** From the cut-off to endedAt, or to asOf while ongoing. */
  minutes: number;
  ongoing: boolean;
}

interface ResourceLike {
  kind?: unknown;
  label?: unknown;
}

function resourceKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((r: ResourceLike) => `${String(r?.kind)}|${typeof r?.label === 'string' ? r.label : ''}`);
}

function minutesBetween(from: string, to: string): number {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 60_000) : 0;
}

/**
 * The end of a cut-off: the first (non-retracted) restoration without a resource list, or the one
 * after which every resource the cut-off took has been given back.
 */
function endOf(cutOff: TimelineEntry, restorations: TimelineEntry[]): string | null {
  const missing = new Set(resourceKeys(cutOff.data.resources));
  for (const restoration of restorations) {
    if (restoration.retracted) continue;
    const restored = resourceKeys(restoration.data.resources);
    if (restored.length === 0) return restoration.occurredAt;
    for (const key of restored) missing.delete(key);
    if (missing.size === 0) return restoration.occurredAt;
  }
  return null;
}

/** The cut-offs of a timeline in occurred order, with their restorations and durations. */
export function outagesOf(entries: readonly TimelineEntry[], byId: ReadonlyMap<string, TimelineEntry>, asOf: string): Outage[] {
  return entries
    .filter((entry) => entry.type === 'AccessCutOff')
    .map((cutOff) => {
      const restorations = cutOff.related.restorations.map((id) => byId.get(id)).filter((e): e is TimelineEntry => e !== undefined);
      const endedAt = endOf(cutOff, restorations);
      return {
        cutOff,
        restorations,
        endedAt,
        minutes: minutesBetween(cutOff.occurredAt, endedAt ?? asOf),
        ongoing: endedAt === null,
      };
    });
}
