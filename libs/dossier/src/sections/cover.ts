import { COLORS } from '../pdf/layout';
import type { SectionContext } from './context';

/** First page: what the case is, who is involved, what period it covers, as of when, and how to check it. */
export function drawCover(ctx: SectionContext): void {
  const { input, model, m, f, layout } = ctx;
  const { summary } = model;
  const opener = input.records[0]!.metadata.actor;
  const field = (label: string, value: string, style: { mono?: boolean; color?: string } = {}): void =>
    layout.field(label, value, { labelWidth: 150, ...style });

  ctx.outline.addItem(m.sections.cover, { fit: true });
  layout.gap(40);
  layout.write(m.dossierTitle.toUpperCase(), { font: 'bold', size: 10, color: COLORS.muted, after: 10 });
  layout.write(summary.title, { font: 'bold', size: 20, color: COLORS.accent, after: 8 });
  if (summary.summary) layout.paragraph(summary.summary, { size: 10.5, after: 10 });
  layout.rule(COLORS.accent, 1.2);
  layout.gap(14);

  if (summary.service) field(m.cover.service, summary.service);
  if (summary.organisation) field(m.cover.organisation, summary.organisation);
  field(m.cover.openedBy, m.cover.openedOn(f.actor(opener), f.dateTime(summary.openedAt)));
  const provider = input.providerName ?? summary.providerId;
  if (provider) field(m.cover.provider, provider);
  field(m.cover.status, m.status[summary.status]);
  field(m.cover.period, model.period ? m.cover.periodRange(f.dateTime(model.period.from), f.dateTime(model.period.to)) : m.cover.noFacts);
  layout.gap(10);

  // To the second, with the instant as the bundle's manifest gives it: dossiers as of different instants never read alike.
  field(m.cover.asOf, `${f.instant(input.asOf)} (${input.asOf})`, { color: COLORS.accent });
  field(m.cover.generated, m.cover.generatedBy(f.instant(input.generatedAt), f.actor(input.generatedBy)));
  field(m.cover.head, m.revision(String(summary.revision)));
  field(m.cover.headHash, summary.headHash, { mono: true });
  field(m.cover.key, input.signingKeyFingerprint, { mono: true });
  layout.gap(14);
  layout.paragraph(m.cover.timezone(f.timeZone), { size: 8.5, color: COLORS.muted });
  layout.paragraph(m.cover.caseId(summary.id), { size: 8.5, color: COLORS.muted });
  layout.paragraph(m.cover.glyphs, { size: 8.5, color: COLORS.muted });
}
