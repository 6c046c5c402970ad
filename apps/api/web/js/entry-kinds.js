/**
 * The entry kinds a person can file, with the fields and enums of their DTOs
 * (apps/api/src/cases/commands/**). `path` is the API path under /cases/:id; `:requestEntryId`
 * is taken from the field of that name, which is then left out of the body.
 */
export const ENUMS = {
  category: ['outage', 'provider_action', 'pressure', 'data_protection', 'other'],
  severity: ['blocking', 'non_blocking'],
  resource: ['mailbox', 'chat', 'file_server', 'business_software', 'workstation', 'phone', 'other'],
  decidedBy: ['provider', 'hierarchy', 'unknown'],
  priorNotice: ['none', 'oral', 'written'],
  action: ['remote_takeover', 'account_suspension', 'configuration_change', 'data_access', 'demand', 'other'],
  channel: ['email', 'letter', 'registered_letter', 'hand_delivered', 'internal_note', 'ticket'],
  responseChannel: ['email', 'letter', 'registered_letter', 'hand_delivered', 'internal_note', 'ticket', 'oral'],
  requestKind: ['question_to_hierarchy', 'document_request', 'gdpr_rights_request', 'provider_ticket', 'grievance', 'other'],
  form: ['written', 'oral'],
  outcome: ['answered', 'partial', 'refused', 'acknowledged'],
};

const e = (group, values = ENUMS[group]) => ({ group, values });
const now = (name, extra = {}) => ({ name, type: 'datetime', required: true, defaultNow: true, ...extra });

export const KINDS = {
  incident: {
    type: 'IncidentReported',
    path: 'incidents',
    attachment: true,
    fields: [
      now('occurredAt'),
      { name: 'title', type: 'text', required: true, maxlength: 200 },
      { name: 'category', type: 'radio', required: true, enum: e('category') },
      { name: 'severity', type: 'radio', required: true, enum: e('severity') },
      { name: 'description', type: 'textarea' },
      { name: 'endedAt', type: 'datetime' },
      { name: 'affectedServices', type: 'list' },
      { name: 'witnesses', type: 'list' },
    ],
  },
  cutoff: {
    type: 'AccessCutOff',
    path: 'access-cutoffs',
    attachment: true,
    fields: [
      now('occurredAt'),
      { name: 'resources', type: 'checkboxes', required: true, asResources: true, enum: e('resource') },
      { name: 'decidedBy', type: 'radio', required: true, enum: e('decidedBy') },
      { name: 'priorNotice', type: 'radio', required: true, enum: e('priorNotice') },
      { name: 'reasonGiven', type: 'textarea', rows: 2 },
      { name: 'description', type: 'textarea' },
      { name: 'affectedPeople', type: 'list' },
    ],
  },
  restoration: {
    type: 'AccessRestored',
    path: 'access-restorations',
    fields: [
      { name: 'cutOffEntryId', type: 'select', required: true, targets: ['AccessCutOff'], link: true },
      now('occurredAt'),
      { name: 'resources', type: 'checkboxes', asResources: true, enum: e('resource'), labelKey: 'field.restoredResources' },
      { name: 'conditions', type: 'textarea' },
    ],
  },
  'provider-action': {
    type: 'ProviderActionRecorded',
    path: 'provider-actions',
    attachment: true,
    fields: [
      now('occurredAt'),
      { name: 'action', type: 'radio', required: true, enum: e('action') },
      { name: 'description', type: 'textarea', required: true },
      { name: 'authorizedBy', type: 'text' },
      { name: 'notifiedBeforehand', type: 'tristate', inline: true },
    ],
  },
  request: {
    type: 'WrittenRequestSent',
    path: 'requests',
    attachment: true,
    fields: [
      now('sentAt'),
      { name: 'kind', type: 'select', required: true, enum: e('requestKind') },
      { name: 'channel', type: 'select', required: true, enum: e('channel') },
      { name: 'from', type: 'text', required: true },
      { name: 'to', type: 'text', required: true },
      { name: 'subject', type: 'text', required: true, maxlength: 200 },
      { name: 'body', type: 'textarea', rows: 6 },
    ],
  },
  receipt: {
    type: 'RequestReceiptConfirmed',
    path: 'requests/:requestEntryId/receipt',
    fields: [
      { name: 'requestEntryId', type: 'select', required: true, targets: ['WrittenRequestSent'], link: true, exclude: true },
      now('receivedAt'),
      { name: 'proof', type: 'text' },
    ],
  },
  response: {
    type: 'ResponseReceived',
    path: 'requests/:requestEntryId/responses',
    attachment: true,
    fields: [
      { name: 'requestEntryId', type: 'select', required: true, targets: ['WrittenRequestSent'], link: true, exclude: true },
      now('receivedAt'),
      { name: 'from', type: 'text', required: true },
      { name: 'channel', type: 'select', required: true, enum: e('channel', ENUMS.responseChannel) },
      { name: 'form', type: 'radio', required: true, enum: e('form'), inline: true },
      { name: 'outcome', type: 'radio', required: true, enum: e('outcome') },
      { name: 'summary', type: 'textarea' },
    ],
  },
  meeting: {
    type: 'MeetingHeld',
    path: 'meetings',
    fields: [
      now('occurredAt'),
      { name: 'participants', type: 'list', required: true },
      { name: 'summary', type: 'textarea', required: true, rows: 6 },
      { name: 'minutesAvailable', type: 'flag' },
    ],
  },
  impact: {
    type: 'ImpactRecorded',
    path: 'impacts',
    fields: [
      now('periodStart'),
      now('periodEnd'),
      { name: 'hoursLost', type: 'hours' },
      { name: 'tasksBlocked', type: 'list' },
      { name: 'extraStaff', type: 'textarea', rows: 2 },
      { name: 'publicImpact', type: 'textarea', rows: 3 },
    ],
  },
  witness: {
    type: 'WitnessStatementAdded',
    path: 'witness-statements',
    fields: [
      { name: 'witness', type: 'text', required: true },
      { name: 'statement', type: 'textarea', required: true, rows: 6 },
      { name: 'aboutEntryId', type: 'select', targets: 'any', link: true },
    ],
  },
  note: {
    type: 'NoteAdded',
    path: 'notes',
    fields: [
      { name: 'text', type: 'textarea', required: true, rows: 5 },
      { name: 'aboutEntryId', type: 'select', targets: 'any', link: true },
    ],
  },
};

/** The kind whose event type is `type` (for corrections). */
export const kindOfType = (type) => Object.keys(KINDS).find((k) => KINDS[k].type === type) ?? null;

/** A short title for an entry, for lists and selects. */
export function entryTitle(entry) {
  const d = entry.data ?? {};
  return d.title ?? d.subject ?? d.witness ?? d.fileName ?? d.text ?? d.summary ?? d.description ?? d.statement ?? d.conditions ?? d.proof ?? '';
}
