import type BetterSqlite3 from 'better-sqlite3';
import type { EventStore, PositionedEvent, Subscription } from '@mc/event-store/event-store.port';
import type { SqlProjection, SqliteDatabase } from './sql-projection';

export interface ProjectionRunnerOptions {
  /** Events read and applied per transaction while catching up. */
  batchSize?: number;
}

/** waitFor gave up: the read models had not reached the position in time. */
export class ProjectionTimeoutError extends Error {
  readonly code = 'PROJECTION_TIMEOUT';
  constructor(
    readonly wanted: number,
    readonly reached: number,
    timeoutMs: number,
  ) {
    super(`Read models reached position ${reached}, not ${wanted}, within ${timeoutMs} ms`);
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const DEFAULT_BATCH_SIZE = 2000;

/**
 * Keeps SQL projections up to date with the store, in one local SQLite file per service instance.
 *
 * Each projection has a checkpoint row `checkpoints(name, position, version)`. Events are applied
 * in the same SQLite transaction as the checkpoint update — a batch per transaction while catching
 * up, one event per transaction when live — so a crash never applies an event twice nor skips one.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, number>();
  private readonly batchSize: number;
  private subscription: Subscription | null = null;
  private waiters: Waiter[] = [];
  /** Bumped by stop(): a catch-up or subscription of an older generation stops applying. */
  private generation = 0;
  private prepared = false;
  private failure: unknown = null;
  /** Live events waiting for the end of the current event-loop turn (bufferLive). */
  private live: { generation: number; events: PositionedEvent[]; scheduled: boolean } = { generation: -1, events: [], scheduled: false };
  private running: Promise<void> | null = null;
  /** Settles the pending start()/rebuild() if the runner is stopped before it caught up. */
  private settleCatchUp: (() => void) | null = null;
  private saveCheckpoint: BetterSqlite3.Statement<[number, string]> | null = null;
  /** Position of the last event handled, for a runner without projections. */
  private lastSeen = 0;
  /** applyEvents wrapped in BEGIN ... COMMIT (rolled back if a projection throws), built once. */
  private readonly applyInTransaction: (events: PositionedEvent[], lastPosition: number) => void;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly store: EventStore,
    private readonly projections: SqlProjection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set(projections.map((p) => p.name));
    if (names.size !== projections.length) throw new Error('Projection names must be unique');
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.applyInTransaction = db.transaction((events: PositionedEvent[], lastPosition: number) => this.applyEvents(events, lastPosition));
  }

  /**
   * Sets the projections up, rebuilds those whose version changed, catches up from the lowest
   * checkpoint, then follows the store live. Resolves once caught up.
   */
  start(): Promise<void> {
    if (!this.running) {
      this.running = this.prepare().then(() => this.follow());
      this.running.catch(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Stops following the store; pending waitFor calls are rejected. */
  async stop(): Promise<void> {
    await this.unsubscribe();
    this.running = null;
    this.rejectWaiters(new Error('Projection runner stopped'));
  }

  /** Empties every projection and replays the whole log from position 0, then follows it live. */
  async rebuild(): Promise<void> {
    await this.unsubscribe();
    await this.prepare();
    this.db.transaction(() => {
      for (const projection of this.projections) this.resetOne(projection);
    })();
    for (const projection of this.projections) this.checkpoints.set(projection.name, 0);
    this.running = this.follow();
    this.running.catch(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The position every projection has applied (the lowest checkpoint). */
  position(): number {
    let lowest = Number.POSITIVE_INFINITY;
    for (const position of this.checkpoints.values()) lowest = Math.min(lowest, position);
    return Number.isFinite(lowest) ? lowest : this.lastSeen;
  }

  /** Resolves when every projection has applied `position` (read-your-writes after a command). */
  waitFor(position: number, timeoutMs = 5000): Promise<void> {
    if (this.position() >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ProjectionTimeoutError(position, this.position(), timeoutMs));
      }, timeoutMs);
      timer.unref?.();
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The error that stopped the runner, if any (a projection threw, or the store failed). */
  lastError(): unknown {
    return this.failure;
  }

  // --- internals ---

  /** Tables, checkpoints, version changes, and a store that is behind the read models. */
  private async prepare(): Promise<void> {
    const { db } = this;
    if (!this.prepared) {
      db.pragma('journal_mode = WAL');
      // The read models are rebuildable: trade the last transactions on power loss for speed.
      // Each checkpoint still commits with its events, so they are lost (and replayed) together.
      db.pragma('synchronous = NORMAL');
      db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER NOT NULL)');
      this.saveCheckpoint = db.prepare('UPDATE checkpoints SET position = ? WHERE name = ?');
      this.prepared = true;
    }
    const head = await this.store.headPosition();
    const read = db.prepare<[string], { position: number; version: number }>('SELECT position, version FROM checkpoints WHERE name = ?');
    db.transaction(() => {
      for (const projection of this.projections) {
        projection.setup(db);
        const row = read.get(projection.name);
        // A changed version, or read models ahead of the store (a new or restored store): start over.
        if (!row || row.version !== projection.version || row.position > head) {
          this.resetOne(projection);
          this.checkpoints.set(projection.name, 0);
        } else {
          this.checkpoints.set(projection.name, row.position);
        }
      }
    })();
    this.failure = null;
  }

  private resetOne(projection: SqlProjection): void {
    projection.reset(this.db);
    projection.setup(this.db);
    this.db
      .prepare(
        `INSERT INTO checkpoints (name, position, version) VALUES (?, 0, ?)
         ON CONFLICT(name) DO UPDATE SET position = 0, version = excluded.version`,
      )
      .run(projection.name, projection.version);
  }

  /** Catches up in batches through readAll, then subscribes from there; resolves when caught up. */
  private async follow(): Promise<void> {
    const generation = ++this.generation;
    try {
      let after = this.position();
      for (;;) {
        const batch = await this.store.readAll({ after, maxCount: this.batchSize });
        if (generation !== this.generation) return;
        if (batch.length === 0) break;
        this.applyBatch(batch);
        after = batch[batch.length - 1]!.position;
      }
      await new Promise<void>((resolve, reject) => {
        this.settleCatchUp = resolve;
        this.subscription = this.store.subscribeAll(
          after,
          (event) => {
            if (generation === this.generation) this.bufferLive(event, generation);
          },
          {
            onCaughtUp: () => {
              this.settleCatchUp = null;
              resolve();
            },
            onError: (error) => {
              if (generation !== this.generation) return;
              this.subscription = null;
              this.running = null;
              this.fail(error);
              reject(error);
            },
          },
        );
      });
    } catch (error) {
      if (generation === this.generation && this.failure !== error) this.fail(error);
      throw error;
    }
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.rejectWaiters(error);
  }

  /**
   * Live events delivered during one turn of the event loop are applied together, in one
   * transaction (a group commit's worth of events costs one read-model commit, not one each).
   */
  private bufferLive(event: PositionedEvent, generation: number): void {
    if (this.failure) return;
    if (this.live.generation !== generation) this.live = { generation, events: [], scheduled: false };
    this.live.events.push(event);
    if (!this.live.scheduled) {
      this.live.scheduled = true;
      setImmediate(() => this.flushLive(generation));
    }
  }

  private flushLive(generation: number): void {
    // A newer subscription owns the buffer now: its own flush is scheduled.
    if (this.live.generation !== generation) return;
    const { events } = this.live;
    this.live = { generation, events: [], scheduled: false };
    if (generation !== this.generation || this.failure) return;
    try {
      this.applyBatch(events);
    } catch (error) {
      // Nothing after a failed event may be applied: stop following, as a failing handler would.
      this.fail(error);
      const subscription = this.subscription;
      this.subscription = null;
      this.running = null;
      void subscription?.stop().catch(() => undefined);
    }
  }

  /** Applies events (in position order) to every projection still behind them, with the checkpoints, in one transaction. */
  private applyBatch(events: PositionedEvent[]): void {
    const last = events[events.length - 1];
    if (!last) return;
    this.applyInTransaction(events, last.position);
    // Committed: only now move the in-memory checkpoints.
    for (const projection of this.projections) {
      if (last.position > this.checkpoints.get(projection.name)!) this.checkpoints.set(projection.name, last.position);
    }
    this.lastSeen = Math.max(this.lastSeen, last.position);
    this.resolveWaiters();
  }

  /** Runs inside `applyInTransaction`. */
  private applyEvents(events: PositionedEvent[], lastPosition: number): void {
    const { db, projections, checkpoints } = this;
    for (const event of events) {
      for (const projection of projections) {
        if (event.position > checkpoints.get(projection.name)!) projection.apply(db, event);
      }
    }
    for (const projection of projections) {
      if (lastPosition > checkpoints.get(projection.name)!) this.saveCheckpoint!.run(lastPosition, projection.name);
    }
  }

  private async unsubscribe(): Promise<void> {
    this.generation += 1;
    const subscription = this.subscription;
    this.subscription = null;
    this.settleCatchUp?.();
    this.settleCatchUp = null;
    if (subscription) await subscription.stop();
  }

  private resolveWaiters(): void {
    const reached = this.position();
    const ready = this.waiters.filter((w) => w.position <= reached);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const waiter of ready) waiter.resolve();
  }

  private rejectWaiters(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
