/**
 * Stable codes for everything the domain can refuse. No HTTP status here: the edge maps codes
 * to statuses (see the API's exception filter).
 */
export type DomainErrorCode =
  | 'INVALID_INPUT' // a field is malformed or out of range (the edge answers 400)
  | 'RULE_VIOLATED' // a business rule refuses an otherwise well-formed command (422)
  | 'NOT_FOUND' // the case or entry named in the path does not exist (404)
  | 'CASE_CLOSED' // nothing but a reopen is written to a closed case (409)
  | 'STATE_CONFLICT' // the command does not fit the current state, e.g. opening twice (409)
  | 'REVISION_CONFLICT' // optimistic concurrency: the stream moved on (409)
  | 'FORBIDDEN' // the actor may see the case but not do this (403)
  | 'MEDIA_TYPE_REFUSED' // a file kind the journal does not keep, e.g. an executable (415)
  | 'TOO_MANY_ATTEMPTS'; // too many tries in a short time, e.g. password guessing (429)

export interface FieldProblem {
  field: string;
  /** French sentence naming the field. */
  fr: string;
  /** English sentence naming the field. */
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly problems: FieldProblem[],
  ) {
    super(problems.map((p) => p.en).join(' '));
    this.name = 'DomainError';
  }

  static of(code: DomainErrorCode, field: string, fr: string, en: string): DomainError {
    return new DomainError(code, [{ field, fr, en }]);
  }
}
