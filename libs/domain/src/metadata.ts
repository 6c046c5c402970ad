import type { Actor } from './actor';

/** Metadata of every stored event (EVENTS.md). `recordedAt` is stamped by the store, never by a client. */
export interface EventMetadata {
  schemaVersion: number;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
}
