import type { ComputedDeadline, RequestDeadlines } from '@mc/domain';
import type { BreachNotification, TimelineEntry } from '@mc/projections';
import type { Outage } from '../model/outages';
import type { RequestRecord } from '../model/requests';
import { COLORS } from '../pdf/layout';
import type { Row } from '../pdf/layout';
import type { SectionContext } from './context';

const INDENT = 14;

/** The registers a representative goes through in a meeting: letters and their answers, cut-offs and their length, meetings. */
export async function drawRegisters(ctx: SectionContext): Promise<void> {
  const { model, m, layout } = ctx;
  layout.newPage();
  const section = layout.heading1(m.sections.registers, ctx.outline);

  layout.heading2(m.sections.requests, section);
  if (model.requests.length === 0) layout.paragraph(m.registers.noRequests, { color: COLORS.muted });
  else layout.paragraph(m.registers.disclaimer, { color: COLORS.muted });
  for (const record of model.requests) {
    drawRequest(ctx, record);
    await ctx.pacer.tick();
  }

  if (model.breachNotifications.length > 0) {
    layout.heading2(m.sections.breachNotifications, section);
    for (const breach of model.breachNotifications) {
      drawBreachNotification(ctx, breach);
      await ctx.pacer.tick();
    }
  }

  layout.heading2(m.sections.outages, section);
  if (model.outages.length === 0) layout.paragraph(m.registers.noOutages, { color: COLORS.muted });
  for (const outage of model.outages) {
    drawOutage(ctx, outage);
    await ctx.pacer.tick();
  }

  layout.heading2(m.sections.meetings, section);
  if (model.meetings.length === 0) layout.paragraph(m.registers.noMeetings, { color: COLORS.muted });
  for (const meeting of model.meetings) {
    drawMeeting(ctx, meeting);
    await ctx.pacer.tick();
  }
}

function itemTitle(ctx: SectionContext, entry: TimelineEntry, text: string): Row {
  const retracted = entry.retracted !== null;
  const title = `${ctx.number(entry.entryId)} — ${text}`;
  return { heading: retracted ? `${title} — ${ctx.m.entry.retractedMark}` : title, color: retracted ? COLORS.warning : COLORS.text };
}

/** Rows indented under their title. */
function fieldsOf(rows: Row[]): (label: string, value: string, color?: string) => void {
  return (label, value, color) => {
    rows.push({ label, value, style: { indent: INDENT, color } });
  };
}

/** « n° 9 — mercredi 13 novembre 2019 à 10:00 — détail », marked when retracted. */
function linked(ctx: SectionContext, entry: TimelineEntry, details: string[]): string {
  const parts = [ctx.number(entry.entryId), ctx.f.dateTime(entry.occurredAt), ...details.filter((d) => d !== '')];
  const line = parts.join(' — ');
  return entry.retracted ? `${line} ${ctx.m.entry.retractedSuffix}` : line;
}

function drawRequest(ctx: SectionContext, record: RequestRecord): void {
  const { m, f, describe, layout, input } = ctx;
  const { request } = record;
  const d = request.data;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const rows = [itemTitle(ctx, request, text(d.subject) || m.entryTypes.WrittenRequestSent)];
  const field = fieldsOf(rows);

  field(m.registers.sentAt, `${f.dateTime(request.occurredAt)} (${describe.value(request.type, 'channel', d.channel)})`);
  field(m.registers.fromTo, `${text(d.from)} → ${text(d.to)}`);
  field(m.fields.kind!, describe.value(request.type, 'kind', d.kind));
  field(
    m.registers.receipt,
    record.receipts.length === 0 ? m.registers.noReceipt : record.receipts.map((r) => linked(ctx, r, [text(r.data.proof)])).join('\n'),
  );
  const responses = record.responses.map((r) =>
    linked(ctx, r, [
      `${describe.value(r.type, 'form', r.data.form)}, ${describe.value(r.type, 'outcome', r.data.outcome)}`,
      text(r.data.from),
      text(r.data.summary) ? f.quote(text(r.data.summary)) : '',
    ]),
  );
  if (!record.answered) responses.push(m.registers.unanswered(f.dateTime(input.asOf), record.daysWithoutAnswer ?? 0));
  field(m.registers.responses, responses.join('\n'), record.answered ? undefined : COLORS.warning);
  const deadlines = ctx.model.deadlines.get(request.entryId);
  if (deadlines) drawDeadlines(ctx, deadlines, field);
  layout.block(rows);
  layout.gap(6);
}

function drawOutage(ctx: SectionContext, outage: Outage): void {
  const { m, f, describe, layout, input } = ctx;
  const { cutOff } = outage;
  const rows = [itemTitle(ctx, cutOff, m.registers.cutOffTitle(f.dateTime(cutOff.occurredAt)))];
  const field = fieldsOf(rows);

  field(m.fields.resources!, describe.value(cutOff.type, 'resources', cutOff.data.resources));
  field(m.fields.decidedBy!, describe.value(cutOff.type, 'decidedBy', cutOff.data.decidedBy));
  field(m.fields.priorNotice!, describe.value(cutOff.type, 'priorNotice', cutOff.data.priorNotice));
  const restorations = outage.restorations.map((r) => {
    const scope =
      Array.isArray(r.data.resources) && r.data.resources.length > 0 ? describe.value(r.type, 'resources', r.data.resources) : m.registers.allRestored;
    const conditions = typeof r.data.conditions === 'string' ? f.quote(r.data.conditions) : '';
    return linked(ctx, r, [scope, conditions]);
  });
  field(m.registers.restorations, restorations.length > 0 ? restorations.join('\n') : '—');
  if (outage.ongoing) {
    field(m.registers.duration, m.registers.ongoingFor(f.dateTime(input.asOf), f.durationWithTotal(outage.minutes)), COLORS.warning);
  } else {
    field(m.registers.duration, f.durationWithTotal(outage.minutes));
  }
  const breaches = ctx.model.breaches.get(cutOff.entryId) ?? [];
  if (breaches.length > 0) {
    const lang = ctx.input.lang;
    field(m.registers.slaBreaches, breaches.map((b) => m.registers.breach(b.consequence[lang], f.dateTime(b.dueAt), b.source)).join('\n'), COLORS.warning);
  }
  // Not established (who cut access is unknown): said under the same heading, not as a breach.
  const doubts = ctx.model.doubts.get(cutOff.entryId) ?? [];
  if (doubts.length > 0) {
    const lang = ctx.input.lang;
    field(m.registers.slaBreaches, doubts.map((b) => m.registers.breach(b.consequence[lang], f.dateTime(b.dueAt), b.source)).join('\n'));
  }
  layout.block(rows);
  layout.gap(6);
}

/** « date (autre lecture possible : date) — conséquence (règle ; source) »: the later reading beside the date it qualifies. */
function deadlineLine(ctx: SectionContext, d: ComputedDeadline, date: string = ctx.f.calendarDate(d.date)): string {
  const later = d.ambiguity ? ctx.f.calendarDate(d.ambiguity.laterDate) : null;
  return ctx.m.registers.deadline(date, d.consequence[ctx.input.lang], d.ruleId, d.source, later);
}

/**
 * The request's legal deadlines: when the answer is due, its status, the next step's last day,
 * the caveats. A response stops the clock: the due date is then shown only when the response
 * came after it (the implicit decision was born, the answer was late), never as a date ahead.
 */
function drawDeadlines(ctx: SectionContext, deadlines: RequestDeadlines, field: (label: string, value: string, color?: string) => void): void {
  const { m } = ctx;
  const lang = ctx.input.lang;
  const line = (d: ComputedDeadline) => deadlineLine(ctx, d);
  const dueStillSays = deadlines.response === null || deadlines.response.late;
  if (deadlines.due && dueStillSays) field(m.registers.due, line(deadlines.due), deadlines.due.passed ? COLORS.warning : undefined);
  const late = deadlines.status === 'overdue' || deadlines.status === 'implicit_rejection' || deadlines.status === 'due_soon';
  field(m.registers.status, m.registers.statuses[deadlines.status], late ? COLORS.warning : undefined);
  if (deadlines.appeal) field(m.registers.nextStep, line(deadlines.appeal), COLORS.warning);
  // « l'autre est indiquée » only when a date shown has another reading.
  const shown = [dueStillSays ? deadlines.due : null, deadlines.appeal];
  const flags = deadlines.flags.filter((flag) => flag.code !== 'ambiguous_date' || shown.some((d) => d?.ambiguity));
  if (flags.length > 0) field(m.registers.caveats, flags.map((flag) => flag[lang]).join('\n'));
}

/** A data-protection incident: the 72 clock hours to notify the CNIL, to the minute, with rule, source and caveat. */
function drawBreachNotification(ctx: SectionContext, breach: BreachNotification): void {
  const { m, f, layout } = ctx;
  const incident = ctx.model.byId.get(breach.entryId);
  const rows: Row[] = [incident ? itemTitle(ctx, incident, breach.title) : { heading: breach.title, color: COLORS.text }];
  const field = fieldsOf(rows);
  const { deadline } = breach;
  const color = deadline.passed ? COLORS.warning : undefined;
  field(m.entry.occurredAt, f.dateTime(breach.occurredAt));
  field(m.registers.notificationDue, deadlineLine(ctx, deadline, f.dateTime(deadline.at)), color);
  field(m.registers.status, deadline.passed ? m.registers.breachStatuses.passed : m.registers.breachStatuses.running, color);
  if (deadline.flags.length > 0) field(m.registers.caveats, deadline.flags.map((flag) => flag[ctx.input.lang]).join('\n'));
  layout.block(rows);
  layout.gap(6);
}

function drawMeeting(ctx: SectionContext, meeting: TimelineEntry): void {
  const { m, f, describe, layout } = ctx;
  const rows = [itemTitle(ctx, meeting, m.registers.meetingTitle(f.dateTime(meeting.occurredAt)))];
  const field = fieldsOf(rows);
  for (const line of describe.fields(meeting)) field(line.label, line.value);
  layout.block(rows);
  layout.gap(6);
}
