import type { Role } from '@mc/domain';
import type { ProviderScorecard } from '@mc/projections';
import { Formatter } from '../format/formatter';
import { Lang, messagesFor } from '../i18n';
import { createDocument, streamDocument } from '../pdf/document';
import { dejaVuFonts } from '../pdf/fonts';
import { COLORS, Layout } from '../pdf/layout';
import { drawPageFurniture } from '../pdf/page-furniture';
import { reportMessagesFor } from './report-messages';

export interface ProviderReportInput {
  scorecard: ProviderScorecard;
  lang: Lang;
  timezone: string;
  generatedAt: Date;
  generatedBy: { username: string; role: Role; displayName?: string };
}

/**
 * The provider's written evaluation as a PDF for the executive (DEADLINES.md "Provider scorecard"):
 * the scorecard's figures, every breach with its contract clause (and, where the period spans an
 * amendment, which facts each clause applied to), every operation made without notice, and the disclaimer. Streams to `out`; equal inputs give byte-identical files.
 */
export async function renderProviderReport(input: ProviderReportInput, out: NodeJS.WritableStream): Promise<void> {
  const { scorecard: card } = input;
  const r = reportMessagesFor(input.lang);
  const f = new Formatter(messagesFor(input.lang), input.timezone);
  const period = r.period(card.from ? f.dateTime(card.from) : null, f.dateTime(card.to));
  const fonts = dejaVuFonts();
  const doc = createDocument(
    {
      title: r.title(card.providerName),
      author: input.generatedBy.displayName ?? input.generatedBy.username,
      subject: r.subject(card.providerName, period),
      creationDate: input.generatedAt,
      lang: input.lang === 'en' ? 'en-GB' : 'fr-FR',
    },
    fonts,
  );
  await streamDocument(doc, out, async () => {
    const layout = new Layout(doc, fonts);
    const outline = doc.outline;
    const minutes = (n: number) => f.durationWithTotal(n);
    layout.write(r.title(card.providerName), { font: 'bold', size: 20, color: COLORS.accent, after: 6 });
    layout.paragraph(period.charAt(0).toLocaleUpperCase() + period.slice(1), { font: 'bold' });
    layout.paragraph(r.intro);
    layout.paragraph(r.generated(f.dateTime(input.generatedAt), f.actor(input.generatedBy)), { color: COLORS.muted });
    layout.paragraph(r.scope(card.casesCounted), { color: COLORS.muted });
    layout.paragraph(r.disclaimer, { color: COLORS.muted, after: 10 });

    layout.heading1(r.sections.interruptions, outline);
    layout.figure(r.interruptions.count, f.number(card.interruptions.count), { bold: true });
    layout.figure(r.interruptions.startedBefore, f.number(card.interruptions.startedBefore), { indent: 14 });
    layout.figure(r.interruptions.ongoing, f.number(card.interruptions.ongoing), { indent: 14 });
    layout.figure(r.interruptions.total, minutes(card.interruptions.totalMinutes));
    const restore = card.interruptions.timeToRestore;
    layout.figure(r.interruptions.median, restore ? minutes(restore.median) : r.none);
    layout.figure(r.interruptions.max, restore ? minutes(restore.max) : r.none);
    const stoppedEarly = Date.parse(card.measuredUntil) <= Date.parse(card.to);
    layout.paragraph(r.periodNote(stoppedEarly ? f.dateTime(card.measuredUntil) : null), { color: COLORS.muted });

    layout.heading1(r.sections.incidents, outline);
    layout.figure(r.incidents.count, f.number(card.incidents.count), { bold: true });
    for (const [severity, n] of Object.entries(card.incidents.bySeverity))
      layout.figure(r.incidents.severities[severity] ?? severity, f.number(n), { indent: 14 });
    for (const [category, n] of Object.entries(card.incidents.byCategory))
      layout.figure(r.incidents.categories[category] ?? category, f.number(n), { indent: 14 });

    layout.heading1(r.sections.breaches, outline);
    if (card.slaBreaches.length === 0) layout.paragraph(r.noBreach, { color: COLORS.muted });
    for (const metric of card.slaBreaches) {
      // Minutes of a business-hours commitment are hours of that calendar, never calendar days.
      const businessHours = metric.calendar === 'business_hours';
      const span = (n: number) => (businessHours ? r.businessDuration(n, (v) => f.number(v)) : f.duration(n));
      const total = (n: number) => (businessHours ? r.businessDurationWithTotal(n, (v) => f.number(v)) : minutes(n));
      const notice = metric.metric === 'prior_notice';
      layout.block([
        { heading: r.metrics[metric.metric] ?? metric.metric, color: COLORS.warning },
        {
          label: '',
          value: notice ? r.noticeLine(metric.count, span(metric.target)) : r.breachLine(metric.count, total(metric.totalBreachMinutes), span(metric.target)),
        },
        { label: '', value: metric.source, style: { color: COLORS.muted } },
        // A period that spans an amendment has one block per clause: say which facts each one measures.
        ...(metric.wholePeriod
          ? []
          : [
              {
                label: '',
                value: r.clauseApplies(
                  metric.appliesFrom ? f.dateTime(metric.appliesFrom) : null,
                  metric.appliesUntil ? f.dateTime(metric.appliesUntil) : null,
                ),
                style: { color: COLORS.muted },
              },
            ]),
        ...metric.breaches.map((b) => ({
          label: '',
          value: notice
            ? r.noticeItem(f.dateTime(b.occurredAt), b.caseId.slice(0, 8))
            : r.breachItem(f.dateTime(b.occurredAt), span(b.breachMinutes), b.beganBeforePeriod === true, b.ongoingAtEnd === true, b.caseId.slice(0, 8)),
          style: { indent: 14 },
        })),
      ]);
      layout.gap(6);
    }

    layout.heading1(r.sections.withoutNotice, outline);
    if (card.withoutPriorNotice.length === 0) layout.paragraph(r.noOperation, { color: COLORS.muted });
    for (const op of card.withoutPriorNotice) {
      layout.field(
        f.dateTime(op.occurredAt),
        `${r.operations[op.kind]} — ${op.what}${op.description ? ` — ${f.quote(op.description)}` : ''} (${op.caseId.slice(0, 8)})`,
      );
    }

    layout.heading1(r.sections.requests, outline);
    layout.figure(r.requests.count, f.number(card.requests.count), { bold: true });
    layout.figure(r.requests.answered, f.number(card.requests.answered), { indent: 14 });
    layout.figure(r.requests.unanswered, f.number(card.requests.unanswered), { indent: 14 });
    const answers = card.requests.answerTime;
    layout.figure(r.requests.median, answers ? minutes(answers.median) : r.none);
    layout.figure(r.requests.max, answers ? minutes(answers.max) : r.none);

    layout.heading1(r.sections.cases, outline);
    if (card.cases.length === 0) layout.paragraph(r.none, { color: COLORS.muted });
    for (const row of card.cases) {
      layout.field(
        `${row.title} (${row.caseId.slice(0, 8)})`,
        r.caseRow(row.interruptions, f.duration(row.interruptionMinutes), row.incidents, row.breaches, row.withoutNotice, row.requests),
      );
    }

    drawPageFurniture(doc, fonts, { header: r.header(card.providerName), footer: r.footer(f.shortDateTime(input.generatedAt)), page: r.page });
  });
}
