/**
 * Errors beyond those of the port (event-store.port.ts).
 */

/** An eventId already stored, reused by an append that is not an exact retry of the one that stored it. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Stream ${streamId}: event id ${eventId} is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}
