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
  /** As recorded, for machines; the fields below say the same for people. */
  detail?: string;
  grantee?: Grantee;
  /** export, or a read as of a date: the recording date the case was read or exported as of. */
  asOf?: string;
  /** a timeline read as of a date: `recorded` or `occurred`. */
  basis?: string;
  /** export: the fingerprint of the file handed out, and why it was made when the person said so. */
  sha256?: string;
  purpose?: string;
  /** a downloaded attachment. */
  evidenceId?: string;
  fileName?: string;
  /** a read of the changes between two dates, or of a provider's scorecard over a period. */
  from?: string;
  to?: string;
  providerId?: string;
  /** revoke: why, as the owner wrote it. */
  reason?: string;
}

/**
 * The fields a read's detail holds, as apps/api writes it: `<asOf>` (summary, events, requests,
 * outages), `<basis> <asOf>` (timeline), `<evidenceId> <fileName>` (evidence), `<from>/<to>`
 * (changes), `<providerId> <from>/<to>` (scorecard). Anything else stays in `detail` alone.
 */
export function readDetailFields(what: string, detail: string | undefined): Partial<AuditEntry> {
  if (!detail) return {};
  const split = (text: string): [string, string] => {
    const at = text.indexOf(' ');
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
  };
  const period = (text: string): Partial<AuditEntry> => {
    const [from, to] = text.split('/');
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  };
  switch (what) {
    case 'summary':
    case 'events':
    case 'requests':
    case 'outages':
      return { asOf: detail };
    case 'timeline': {
      const [basis, asOf] = split(detail);
      return asOf ? { basis, asOf } : { asOf: basis };
    }
    case 'evidence': {
      const [evidenceId, fileName] = split(detail);
      return { evidenceId, ...(fileName ? { fileName } : {}) };
    }
    case 'changes':
      return period(detail);
    case 'scorecard': {
      const [providerId, rest] = split(detail);
      return { providerId, ...period(rest) };
    }
    default:
      return {};
  }
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
      entries.push({
        ...base,
        action: 'export',
        what: d.format,
        detail: `asOf ${d.asOf} sha256 ${d.sha256}${d.purpose ? ` — ${d.purpose}` : ''}`,
        asOf: d.asOf,
        sha256: d.sha256,
        ...(d.purpose ? { purpose: d.purpose } : {}),
      });
    } else if (r.type === 'CaseShared') {
      const d = r.data as { grantId: string; grantee: Grantee; permission: string };
      permissionOf.set(d.grantId, d);
      entries.push({ ...base, action: 'share', what: d.permission, grantee: d.grantee, detail: d.grantId });
    } else if (r.type === 'CaseAccessRevoked') {
      const d = r.data as { grantId: string; reason?: string };
      const grant = permissionOf.get(d.grantId);
      entries.push({
        ...base,
        action: 'revoke',
        what: grant?.permission ?? '',
        ...(grant ? { grantee: grant.grantee } : {}),
        detail: d.reason ?? d.grantId,
        ...(d.reason ? { reason: d.reason } : {}),
      });
    }
  }
  for (const r of auditRecords) {
    if (r.type !== 'CaseContentRead') continue;
    const d = r.data as { what: string; detail?: string };
    entries.push({
      at: r.metadata.recordedAt,
      actor: r.metadata.actor,
      action: 'read',
      what: d.what,
      ...(d.detail ? { detail: d.detail } : {}),
      ...readDetailFields(d.what, d.detail),
    });
  }
  return entries.sort((a, b) => instantOf(b.at) - instantOf(a.at));
}
