import type { StoredEvent } from '@mc/event-store/event-store.port';
import { COLORS } from '../pdf/layout';
import type { SectionContext } from './context';

/**
 * How anyone can check this dossier without our software (through the bundle it is part of, or, for a
 * PDF exported on its own, through the export event that recorded its digest), and who was given access to the case.
 */
export function drawIntegrity(ctx: SectionContext): void {
  const { model, m, f, layout, input } = ctx;
  const { summary } = model;
  layout.newPage();
  const section = layout.heading1(m.sections.integrity, ctx.outline);

  const proof = input.inBundle
    ? { intro: m.integrity.intro, steps: m.integrity.steps, readme: m.integrity.readme }
    : { ...m.integrity.standalone, steps: m.integrity.standalone.steps(input.asOf) };
  layout.paragraph(proof.intro, { after: 8 });
  proof.steps.forEach((step, index) => {
    layout.ensureSpace(40);
    layout.paragraph(`${index + 1}. ${step.text}`, { indent: 8, after: 2 });
    if (step.command) layout.paragraph(step.command, { font: 'mono', size: 7.5, color: COLORS.accent, indent: 22, after: 5 });
  });
  layout.gap(4);
  layout.paragraph(proof.readme, { color: COLORS.muted, after: 12 });

  const stacked = (label: string, value: string, mono: boolean): void => {
    layout.ensureSpace(36);
    layout.write(label, { font: 'bold', size: 8.5, color: COLORS.muted, after: 1 });
    layout.write(value, { font: mono ? 'mono' : 'regular', size: mono ? 9 : 9.5, after: 8 });
  };
  stacked(m.integrity.revisions, m.integrity.events(f.number(summary.revision + 1), String(summary.revision)), false);
  stacked(m.integrity.headHash(String(summary.revision)), summary.headHash, true);
  stacked(m.integrity.key, input.signingKeyFingerprint, true);

  layout.heading2(m.sections.custody, section);
  if (model.custody.length === 0) layout.paragraph(m.integrity.noCustody, { color: COLORS.muted });
  for (const record of model.custody) {
    layout.field(
      f.shortDateTime(record.metadata.recordedAt),
      `${custodyText(ctx, record)} — ${f.actor(record.metadata.actor)} (${m.revision(String(record.revision))})`,
      {
        labelWidth: 90,
      },
    );
  }
}

function custodyText(ctx: SectionContext, record: StoredEvent): string {
  const { m, f } = ctx;
  const d = record.data;
  const label = (table: Record<string, string>, value: unknown): string => (typeof value === 'string' ? (table[value] ?? value) : '—');
  switch (record.type) {
    case 'CaseShared':
      return m.integrity.shared(granteeText(ctx, d.grantee), label(m.permissions, d.permission));
    case 'CaseAccessRevoked': {
      const reason = typeof d.reason === 'string' ? ` — ${f.quote(d.reason)}` : '';
      return `${m.integrity.revoked(String(d.grantId ?? ''))}${reason}`;
    }
    case 'DossierExported':
      return m.integrity.exported(label(m.exportFormats, d.format), typeof d.asOf === 'string' ? f.instant(d.asOf) : '—');
    default:
      return record.type;
  }
}

function granteeText(ctx: SectionContext, grantee: unknown): string {
  const { grantee: g } = ctx.m.integrity;
  const { kind, id } = (grantee ?? {}) as { kind?: unknown; id?: unknown };
  const name = typeof id === 'string' ? id : '';
  if (kind === 'user') return g.user(name);
  if (name === 'management') return g.management;
  if (name.startsWith('union:')) return g.union(name.slice('union:'.length));
  return g.group(name);
}
