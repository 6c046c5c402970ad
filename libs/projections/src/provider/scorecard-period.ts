import { MINUTE_MS, formatInstant, slaBreachMinutes } from '@mc/domain';
import type { ContractCalendar } from '@mc/domain';
import { instantOf, parseBound } from '../case-view/case-stream';

/**
 * The period of a provider scorecard, and the share of a span of time (an outage, an SLA overrun)
 * that falls within it: a period's figures are about that period only. An outage or an overrun
 * that crosses a limit of the period counts for its minutes inside it, so it shows in every period
 * it touches, each time with its own minutes; one still running is measured up to the end of the
 * period (or asOf, if earlier).
 */
export interface SpanShare {
  /** Whole minutes of the span within the period (on the contract's calendar for an overrun). */
  minutes: number;
  /** The span began before the period. */
  beganBefore: boolean;
  /** The span had not ended at the end of the period (or is still running at asOf). */
  ongoingAtEnd: boolean;
}

export class ScorecardPeriod {
  readonly fromMs: number;
  /** Facts dated up to this instant, inclusive. */
  readonly toMs: number;
  /** Durations stop here: the end of the second `to` names (it is inclusive: 23:59:59 counts up to midnight), or asOf if earlier. */
  readonly endMs: number;

  constructor(from: string | null, to: string, asOf: string) {
    this.fromMs = parseBound('from', from ?? undefined) ?? Number.NEGATIVE_INFINITY;
    this.toMs = parseBound('to', to)!;
    this.endMs = Math.min(Math.floor(this.toMs / 1000) * 1000 + 1000, instantOf(asOf));
  }

  /** The instant durations were measured up to. */
  get measuredUntil(): string {
    return formatInstant(this.endMs);
  }

  /** A fact dated within the period. */
  includes(iso: string): boolean {
    const ms = instantOf(iso);
    return ms >= this.fromMs && ms <= this.toMs;
  }

  /** The wall-clock share of the span from `start` to `end` (null: still running); null when the span does not touch the period. */
  wallClockShare(start: string, end: string | null): SpanShare | null {
    const startMs = instantOf(start);
    const endMs = end === null ? Number.POSITIVE_INFINITY : instantOf(end);
    if (startMs > this.toMs || endMs <= this.fromMs) return null;
    const wholeMinutesTo = (ms: number) => Math.max(0, Math.floor((ms - startMs) / MINUTE_MS));
    // Both ends counted from the span's start, so the shares of consecutive periods add up to the whole duration.
    const minutes = Math.max(0, wholeMinutesTo(Math.min(endMs, this.endMs)) - wholeMinutesTo(Math.max(startMs, this.fromMs)));
    return { minutes, beganBefore: startMs < this.fromMs, ongoingAtEnd: endMs > this.toMs };
  }

  /**
   * The share, within the period, of the overrun beyond `targetMinutes` (on `calendar`) of the span
   * from `start` to `end` (null: still running); null when none of the overrun falls in the period.
   */
  overrunShare(start: string, end: string | null, targetMinutes: number, calendar: ContractCalendar): SpanShare | null {
    const startMs = instantOf(start);
    const endMs = end === null ? Number.POSITIVE_INFINITY : instantOf(end);
    const clipStart = Math.max(startMs, this.fromMs);
    const clipEnd = Math.min(endMs, this.endMs);
    if (!(clipEnd > clipStart)) return null;
    const overrunBefore = clipStart > startMs ? slaBreachMinutes(startMs, clipStart, targetMinutes, calendar) : 0;
    const minutes = slaBreachMinutes(startMs, clipEnd, targetMinutes, calendar) - overrunBefore;
    if (minutes <= 0) return null;
    return { minutes, beganBefore: overrunBefore > 0, ongoingAtEnd: endMs > this.toMs };
  }
}
