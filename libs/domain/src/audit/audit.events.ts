/**
 * Stream `audit-<caseUuid>`: who read a case they do not own, and what. Reads are kept apart from
 * the case stream so that reading never changes the case's revisions or its exported chain, yet
 * they are hash-chained, immutable and verified like every other stream.
 */
export const AUDIT_SCHEMA_VERSION = 1;

export const READ_PURPOSES = ['summary', 'timeline', 'events', 'changes', 'requests', 'outages', 'evidence', 'deadlines', 'scorecard', 'access'] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

export interface CaseContentReadData {
  caseId: string;
  what: ReadPurpose;
  /** What exactly: an evidence id, an as-of date, a period. */
  detail?: string;
}

export type AuditEvent = { type: 'CaseContentRead'; data: CaseContentReadData };

export const auditStream = (caseId: string): string => `audit-${caseId}`;
