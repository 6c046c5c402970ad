import type { PositionedEvent, StoredEvent } from '../event-store.port';

/**
 * The events this store wrote lately, by position, for its live subscriptions: reading back
 * from the file what was just written only to parse it again cost the main thread about a tenth
 * of each append. Each read gets its own copy of data and metadata, as a read from the file
 * would, so that no subscriber shares objects with the appender or another subscriber. Also
 * notes how far this store has answered appends (newest), which tells a subscription at that
 * point that what follows is still in flight.
 */
export class RecentEvents {
  private readonly byPosition = new Map<number, { record: StoredEvent; dataJson: string; metadataJson: string }>();

  private newestPosition = 0;

  constructor(private readonly capacity: number) {}

  /** The highest position this store has answered an append with (0 before any), kept or not. */
  newest(): number {
    return this.newestPosition;
  }

  /** An append was answered with events up to this position (kept or not). */
  answered(position: number): void {
    if (position > this.newestPosition) this.newestPosition = position;
  }

  /** With the data and metadata texts as stored: whatever the appender does later with its objects, subscribers get what a read from the file gives. */
  add(position: number, record: StoredEvent, dataJson: string, metadataJson: string): void {
    this.byPosition.set(position, { record, dataJson, metadataJson });
    this.answered(position);
    // Positions arrive in increasing order, so the first key is the oldest.
    if (this.byPosition.size > this.capacity) this.byPosition.delete(this.byPosition.keys().next().value as number);
  }

  /** Copies of the events at positions after + 1, after + 2… up to the first one not kept here, at most maxCount. */
  after(after: number, maxCount: number): PositionedEvent[] {
    const events: PositionedEvent[] = [];
    for (let position = after + 1; events.length < maxCount; position++) {
      const kept = this.byPosition.get(position);
      if (!kept) break;
      const { record, dataJson, metadataJson } = kept;
      const data = JSON.parse(dataJson) as StoredEvent['data'];
      events.push({ position, record: { ...record, data, metadata: JSON.parse(metadataJson) as StoredEvent['metadata'] } });
    }
    return events;
  }

  clear(): void {
    this.byPosition.clear();
  }
}
