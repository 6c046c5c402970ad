import { COLORS } from '../pdf/layout';
import type { SectionContext } from './context';

/** The figures a reader wants first: how many entries, how long without access, how many letters left unanswered. */
export function drawSummary(ctx: SectionContext): void {
  const { model, m, f, layout } = ctx;
  const { figures } = model;
  const n = (value: number): string => f.number(value);

  layout.newPage();
  layout.heading1(m.sections.summary, ctx.outline);

  layout.heading2(m.figures.entriesByKind);
  if (figures.byType.length === 0) layout.paragraph(m.noEntries, { color: COLORS.muted });
  for (const row of figures.byType) layout.figure(m.entryTypes[row.type], n(row.count));
  layout.figure(m.figures.total, n(figures.entries), { bold: true });
  layout.figure(m.figures.evidence, n(figures.evidence));
  layout.figure(m.figures.corrections, n(figures.corrections));
  layout.figure(m.figures.retractions, n(figures.retractions));
  layout.figure(m.figures.late, n(figures.late));
  layout.paragraph(m.figures.retractedIncluded, { size: 8.5, color: COLORS.muted });

  layout.heading2(m.figures.outages);
  layout.figure(m.figures.cutOffs, n(figures.cutOffs));
  if (figures.ongoingCutOffs > 0) layout.figure(m.figures.ongoing, n(figures.ongoingCutOffs), { bold: true, indent: 12 });
  const total = f.durationWithTotal(figures.outageMinutes);
  layout.figure(m.figures.totalOutage, figures.ongoingCutOffs > 0 ? `${total}, ${m.figures.ongoingMark}` : total);

  layout.heading2(m.figures.requests);
  layout.figure(m.figures.sent, n(figures.requestsSent));
  layout.figure(m.figures.withReceipt, n(figures.requestsWithReceipt));
  layout.figure(m.figures.answered, n(figures.requestsAnswered));
  layout.figure(m.figures.unanswered, n(figures.requestsUnanswered), { bold: figures.requestsUnanswered > 0 });

  layout.heading2(m.figures.meetings);
  layout.figure(m.figures.meetings, n(figures.meetings));
  layout.gap(6);
  layout.paragraph(m.figures.retractedExcluded, { size: 8.5, color: COLORS.muted });
}
