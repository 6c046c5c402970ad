import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  CASE_SCHEMA_VERSION,
  DomainError,
  decideCase,
  evolveCase,
  initialCaseState,
  isEntryType,
  systemClock,
  type Actor,
  type CaseCommand,
  type CaseState,
  type RecordedCaseEvent,
} from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import type { EventToAppend, StoredEvent } from '@mc/event-store/event-store.port';
import { sealForStorage, type ChainHead, type SealedEvent } from '@mc/event-store/hash-chain';

/**
 * A fast generator of realistic, valid, hash-chained case streams. Every command goes through
 * the real decider (decideCase) and every event through the store's own sealing code
 * (sealForStorage, i.e. sealEvents keeping the stored JSON texts), so the records are exactly
 * what the SQLite adapter would have stored: the chain verifies and the projections accept them.
 * Only the I/O is bypassed: rows are bulk-inserted in large transactions.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Seeded PRNG (mulberry32): the same seed gives the same journal shape. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  hex(chars: number): string {
    let out = '';
    while (out.length < chars) {
      const x = (this.next() * 4294967296) >>> 0;
      out += HEX[x & 255] + HEX[(x >>> 8) & 255] + HEX[(x >>> 16) & 255] + HEX[x >>> 24];
    }
    return out.length === chars ? out : out.slice(0, chars);
  }

  /** A well-formed random (version 4) UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.int(4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const WORDS = (
  'accès messagerie serveur fichiers prestataire coupure médiathèque agents collègue direction courriel ' +
  'tchat réunion préavis compte mot de passe poste travail logiciel prêt retours lecteurs mailing ' +
  'demande réponse note hiérarchie président DGS ticket incident blocage matin après-midi semaine ' +
  'service public usagers impossible consulter dossiers partagés sauvegarde restauration délai ' +
  'rappel téléphone écrit oral constat capture écran témoin horaires intervention distance ' +
  'configuration suspension modification données personnelles droits information syndicat rendez-vous'
).split(' ');

export function words(rng: Rng, min: number, max: number): string {
  const n = min + rng.int(max - min + 1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(`${words(rng, 6, 18)}.`);
  return out.join(' ');
}

/** A fact date as people type it: seconds and a +01:00 offset. */
function factDate(ms: number): string {
  const floored = Math.floor(ms / 1000) * 1000;
  return `${new Date(floored + 3_600_000).toISOString().slice(0, 19)}+01:00`;
}

const DAY = 86_400_000;
const RESOURCE_KINDS = ['mailbox', 'chat', 'file_server', 'business_software', 'workstation', 'phone'] as const;
const SERVICES = ['Médiathèque', 'Accueil', 'État civil', 'Urbanisme', 'Ressources humaines', 'Finances'];

interface CutOff {
  entryId: string;
  occurredMs: number;
  kinds: string[];
  restored: Set<string>;
}

interface Request {
  entryId: string;
  sentMs: number;
}

type Builder = (nowMs: number) => CaseCommand | null;

/** One case stream being written: its state, its chain head, and what later entries can refer to. */
export class CaseGenerator {
  readonly streamId: string;
  readonly records: StoredEvent[] | null;
  private readonly state: CaseState = initialCaseState();
  private head: ChainHead | null = null;
  private readonly cutOffs: CutOff[] = [];
  private readonly requests: Request[] = [];
  private readonly entries: { id: string; type: string }[] = [];
  private readonly builders: [number, Builder][];
  private readonly totalWeight: number;
  events = 0;
  entryCount = 0;
  /** Commands the decider refused (replaced by a note): should stay near zero. */
  rejected = 0;

  constructor(
    private readonly rng: Rng,
    readonly caseId: string,
    private readonly owner: Actor,
    /** Keep every record in memory (the dossier case), or only the chain head (the big journal). */
    keepRecords = false,
  ) {
    this.streamId = `case-${caseId}`;
    this.records = keepRecords ? [] : null;
    this.builders = [
      [15, (now) => this.incident(now)],
      [8, (now) => this.cutOff(now)],
      [6, (now) => this.restoration(now)],
      [8, (now) => this.providerAction(now)],
      [9, (now) => this.request(now)],
      [4, (now) => this.receipt(now)],
      [6, (now) => this.response(now)],
      [5, (now) => this.meeting(now)],
      [5, (now) => this.impact(now)],
      [6, () => this.witness()],
      [12, () => this.note()],
      [8, (now) => this.evidence(now)],
      [3, () => this.correction()],
      [1, () => this.retraction()],
      [0.5, () => this.share()],
      [0.5, (now) => this.export(now)],
    ];
    this.totalWeight = this.builders.reduce((sum, [w]) => sum + w, 0);
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  /** The next event of the stream (CaseOpened first), sealed as the store would seal it at `nowMs`. */
  next(nowMs: number): SealedEvent {
    if (this.events === 0) {
      const rng = this.rng;
      return this.commit(
        {
          type: 'OpenCase',
          data: {
            title: words(rng, 4, 12),
            summary: paragraph(rng, 1 + rng.int(3)),
            service: rng.pick(SERVICES),
            organisation: 'Communauté de communes du Val de Loire',
          },
        },
        nowMs,
      );
    }
    let command: CaseCommand | null = null;
    for (let attempt = 0; attempt < 4 && !command; attempt++) command = this.pick()(nowMs);
    return this.commit(command ?? this.note(), nowMs);
  }

  close(nowMs: number): SealedEvent {
    return this.commit({ type: 'CloseCase', data: { reason: words(this.rng, 5, 15) } }, nowMs);
  }

  private pick(): Builder {
    let x = this.rng.next() * this.totalWeight;
    for (const [weight, builder] of this.builders) {
      x -= weight;
      if (x < 0) return builder;
    }
    return this.builders[this.builders.length - 1][1];
  }

  private commit(command: CaseCommand, nowMs: number): SealedEvent {
    const now = new Date(nowMs);
    let decided;
    try {
      decided = decideCase(command, this.state, { now });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.rejected++;
      command = this.note();
      decided = decideCase(command, this.state, { now });
    }
    const rng = this.rng;
    const toAppend: EventToAppend[] = decided.map((e) => ({
      eventId: rng.uuid(),
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: CASE_SCHEMA_VERSION, actor: this.owner, correlationId: rng.uuid(), causationId: rng.uuid() },
    }));
    const sealed = sealForStorage(this.streamId, this.head, toAppend, now);
    for (const s of sealed) {
      evolveCase(this.state, s.record as unknown as RecordedCaseEvent);
      this.records?.push(s.record);
      if (isEntryType(s.record.type)) {
        this.entryCount++;
        this.entries.push({ id: String(s.record.data.entryId), type: s.record.type });
      }
    }
    this.remember(command);
    const last = sealed[sealed.length - 1];
    this.head = { revision: last.record.revision, hash: last.record.hash, recordedAt: last.record.metadata.recordedAt };
    this.events += sealed.length;
    return last;
  }

  /** What later commands may refer to, once accepted. */
  private remember(command: CaseCommand): void {
    switch (command.type) {
      case 'RecordAccessCutOff':
        this.cutOffs.push({
          entryId: command.data.entryId,
          occurredMs: Date.parse(command.data.occurredAt),
          kinds: command.data.resources.map((r) => r.kind),
          restored: new Set(),
        });
        return;
      case 'RecordAccessRestoration': {
        const index = this.cutOffs.findIndex((c) => c.entryId === command.data.cutOffEntryId);
        const cut = this.cutOffs[index];
        if (!cut) return;
        for (const k of command.data.resources?.map((r) => r.kind) ?? cut.kinds) cut.restored.add(k);
        if (cut.kinds.every((k) => cut.restored.has(k))) this.cutOffs.splice(index, 1);
        return;
      }
      case 'RecordWrittenRequest':
        this.requests.push({ entryId: command.data.entryId, sentMs: Date.parse(command.data.sentAt) });
        if (this.requests.length > 50) this.requests.shift();
        return;
      case 'RetractEntry': {
        const target = command.data.targetEntryId;
        const i = this.entries.findIndex((e) => e.id === target);
        if (i >= 0) this.entries.splice(i, 1);
        return;
      }
      default:
        return;
    }
  }

  private past(nowMs: number, maxDays: number): number {
    return nowMs - this.rng.int(maxDays * DAY);
  }

  /** A date between `fromMs` and `nowMs`. */
  private between(fromMs: number, nowMs: number): number {
    return fromMs + this.rng.int(Math.max(1, nowMs - fromMs));
  }

  private incident(nowMs: number): CaseCommand {
    const rng = this.rng;
    const occurredMs = Date.parse(factDate(this.past(nowMs, 20)));
    return {
      type: 'ReportIncident',
      data: {
        entryId: rng.uuid(),
        occurredAt: factDate(occurredMs),
        ...(rng.chance(0.4) ? { endedAt: factDate(this.between(occurredMs, nowMs)) } : {}),
        title: words(rng, 4, 14),
        description: paragraph(rng, 1 + rng.int(5)),
        category: rng.pick(['outage', 'provider_action', 'pressure', 'data_protection', 'other'] as const),
        severity: rng.pick(['blocking', 'non_blocking'] as const),
        ...(rng.chance(0.6) ? { affectedServices: [rng.pick(SERVICES), rng.pick(SERVICES)] } : {}),
        ...(rng.chance(0.3) ? { witnesses: [words(rng, 2, 3)] } : {}),
      },
    };
  }

  private cutOff(nowMs: number): CaseCommand {
    const rng = this.rng;
    const kinds = [...new Set([rng.pick(RESOURCE_KINDS), rng.pick(RESOURCE_KINDS), rng.pick(RESOURCE_KINDS)])];
    return {
      type: 'RecordAccessCutOff',
      data: {
        entryId: rng.uuid(),
        occurredAt: factDate(this.past(nowMs, 10)),
        resources: kinds.map((kind) => (rng.chance(0.5) ? { kind, label: words(rng, 1, 3) } : { kind })),
        ...(rng.chance(0.5) ? { affectedPeople: [words(rng, 2, 2), words(rng, 2, 2)] } : {}),
        decidedBy: rng.pick(['provider', 'hierarchy', 'unknown'] as const),
        priorNotice: rng.pick(['none', 'oral', 'written'] as const),
        ...(rng.chance(0.3) ? { reasonGiven: words(rng, 5, 15) } : {}),
        description: paragraph(rng, 1 + rng.int(3)),
      },
    };
  }

  private restoration(nowMs: number): CaseCommand | null {
    const cut = this.cutOffs.length ? this.rng.pick(this.cutOffs) : undefined;
    if (!cut) return null;
    const rng = this.rng;
    const remaining = cut.kinds.filter((k) => !cut.restored.has(k));
    const partial = remaining.length > 1 && rng.chance(0.4);
    return {
      type: 'RecordAccessRestoration',
      data: {
        entryId: rng.uuid(),
        cutOffEntryId: cut.entryId,
        occurredAt: factDate(this.between(cut.occurredMs, nowMs)),
        ...(partial ? { resources: [{ kind: remaining[0] as (typeof RESOURCE_KINDS)[number] }] } : {}),
        ...(rng.chance(0.4) ? { conditions: words(rng, 5, 20) } : {}),
      },
    };
  }

  private providerAction(nowMs: number): CaseCommand {
    const rng = this.rng;
    return {
      type: 'RecordProviderAction',
      data: {
        entryId: rng.uuid(),
        occurredAt: factDate(this.past(nowMs, 15)),
        action: rng.pick(['remote_takeover', 'account_suspension', 'configuration_change', 'data_access', 'demand', 'other'] as const),
        description: paragraph(rng, 1 + rng.int(4)),
        ...(rng.chance(0.3) ? { authorizedBy: words(rng, 2, 4) } : {}),
        ...(rng.chance(0.5) ? { notifiedBeforehand: rng.chance(0.2) } : {}),
      },
    };
  }

  private request(nowMs: number): CaseCommand {
    const rng = this.rng;
    return {
      type: 'RecordWrittenRequest',
      data: {
        entryId: rng.uuid(),
        sentAt: factDate(this.past(nowMs, 10)),
        channel: rng.pick(['email', 'letter', 'registered_letter', 'hand_delivered', 'internal_note', 'ticket'] as const),
        from: this.owner.username,
        to: words(rng, 1, 3),
        subject: words(rng, 4, 12),
        body: paragraph(rng, 2 + rng.int(6)),
        kind: rng.pick(['question_to_hierarchy', 'document_request', 'gdpr_rights_request', 'provider_ticket', 'grievance', 'other'] as const),
        ...(rng.chance(0.3) ? { deadlinePolicy: words(rng, 3, 8) } : {}),
      },
    };
  }

  private receipt(nowMs: number): CaseCommand | null {
    const request = this.requests.length ? this.rng.pick(this.requests) : undefined;
    if (!request) return null;
    const rng = this.rng;
    return {
      type: 'ConfirmRequestReceipt',
      data: {
        entryId: rng.uuid(),
        requestEntryId: request.entryId,
        receivedAt: factDate(this.between(request.sentMs, nowMs)),
        ...(rng.chance(0.5) ? { proof: words(rng, 3, 8) } : {}),
      },
    };
  }

  private response(nowMs: number): CaseCommand | null {
    const request = this.requests.length ? this.rng.pick(this.requests) : undefined;
    if (!request) return null;
    const rng = this.rng;
    return {
      type: 'RecordResponse',
      data: {
        entryId: rng.uuid(),
        requestEntryId: request.entryId,
        receivedAt: factDate(this.between(request.sentMs, nowMs)),
        channel: rng.pick(['email', 'letter', 'oral', 'internal_note'] as const),
        from: words(rng, 1, 3),
        form: rng.pick(['written', 'oral'] as const),
        outcome: rng.pick(['answered', 'partial', 'refused', 'acknowledged'] as const),
        summary: paragraph(rng, 1 + rng.int(3)),
      },
    };
  }

  private meeting(nowMs: number): CaseCommand {
    const rng = this.rng;
    return {
      type: 'RecordMeeting',
      data: {
        entryId: rng.uuid(),
        occurredAt: factDate(this.past(nowMs, 15)),
        participants: [this.owner.username, words(rng, 1, 2), words(rng, 1, 2)],
        summary: paragraph(rng, 2 + rng.int(5)),
        ...(rng.chance(0.5) ? { minutesAvailable: rng.chance(0.5) } : {}),
      },
    };
  }

  private impact(nowMs: number): CaseCommand {
    const rng = this.rng;
    const startMs = Date.parse(factDate(this.past(nowMs, 20)));
    return {
      type: 'RecordImpact',
      data: {
        entryId: rng.uuid(),
        periodStart: factDate(startMs),
        periodEnd: factDate(this.between(startMs, nowMs)),
        hoursLost: 30 + rng.int(2000),
        ...(rng.chance(0.6) ? { tasksBlocked: [words(rng, 2, 5), words(rng, 2, 5)] } : {}),
        ...(rng.chance(0.3) ? { publicImpact: words(rng, 5, 15) } : {}),
      },
    };
  }

  private about(): { aboutEntryId?: string } {
    return this.entries.length && this.rng.chance(0.3) ? { aboutEntryId: this.rng.pick(this.entries).id } : {};
  }

  private witness(): CaseCommand {
    const rng = this.rng;
    return {
      type: 'AddWitnessStatement',
      data: { entryId: rng.uuid(), witness: words(rng, 2, 3), statement: paragraph(rng, 2 + rng.int(5)), ...this.about() },
    };
  }

  private note(): CaseCommand {
    return { type: 'AddNote', data: { entryId: this.rng.uuid(), text: paragraph(this.rng, 1 + this.rng.int(4)), ...this.about() } };
  }

  private evidence(nowMs: number): CaseCommand {
    const rng = this.rng;
    const image = rng.chance(0.7);
    return {
      type: 'AttachEvidence',
      data: {
        evidenceId: rng.uuid(),
        sha256: rng.hex(64),
        size: 10_000 + rng.int(4_000_000),
        mediaType: image ? 'image/png' : 'application/pdf',
        fileName: `${words(rng, 1, 3).replace(/ /g, '-')}.${image ? 'png' : 'pdf'}`,
        ...(rng.chance(0.6) ? { description: words(rng, 4, 12) } : {}),
        ...this.about(),
        ...(rng.chance(0.5) ? { capturedAt: factDate(this.past(nowMs, 10)) } : {}),
      },
    };
  }

  private correction(): CaseCommand | null {
    const target = this.entries.filter((e) => e.type === 'IncidentReported' || e.type === 'NoteAdded' || e.type === 'MeetingHeld');
    if (target.length === 0) return null;
    const rng = this.rng;
    const entry = rng.pick(target);
    const field = entry.type === 'IncidentReported' ? 'description' : entry.type === 'NoteAdded' ? 'text' : 'summary';
    return {
      type: 'CorrectEntry',
      data: { entryId: rng.uuid(), targetEntryId: entry.id, changes: { [field]: paragraph(rng, 1 + rng.int(3)) }, reason: words(rng, 4, 12) },
    };
  }

  private retraction(): CaseCommand | null {
    const target = this.entries.filter((e) => e.type === 'NoteAdded' || e.type === 'WitnessStatementAdded');
    if (target.length === 0) return null;
    const rng = this.rng;
    return { type: 'RetractEntry', data: { entryId: rng.uuid(), targetEntryId: rng.pick(target).id, reason: words(rng, 4, 12) } };
  }

  private share(): CaseCommand {
    const rng = this.rng;
    return {
      type: 'ShareCase',
      data: { grantId: rng.uuid(), grantee: { kind: 'user', id: rng.uuid() }, permission: rng.pick(['read', 'contribute', 'export'] as const) },
    };
  }

  private export(nowMs: number): CaseCommand {
    const rng = this.rng;
    return {
      type: 'RecordDossierExport',
      data: { exportId: rng.uuid(), format: rng.pick(['pdf', 'bundle'] as const), asOf: new Date(nowMs).toISOString(), sha256: rng.hex(64) },
    };
  }
}

/** A small population of agents owning the cases. */
export function agents(rng: Rng, count: number): Actor[] {
  return Array.from({ length: count }, (_, i) => ({
    id: rng.uuid(),
    username: `agent-${String(i + 1).padStart(3, '0')}`,
    role: i % 10 === 9 ? 'union_rep' : 'agent',
  }));
}

/** A stored row, in the adapter's column order (stream_id ... hash). */
export type EventRow = [string, number, string, string, string, string, string, string];

export interface ShardOptions {
  seed: number;
  events: number;
  /** Cases written at the same time, their events interleaved in commit order. */
  inFlight: number;
  meanCaseSize: number;
}

export interface ShardStats {
  events: number;
  streams: number;
  closedCases: number;
  /** Commands the decider refused and that were replaced by notes (should be 0). */
  rejected: number;
}

/**
 * `events` events of cases of their own, in commit order, handed over in batches. Cases are
 * mostly tens to hundreds of events, a few of thousands; 30 % end closed.
 */
export function generateShard(options: ShardOptions, onBatch: (rows: EventRow[]) => void, batchSize = 5000): ShardStats {
  const rng = new Rng(options.seed);
  const owners = agents(rng, 40);
  const mean = options.meanCaseSize;
  const targets = new Map<CaseGenerator, number>();
  const open = (): CaseGenerator => {
    const generator = new CaseGenerator(rng, rng.uuid(), rng.pick(owners));
    targets.set(generator, Math.min(20 * mean, 5 + Math.floor(-Math.log(1 - rng.next()) * (mean - 5))));
    return generator;
  };
  const active = Array.from({ length: options.inFlight }, open);
  let nowMs = Date.UTC(2024, 0, 8, 7, 0, 0);
  const stats: ShardStats = { events: 0, streams: active.length, closedCases: 0, rejected: 0 };
  let batch: EventRow[] = [];
  while (stats.events < options.events) {
    const slot = rng.int(active.length);
    const generator = active[slot];
    nowMs += 1 + rng.int(400);
    const done = generator.events >= targets.get(generator)!;
    let sealed: SealedEvent;
    if (done && !generator.closed && rng.chance(0.3)) {
      sealed = generator.close(nowMs);
      stats.closedCases++;
    } else if (done || generator.closed) {
      stats.rejected += generator.rejected;
      targets.delete(generator);
      active[slot] = open();
      stats.streams++;
      continue;
    } else {
      sealed = generator.next(nowMs);
    }
    const r = sealed.record;
    batch.push([r.streamId, r.revision, r.eventId, r.type, sealed.dataJson, sealed.metadataJson, r.prevHash, r.hash]);
    stats.events++;
    if (batch.length >= batchSize) {
      onBatch(batch);
      batch = [];
    }
  }
  if (batch.length) onBatch(batch);
  for (const generator of active) {
    stats.rejected += generator.rejected;
    // Opened in the pool but never written to: not a stream.
    if (generator.events === 0) stats.streams--;
  }
  return stats;
}

export interface JournalFixture extends ShardStats {
  file: string;
  seconds: number;
  workers: number;
  bytes: number;
}

export interface BuildJournalOptions {
  seed?: number;
  /** Worker threads generating (each its own cases). Default: one per core. */
  workers?: number;
  inFlight?: number;
  meanCaseSize?: number;
  onProgress?: (written: number) => void;
}

const INSERT = `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

type WorkerMessage = { rows: EventRow[] } | { done: ShardStats } | { error: string };

/**
 * Writes `total` events into a new SQLite journal at `file`. The adapter creates the schema
 * (SqliteEventStore opened once); worker threads generate and seal the events (the sealing is
 * the expensive part); this thread inserts their batches as they come, through raw
 * better-sqlite3 in one transaction per batch (synchronous=OFF: set-up, not the measurement).
 * Streams of different workers interleave in commit order; each stream keeps its own order.
 */
export async function buildJournal(file: string, total: number, options: BuildJournalOptions = {}): Promise<JournalFixture> {
  const started = process.hrtime.bigint();
  await new SqliteEventStore({ file, clock: systemClock }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insert = db.prepare(INSERT);
  const flush = db.transaction((rows: EventRow[]) => {
    for (const row of rows) insert.run(row);
  });
  const workers = Math.max(1, Math.min(options.workers ?? 2, Math.ceil(total / 1000)));
  const seed = options.seed ?? 20191112;
  let written = 0;
  let lastReport = 0;
  const stats: ShardStats = { events: 0, streams: 0, closedCases: 0, rejected: 0 };
  try {
    await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        const shard: ShardOptions = {
          seed: seed + i * 7919,
          events: Math.floor(total / workers) + (i < total % workers ? 1 : 0),
          inFlight: Math.max(1, Math.round((options.inFlight ?? 64) / workers)),
          meanCaseSize: options.meanCaseSize ?? 250,
        };
        return runWorker(shard, (rows) => {
          flush(rows);
          written += rows.length;
          if (written - lastReport >= 100_000) {
            lastReport = written;
            options.onProgress?.(written);
          }
        }).then((s) => {
          stats.events += s.events;
          stats.streams += s.streams;
          stats.closedCases += s.closedCases;
          stats.rejected += s.rejected;
        });
      }),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { file, ...stats, seconds, workers, bytes: statSync(file).size };
}

/** One generating worker thread: TypeScript loaded as in the main thread (support/register.js). */
function runWorker(shard: ShardOptions, onRows: (rows: EventRow[]) => void): Promise<ShardStats> {
  const entry = join(__dirname, 'journal-worker.ts');
  const code = [`require(${JSON.stringify(join(__dirname, 'register.js'))});`, `require(${JSON.stringify(entry)});`].join('\n');
  return new Promise<ShardStats>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: shard, execArgv: [] });
    let result: ShardStats | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if ('rows' in message) onRows(message.rows);
      else if ('done' in message) result = message.done;
      else reject(new Error(`journal generator worker failed: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`journal generator worker exited with code ${code}`))));
  });
}

/** One case of `entries` entries (plus the corrections, evidence... around them), every record kept. */
export function generateCase(entries: number, seed = 4242): { records: StoredEvent[]; owner: Actor; rejected: number } {
  const rng = new Rng(seed);
  const owner = agents(rng, 1)[0];
  const generator = new CaseGenerator(rng, rng.uuid(), owner, true);
  let nowMs = Date.UTC(2024, 0, 8, 7, 0, 0);
  while (generator.entryCount < entries) {
    nowMs += 1000 + rng.int(3_600_000);
    generator.next(nowMs);
  }
  return { records: generator.records!, owner, rejected: generator.rejected };
}
