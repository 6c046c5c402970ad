import type {
  RequestKind,
  RequestReceiptConfirmedData,
  ResponseForm,
  ResponseOutcome,
  ResponseReceivedData,
  WrittenRequestSentData,
} from '../case/case.events';
import {
  HolidayOptions,
  InstantInput,
  ParisDate,
  addParisDays,
  compareParisDates,
  formatInstant,
  formatParisDateLong,
  sameParisDate,
  startOfParisDay,
  toEpochMs,
  toParisDate,
} from './calendar';
import { ComputedDeadline, DeadlineFlag, DeadlineTrigger, computedDeadline, covidFlag, triggerAt } from './computed-deadline';
import { delaiFranc, monthsPeriod, sameDateWithWeekendExtension } from './periods';
import { RULE_SET_ID, RuleId, RuleSetId, deadlineRule, requestRuleId } from './rule-set';

/**
 * The request register's arithmetic (DEADLINES.md): for one WrittenRequestSent and the
 * receipts and responses filed about it, which rule applies, when an answer was due, what the
 * silence meant, and until when it could be challenged. Corrections and retractions are the
 * caller's business: pass the entries as they stand.
 */

export type RequestStatus = 'awaiting' | 'due_soon' | 'overdue' | 'implicit_rejection' | 'answered' | 'refused' | 'no_deadline';

export const DUE_SOON_DAYS = 7;

export interface RequestDeadlineOptions extends HolidayOptions {
  /**
   * `due_soon` starts at 00:00 Paris this many calendar days before the date shown; 7 by
   * default. Counted from the date, not the instant, so that two deadlines showing the same
   * date (00:00 for an implicit decision, 24:00 for a last day) are due soon from the same moment.
   */
  dueSoonDays?: number;
}

export interface RequestDeadlines {
  readonly ruleSet: RuleSetId;
  readonly requestEntryId: string;
  readonly kind: RequestKind;
  /** The rule giving the answer its deadline, or null (provider tickets, other requests). */
  readonly ruleId: 'silence-agent-request' | 'cada-document-request' | 'gdpr-rights-request' | null;
  readonly status: RequestStatus;
  /** False when no receipt was filed: the sending date is used and flagged "date de réception non établie". */
  readonly receiptKnown: boolean;
  readonly trigger: DeadlineTrigger;
  /** When the answer is due: the birth of the implicit decision (silence rules) or the last day to answer (GDPR). */
  readonly due: ComputedDeadline | null;
  /** The day the implicit rejection (or implicit refusal to communicate) was born, once it is. */
  readonly implicitRejectionBornOn: ParisDate | null;
  /**
   * The next step's last day: seize the administrative court (`appeal-after-rejection`) or the
   * CADA (`cada-referral`). Computed ahead while the silence runs (what it will be if nobody
   * answers), from the refusal once there is one; null once answered.
   */
  readonly appeal: ComputedDeadline | null;
  /** The response that stopped the clock (any outcome but `acknowledged`), if it came by `now`. */
  readonly response: {
    readonly entryId: string;
    readonly receivedAt: string;
    readonly outcome: Exclude<ResponseOutcome, 'acknowledged'>;
    readonly form: ResponseForm;
    /** It came once the answer was due (after the implicit decision was born, or the GDPR month). */
    readonly late: boolean;
  } | null;
  readonly flags: readonly DeadlineFlag[];
}

function monthsOf(ruleId: RuleId): number {
  const computation = deadlineRule(ruleId).computation;
  if ('months' in computation) return computation.months;
  throw new Error(`Rule ${ruleId} is not counted in months`);
}

const laterDateReason = (kind: 'silence' | 'franc' | 'referral', later: ParisDate) => {
  const fr = formatParisDateLong(later, 'fr');
  const en = formatParisDateLong(later, 'en');
  switch (kind) {
    case 'silence':
      return {
        fr: `Le texte ne dit pas si la décision naît le jour de même quantième ou le lendemain ; selon la lecture la plus tardive, elle naîtrait le ${fr}. La date la plus tôt est retenue.`,
        en: `The text does not say whether the decision is born on the same date or the day after; on the later reading it would be born on ${en}. The earlier date is used.`,
      };
    case 'franc':
      return {
        fr: `Si l'on ne compte pas non plus le jour de l'échéance (ou si la décision attaquée est née un jour plus tard), le dernier jour serait le ${fr}. La date la plus tôt est retenue.`,
        en: `If the day of expiry is left out too (or the decision challenged was born one day later), the last day would be ${en}. The earlier date is used.`,
      };
    case 'referral':
      return {
        fr: `Compté depuis l'autre date possible du refus, le dernier jour serait le ${fr}. La date la plus tôt est retenue.`,
        en: `Counted from the other possible date of the refusal, the last day would be ${en}. The earlier date is used.`,
      };
  }
};

/**
 * The birth of an implicit decision after the silence of the rule (2 months for
 * `silence-agent-request`, 1 month for `cada-document-request`), date to same date; the
 * decision holds from 00:00 Paris time of that day. The day after is the other reading, flagged.
 */
export function implicitDecisionDeadline(
  ruleId: 'silence-agent-request' | 'cada-document-request',
  trigger: DeadlineTrigger,
  now: InstantInput | null = null,
): ComputedDeadline {
  const period = monthsPeriod(trigger.date, monthsOf(ruleId), { oneDayAmbiguity: true });
  const laterDate = period.laterDate;
  return computedDeadline(
    ruleId,
    {
      trigger,
      date: period.date,
      at: startOfParisDay(period.date),
      nominalDate: period.date,
      extendedOver: [],
      ambiguity: laterDate ? { laterDate, laterAt: startOfParisDay(laterDate), reason: laterDateReason('silence', laterDate) } : null,
    },
    now === null ? null : toEpochMs(now, 'now'),
  );
}

/**
 * The last day to seize the administrative court (`appeal-after-rejection`): délai franc of
 * two months from the rejection, carried over Saturdays, Sundays and holidays. `laterTrigger`
 * is the other possible date of the rejection (an implicit decision born one day later): the
 * latest reading is reported as the ambiguity, the earliest is the date.
 */
export function appealDeadline(
  trigger: DeadlineTrigger,
  now: InstantInput | null = null,
  options: HolidayOptions = {},
  laterTrigger?: ParisDate,
): ComputedDeadline {
  const months = monthsOf('appeal-after-rejection');
  const franc = delaiFranc(trigger.date, months, options);
  let later = franc.later;
  if (laterTrigger) {
    const other = delaiFranc(laterTrigger, months, options).later;
    if (compareParisDates(other.lastDay, later.lastDay) > 0) later = other;
  }
  const ambiguous = compareParisDates(later.lastDay, franc.lastDay) > 0;
  return computedDeadline(
    'appeal-after-rejection',
    {
      trigger,
      date: franc.lastDay,
      at: franc.endsAt,
      nominalDate: franc.nominalLastDay,
      extendedOver: franc.extendedOver,
      ambiguity: ambiguous ? { laterDate: later.lastDay, laterAt: later.endsAt, reason: laterDateReason('franc', later.lastDay) } : null,
    },
    now === null ? null : toEpochMs(now, 'now'),
  );
}

/** The last day to seize the CADA (`cada-referral`): two months, same date, carried over Saturdays, Sundays and holidays. */
export function cadaReferralDeadline(
  trigger: DeadlineTrigger,
  now: InstantInput | null = null,
  options: HolidayOptions = {},
  laterTrigger?: ParisDate,
): ComputedDeadline {
  const months = monthsOf('cada-referral');
  const period = sameDateWithWeekendExtension(trigger.date, months, options);
  const other = laterTrigger ? sameDateWithWeekendExtension(laterTrigger, months, options) : null;
  const ambiguous = other !== null && compareParisDates(other.lastDay, period.lastDay) > 0;
  return computedDeadline(
    'cada-referral',
    {
      trigger,
      date: period.lastDay,
      at: period.endsAt,
      nominalDate: period.nominalLastDay,
      extendedOver: period.extendedOver,
      ambiguity: other && ambiguous ? { laterDate: other.lastDay, laterAt: other.endsAt, reason: laterDateReason('referral', other.lastDay) } : null,
    },
    now === null ? null : toEpochMs(now, 'now'),
  );
}

/** The last day to answer a GDPR rights request: one month, same date, carried over Saturdays, Sundays and holidays, 24:00. */
export function gdprRightsDeadline(trigger: DeadlineTrigger, now: InstantInput | null = null, options: HolidayOptions = {}): ComputedDeadline {
  const period = sameDateWithWeekendExtension(trigger.date, monthsOf('gdpr-rights-request'), options);
  return computedDeadline(
    'gdpr-rights-request',
    { trigger, date: period.lastDay, at: period.endsAt, nominalDate: period.nominalLastDay, extendedOver: period.extendedOver, ambiguity: null },
    now === null ? null : toEpochMs(now, 'now'),
  );
}

const FLAGS = {
  receiptUnknown: {
    code: 'receipt_date_unknown',
    fr: "Date de réception non établie : les délais sont comptés depuis la date d'envoi (ils peuvent en réalité finir plus tard).",
    en: 'Date of receipt not established: periods are counted from the sending date (they may in fact end later).',
  },
  severalReceipts: {
    code: 'several_receipt_dates',
    fr: 'Plusieurs dates de réception ont été consignées : la plus ancienne est retenue.',
    en: 'Several dates of receipt were recorded: the earliest is used.',
  },
  ambiguous: {
    code: 'ambiguous_date',
    fr: "Le droit laisse un doute d'un jour sur au moins une date : la date la plus tôt est retenue et l'autre est indiquée.",
    en: 'The law leaves a one-day doubt on at least one date: the earlier date is used and the other one is shown.',
  },
  oral: {
    code: 'oral_response',
    fr: 'Réponse orale : une décision non écrite et non notifiée ne fait en principe pas courir le délai de recours ; la date la plus tôt est tout de même affichée.',
    en: 'Oral answer: a decision that was neither written nor notified does not normally start the appeal period; the earlier date is shown anyway.',
  },
  partial: {
    code: 'partial_answer',
    fr: 'Réponse partielle : elle arrête le décompte, mais la demande reste en partie sans réponse.',
    en: 'Partial answer: it stops the clock, but part of the request is still unanswered.',
  },
  restarted: {
    code: 'appeal_restarted_by_refusal',
    fr: 'Refus explicite reçu dans le délai de recours contre la décision implicite : le délai court à nouveau depuis ce refus (CJA R421-2).',
    en: 'Explicit refusal received within the appeal period against the implicit rejection: the period runs again from that refusal (CJA R421-2).',
  },
  confirmative: {
    code: 'confirmative_refusal',
    fr: "Refus explicite reçu après l'expiration du délai de recours contre la décision implicite : simple confirmation, il ne rouvre en principe pas le délai.",
    en: 'Explicit refusal received after the appeal period against the implicit rejection had ended: a mere confirmation, it does not normally reopen the period.',
  },
  afterImplicitRefusal: {
    code: 'refusal_after_implicit_refusal',
    fr: 'Refus explicite reçu après le refus implicite : le délai de saisine de la CADA est compté depuis le refus implicite (date la plus tôt) ; compté depuis le refus explicite, il finirait plus tard.',
    en: 'Explicit refusal received after the implicit refusal: the CADA referral period is counted from the implicit refusal (earlier date); counted from the explicit refusal it would end later.',
  },
} as const satisfies Record<string, DeadlineFlag>;

/**
 * An answer that came on the day the implicit decision is born on the earlier reading, but
 * before it is born on the later one: late only on the earlier reading. The earlier date stays
 * the one used for the union's own deadlines; only the "late" qualification is in doubt.
 */
function lateOnEarlierReadingOnly(bornOn: ParisDate, laterBornOn: ParisDate): DeadlineFlag {
  return {
    code: 'late_depends_on_reading',
    fr: `Réponse reçue après la naissance de la décision implicite selon la lecture la plus tôt (le ${formatParisDateLong(bornOn, 'fr')}), mais avant selon la lecture la plus tardive (le ${formatParisDateLong(laterBornOn, 'fr')}) : son retard dépend de la lecture retenue.`,
    en: `Answer received after the implicit decision was born on the earlier reading (${formatParisDateLong(bornOn, 'en')}), but before it on the later reading (${formatParisDateLong(laterBornOn, 'en')}): whether it was late depends on the reading.`,
  };
}

function timeStatus(nowMs: number, due: ComputedDeadline, dueSoonDays: number, elapsed: 'overdue' | 'implicit_rejection'): RequestStatus {
  if (nowMs >= toEpochMs(due.at)) return elapsed;
  if (nowMs >= toEpochMs(startOfParisDay(addParisDays(due.date, -dueSoonDays)))) return 'due_soon';
  return 'awaiting';
}

/**
 * The deadlines of one written request as of `now` (rule set `fr-2026`). Receipts and responses
 * of other requests are ignored, and so are responses received after `now` (as-of views).
 * A response stops the clock unless its outcome is `acknowledged`.
 */
export function computeRequestDeadlines(
  request: WrittenRequestSentData,
  receipts: readonly RequestReceiptConfirmedData[],
  responses: readonly ResponseReceivedData[],
  now: InstantInput,
  options: RequestDeadlineOptions = {},
): RequestDeadlines {
  const nowMs = toEpochMs(now, 'now');
  const holidays: HolidayOptions = { alsaceMoselle: options.alsaceMoselle === true };
  const dueSoonDays = options.dueSoonDays ?? DUE_SOON_DAYS;
  const flags: DeadlineFlag[] = [];

  const ownReceipts = receipts
    .filter((r) => r.requestEntryId === request.entryId)
    .map((r) => ({ ms: toEpochMs(r.receivedAt, 'receivedAt'), r }))
    .sort((a, b) => a.ms - b.ms);
  const receiptKnown = ownReceipts.length > 0;
  const trigger = receiptKnown ? triggerAt('receipt', ownReceipts[0].ms) : triggerAt('sent_at', request.sentAt);
  const ruleId = requestRuleId(request.kind);
  if (ruleId !== null && !receiptKnown) flags.push(FLAGS.receiptUnknown);
  if (ruleId !== null && ownReceipts.some((x) => !sameParisDate(toParisDate(x.ms), trigger.date))) flags.push(FLAGS.severalReceipts);

  const known = responses
    .filter((r) => r.requestEntryId === request.entryId)
    .map((r) => ({ ms: toEpochMs(r.receivedAt, 'receivedAt'), r }))
    .filter((x) => x.ms <= nowMs)
    .sort((a, b) => a.ms - b.ms);
  const closingEntry = known.find((x) => x.r.outcome !== 'acknowledged');
  const closing = closingEntry ? { ms: closingEntry.ms, r: closingEntry.r, outcome: closingEntry.r.outcome as Exclude<ResponseOutcome, 'acknowledged'> } : null;
  if (closing?.r.form === 'oral') flags.push(FLAGS.oral);
  if (closing?.outcome === 'partial') flags.push(FLAGS.partial);

  let status: RequestStatus;
  let due: ComputedDeadline | null = null;
  let appeal: ComputedDeadline | null = null;
  let bornOn: ParisDate | null = null;
  let late = false;

  if (ruleId === null) {
    status = closing ? (closing.outcome === 'refused' ? 'refused' : 'answered') : 'no_deadline';
  } else if (ruleId === 'gdpr-rights-request') {
    due = gdprRightsDeadline(trigger, nowMs, holidays);
    if (closing) {
      status = closing.outcome === 'refused' ? 'refused' : 'answered';
      late = closing.ms >= toEpochMs(due.at);
    } else {
      status = timeStatus(nowMs, due, dueSoonDays, 'overdue');
    }
  } else {
    due = implicitDecisionDeadline(ruleId, trigger, nowMs);
    const dueMs = toEpochMs(due.at);
    const isSilenceRule = ruleId === 'silence-agent-request';
    const fromImplicit = (d: ComputedDeadline, laterTrigger: ParisDate | undefined = d.ambiguity?.laterDate) => {
      const implicitTrigger: DeadlineTrigger = { basis: 'implicit_decision', at: d.at, date: d.date };
      return isSilenceRule
        ? appealDeadline(implicitTrigger, nowMs, holidays, laterTrigger)
        : cadaReferralDeadline(implicitTrigger, nowMs, holidays, laterTrigger);
    };
    if (closing && closing.ms < dueMs) {
      // Answered before the silence was worth a decision.
      if (closing.outcome === 'refused') {
        status = 'refused';
        const refusal = triggerAt('explicit_refusal', closing.ms);
        appeal = isSilenceRule ? appealDeadline(refusal, nowMs, holidays) : cadaReferralDeadline(refusal, nowMs, holidays);
      } else {
        status = 'answered';
      }
    } else if (!closing) {
      status = timeStatus(nowMs, due, dueSoonDays, 'implicit_rejection');
      if (status === 'implicit_rejection') bornOn = due.date;
      appeal = fromImplicit(due);
    } else {
      // The implicit decision was born before the response came.
      bornOn = due.date;
      late = true;
      if (due.ambiguity && closing.ms < toEpochMs(due.ambiguity.laterAt)) flags.push(lateOnEarlierReadingOnly(due.date, due.ambiguity.laterDate));
      if (closing.outcome !== 'refused') {
        status = 'answered';
      } else {
        status = 'refused';
        const implicitAppeal = fromImplicit(due);
        const refusal = triggerAt('explicit_refusal', closing.ms);
        if (!isSilenceRule) {
          // Counted from the implicit refusal (earlier); the explicit one gives the later reading.
          const otherBirth = due.ambiguity?.laterDate;
          appeal = fromImplicit(due, otherBirth && compareParisDates(otherBirth, refusal.date) > 0 ? otherBirth : refusal.date);
          flags.push(FLAGS.afterImplicitRefusal);
        } else if (closing.ms < toEpochMs(implicitAppeal.at)) {
          appeal = appealDeadline(refusal, nowMs, holidays);
          flags.push(FLAGS.restarted);
        } else {
          appeal = implicitAppeal;
          flags.push(FLAGS.confirmative);
        }
      }
    }
  }

  if ([due, appeal].some((d) => d?.ambiguity)) flags.push(FLAGS.ambiguous);
  const covid = covidFlag([due, appeal]);
  if (covid) flags.push(covid);

  return {
    ruleSet: RULE_SET_ID,
    requestEntryId: request.entryId,
    kind: request.kind,
    ruleId,
    status,
    receiptKnown,
    trigger,
    due,
    implicitRejectionBornOn: bornOn,
    appeal,
    response: closing ? { entryId: closing.r.entryId, receivedAt: formatInstant(closing.ms), outcome: closing.outcome, form: closing.r.form, late } : null,
    flags,
  };
}

/** A deadline of a request whose clock is still running: the answer's, or the next step's. */
export interface RunningRequestDeadline {
  readonly what: 'answer' | 'next_step';
  readonly deadline: ComputedDeadline;
}

/**
 * The deadlines of a request that still run (passed or not): the answer's due date while no
 * response has stopped the clock, and the next step (tribunal, CADA) when there is one. Once a
 * response (any outcome but `acknowledged`) has come, the due date foretells nothing any more:
 * no implicit decision can be born, no answer is awaited; only a next step may still run (the
 * appeal from an explicit refusal).
 */
export function runningRequestDeadlines(deadlines: RequestDeadlines): RunningRequestDeadline[] {
  const running: RunningRequestDeadline[] = [];
  if (deadlines.due && deadlines.response === null) running.push({ what: 'answer', deadline: deadlines.due });
  if (deadlines.appeal) running.push({ what: 'next_step', deadline: deadlines.appeal });
  return running;
}
