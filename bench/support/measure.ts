import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export const MB = 1024 * 1024;

/** Monotonic milliseconds. */
export const nowMs = (): number => performance.now();

/**
 * Peak RSS of this process while a phase runs: sampled on a timer (which cannot fire during
 * long synchronous stretches) and at each explicit `sample()`, so call it from hot loops too.
 */
export class RssSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;
  readonly start = this.peak;

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  stop(): { startMB: number; peakMB: number } {
    clearInterval(this.timer);
    this.sample();
    return { startMB: this.start / MB, peakMB: this.peak / MB };
  }
}

/** Event-loop utilization over a phase: near 1 means the main thread never waited (CPU or a blocking syscall such as fsync). */
export function eluMeter(of: { eventLoopUtilization(start?: EventLoopUtilization): EventLoopUtilization } = performance): () => number {
  const start: EventLoopUtilization = of.eventLoopUtilization();
  return () => of.eventLoopUtilization(start).utilization;
}

/** Percentile of an unsorted sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Waits for the garbage of a previous phase to go before the next one measures memory. */
export async function settle(ms = 200): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, ms));
}
