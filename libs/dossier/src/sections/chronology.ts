import type { TimelineEntry } from '@mc/projections';
import { hasFactDate } from '../model/fact-date';
import { COLORS } from '../pdf/layout';
import type { Row } from '../pdf/layout';
import type { SectionContext } from './context';

const INDENT = 14;
const NESTED = { indent: INDENT * 2, labelWidth: 114 };
const NOTE_STYLE = { font: 'bold', size: 8.5, indent: INDENT, after: 2 } as const;

/**
 * Every entry in the order the facts happened, with both dates, its author, its content and its
 * history; a heading and a bookmark for each month, to find one's way in a long case.
 */
export async function drawChronology(ctx: SectionContext): Promise<void> {
  const { model, m, f, layout } = ctx;
  layout.newPage();
  const section = layout.heading1(m.sections.chronology, ctx.outline);
  if (model.entries.length === 0) layout.paragraph(m.noEntries, { color: COLORS.muted });
  let month = '';
  for (const entry of model.entries) {
    const entryMonth = f.month(entry.occurredAt);
    if (entryMonth !== month) {
      month = entryMonth;
      layout.heading2(month, section);
    }
    layout.block(entryRows(ctx, entry));
    layout.gap(4);
    layout.rule();
    layout.gap(6);
    await ctx.pacer.tick();
  }
}

function entryRows(ctx: SectionContext, entry: TimelineEntry): Row[] {
  const { model, m, f, describe } = ctx;
  const retracted = entry.retracted !== null;
  const color = retracted ? COLORS.muted : COLORS.text;
  const rows: Row[] = [];
  const field = (label: string, value: string, mono = false): void => {
    rows.push({ label, value, style: { indent: INDENT, color, mono } });
  };

  const title = `${ctx.number(entry.entryId)} — ${describe.headline(entry)}`;
  rows.push({
    heading: retracted ? `${title} — ${m.entry.retractedMark}` : title,
    color: retracted ? COLORS.warning : COLORS.text,
    note: m.revision(String(entry.revision)),
  });

  if (hasFactDate(entry)) field(entry.type === 'EvidenceAttached' ? m.evidence.capturedAt : m.entry.occurredAt, f.dateTime(entry.occurredAt));
  field(m.entry.recordedAt, m.entry.recordedBy(f.dateTime(entry.recordedAt), f.actor(entry.actor)));
  if (entry.lateBy) rows.push({ text: m.entry.late(entry.lateBy.days), style: { ...NOTE_STYLE, color: COLORS.warning } });

  for (const line of describe.fields(entry)) field(line.label, line.value, line.mono);

  const evidence = entry.evidence.map((id) => model.evidenceById.get(id)).filter((e) => e !== undefined);
  if (evidence.length > 0) field(m.entry.evidence, evidence.map((e) => `${m.evidenceNo(e.number)} ${e.fileName}`).join(m.listSeparator));
  const related: Array<[string, string[]]> = [
    [m.entry.restorations, entry.related.restorations],
    [m.entry.receipts, entry.related.receipts],
    [m.entry.responses, entry.related.responses],
    [m.entry.notes, entry.related.notes],
    [m.entry.statements, entry.related.statements],
  ];
  // A cited entry that was retracted says so, as the entry itself does.
  const cited = (id: string): string => (model.byId.get(id)?.retracted ? `${ctx.number(id)} ${m.entry.retractedSuffix}` : ctx.number(id));
  for (const [label, ids] of related) if (ids.length > 0) field(label, ids.map(cited).join(', '));

  for (const { correction, changes } of describe.corrections(entry)) {
    const text = m.entry.correction(f.dateTime(correction.recordedAt), f.actor(correction.actor), m.revision(String(correction.revision)));
    rows.push({ text, style: { ...NOTE_STYLE, color: COLORS.accent } });
    rows.push({ label: m.entry.reason, value: f.quote(correction.reason), style: NESTED });
    for (const change of changes) rows.push({ label: change.label, value: change.value, style: NESTED });
  }

  if (entry.retracted) {
    const { retracted: r } = entry;
    rows.push({
      text: m.entry.retracted(f.dateTime(r.recordedAt), f.actor(r.actor), m.revision(String(r.revision))),
      style: { ...NOTE_STYLE, color: COLORS.warning },
    });
    rows.push({ label: m.entry.reason, value: f.quote(r.reason), style: NESTED });
  }
  return rows;
}
