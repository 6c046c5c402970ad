import type { StoredEvent } from '@mc/event-store/event-store.port';

/** `records` and, after them, events of the same stream recorded at the given times (tests only). */
export function appended(records: StoredEvent[], events: Array<{ type: string; data: Record<string, unknown>; recordedAt: string }>): StoredEvent[] {
  const out = [...records];
  for (const [index, event] of events.entries()) {
    const last = out[out.length - 1]!;
    out.push({
      ...last,
      revision: last.revision + 1,
      eventId: `event-appended-${index}`,
      type: event.type,
      data: event.data,
      metadata: { ...last.metadata, recordedAt: event.recordedAt },
      prevHash: last.hash,
      hash: String(index).repeat(64).slice(0, 64),
    });
  }
  return out;
}
