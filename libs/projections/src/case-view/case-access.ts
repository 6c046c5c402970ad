import { foldCase, type Actor, type GrantState, type Grantee, type RecordedCaseEvent } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { instantOf, parseBound, recordedBy } from './case-stream';

/** A grant as the case state folds it (GrantState), with its id and the reason of its revocation. */
export interface GrantView extends Omit<GrantState, 'revocationReason'> {
  grantId: string;
  reason?: string;
}

/** Every grant of a case as the journal held it at `asOf` (default: now), oldest first: the case fold's own grants. */
export function grantsOf(records: readonly StoredEvent[], asOf?: string): GrantView[] {
  const state = foldCase(recordedBy(records, parseBound('asOf', asOf)) as unknown as RecordedCaseEvent[]);
  return [...state.grants].map(([grantId, { revocationReason, ...grant }]) => ({
    grantId,
    ...grant,
    ...(revocationReason !== undefined ? { reason: revocationReason } : {}),
  }));
}

/** Who could see a case on a date: its owner and the grants active then. */
export interface AccessOnDate {
  caseId: string;
  asOf: string;
  owner: Actor | null;
  grants: GrantView[];
}

export function accessOnDate(caseId: string, records: readonly StoredEvent[], asOf: string): AccessOnDate {
  const opened = recordedBy(records, parseBound('asOf', asOf)).find((r) => r.type === 'CaseOpened');
  return { caseId, asOf, owner: opened?.metadata.actor ?? null, grants: grantsOf(records, asOf).filter((g) => g.active) };
}

export type AuditAction = 'read' | 'export' | 'share' | 'revoke';

export interface AuditEntry {
  at: string;
  actor: Actor;
  action: AuditAction;
  /** read: what was read (timeline, evidence...); export: pdf or bundle; share/revoke: the permission. */
  what: string;
  detail?: string;
  grantee?: Grantee;
}

/**
 * The owner's view of who did what with their case: reads by others (audit stream), exports,
 * grants and revocations (case stream), newest first.
 */
export function auditTrail(caseRecords: readonly StoredEvent[], auditRecords: readonly StoredEvent[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const permissionOf = new Map<string, { permission: string; grantee: Grantee }>();
  for (const r of caseRecords) {
    const base = { at: r.metadata.recordedAt, actor: r.metadata.actor };
    if (r.type === 'DossierExported') {
      const d = r.data as { format: string; asOf: string; sha256: string; purpose?: string };
      entries.push({ ...base, action: 'export', what: d.format, detail: `asOf ${d.asOf} sha256 ${d.sha256}${d.purpose ? ` — ${d.purpose}` : ''}` });
    } else if (r.type === 'CaseShared') {
      const d = r.data as { grantId: string; grantee: Grantee; permission: string };
      permissionOf.set(d.grantId, d);
      entries.push({ ...base, action: 'share', what: d.permission, grantee: d.grantee, detail: d.grantId });
    } else if (r.type === 'CaseAccessRevoked') {
      const d = r.data as { grantId: string; reason?: string };
      const grant = permissionOf.get(d.grantId);
      entries.push({ ...base, action: 'revoke', what: grant?.permission ?? '', ...(grant ? { grantee: grant.grantee } : {}), detail: d.reason ?? d.grantId });
    }
  }
  for (const r of auditRecords) {
    if (r.type !== 'CaseContentRead') continue;
    const d = r.data as { what: string; detail?: string };
    entries.push({ at: r.metadata.recordedAt, actor: r.metadata.actor, action: 'read', what: d.what, ...(d.detail ? { detail: d.detail } : {}) });
  }
  return entries.sort((a, b) => instantOf(b.at) - instantOf(a.at));
}
