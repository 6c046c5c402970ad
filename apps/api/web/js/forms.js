import { ApiError } from './api.js';
import { computerIsNotOnParisTime, isoToLocalInput, localInputToIso, parisWallTimeKind, toLocalInput } from './dates.js';
import { h, uid } from './dom.js';
import { enumLabel, t } from './i18n.js';

/**
 * Forms described as a list of fields, rendered with DSFR markup. Each field:
 * { name, type, required?, label?, hint?, enum?: {group, values}, options?: [{value, label}], inline? }
 * type: text | textarea | password | datetime | select | radio | checkboxes | flag | tristate | list | hours | duration
 *
 * The form keeps a draft in sessionStorage (a reload loses nothing), shows the API's problems
 * next to their field (aria-describedby) and in a summary at the top, and never clears what was
 * typed on failure.
 */

const DRAFT = 'mc.draft.';
const DURATION_UNITS = [
  ['days', 'form.days', 1440],
  ['hours', 'form.hours', 60],
  ['minutes', 'form.minutes', 1],
];
const computerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function labelText(field) {
  return field.label ?? t(field.labelKey ?? `field.${field.name}`);
}

/**
 * The API names a field by its JSON name (« category », "category must…"); next to the field
 * the person reads its label instead (« Catégorie »).
 */
export function withLabel(message, fieldPath, label) {
  if (!fieldPath || !label) return message;
  const name = fieldPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`« ${name} »`, 'g'), `« ${label} »`).replace(new RegExp(`^${name}(?=[\\s:,])`), label);
}

/**
 * A message may also name another field of the form (« ne peut pas être antérieur au champ
 * « occurredAt » », "may not be earlier than occurredAt"): each is replaced by its label too; in
 * English a bare name is replaced only when it cannot be an ordinary word (camelCase).
 */
export function withLabels(message, fields) {
  let out = message;
  for (const { name, label } of fields) {
    out = withLabel(out, name, label);
    if (/[A-Z]/.test(name)) out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), `“${label}”`);
  }
  return out;
}

/** Required: `true`, or a function of the form's raw values (a field required only for some choices). */
const isRequired = (field, values) => (typeof field.required === 'function' ? Boolean(field.required(values)) : Boolean(field.required));

function labelNodes(field, required) {
  return [labelText(field), required ? h('span', { class: 'mc-required', 'aria-hidden': 'true' }, ' *') : null];
}

function optionsOf(field) {
  if (field.options) return field.options;
  return (field.enum?.values ?? []).map((value) => ({ value, label: enumLabel(field.enum.group, value) }));
}

function hintOf(field) {
  if (field.hint) return field.hint;
  if (field.type === 'datetime')
    return computerIsNotOnParisTime() ? `${t('form.timeHint')} ${t('form.timeHintElsewhere', { zone: computerZone() })}` : t('form.timeHint');
  if (field.type === 'list') return t('form.listHint');
  return null;
}

/** One field: its DOM, how to read and write its raw value, and how to show a problem. */
function buildField(field) {
  const id = uid(`f-${field.name}`);
  const errorId = `${id}-error`;
  const hint = hintOf(field);
  const required = Boolean(field.required);
  const hintNode = hint ? h('span', { class: 'fr-hint-text' }, hint) : null;

  if (['radio', 'checkboxes', 'tristate'].includes(field.type)) {
    const options =
      field.type === 'tristate'
        ? [
            { value: 'true', label: t('form.yes') },
            { value: 'false', label: t('form.no') },
            { value: '', label: t('form.unknown') },
          ]
        : optionsOf(field);
    const inputType = field.type === 'checkboxes' ? 'checkbox' : 'radio';
    const legendId = `${id}-legend`;
    const messages = h('div', { class: 'fr-messages-group', id: `${id}-messages`, 'aria-live': 'polite' });
    const inputs = [];
    const elements = options.map((option, index) => {
      const inputId = `${id}-${index}`;
      const input = h('input', { type: inputType, id: inputId, name: id, value: option.value, dataset: { field: field.name } });
      inputs.push(input);
      return h(
        'div',
        { class: `fr-fieldset__element${field.inline ? ' fr-fieldset__element--inline' : ''}` },
        h(
          'div',
          { class: inputType === 'radio' ? 'fr-radio-group' : 'fr-checkbox-group' },
          input,
          h('label', { class: 'fr-label', for: inputId }, option.label),
        ),
      );
    });
    const fieldset = h(
      'fieldset',
      { class: 'fr-fieldset', id, 'aria-labelledby': `${legendId} ${id}-messages` },
      h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular', id: legendId }, ...labelNodes(field, required), hintNode),
      ...elements,
      messages,
    );
    return {
      field,
      node: fieldset,
      focusTarget: () => inputs.find((i) => i.checked) ?? inputs[0],
      read: () => (inputType === 'checkbox' ? inputs.filter((i) => i.checked).map((i) => i.value) : (inputs.find((i) => i.checked)?.value ?? null)),
      write: (value) => {
        for (const input of inputs) input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === (value ?? '') && value !== null;
      },
      showError: (message) => {
        fieldset.classList.toggle('fr-fieldset--error', Boolean(message));
        messages.replaceChildren(...(message ? [h('p', { class: 'fr-message fr-message--error', id: errorId }, message)] : []));
      },
    };
  }

  if (field.type === 'duration') {
    // Days, hours and minutes typed apart; the API receives whole minutes.
    const legendId = `${id}-legend`;
    const messages = h('div', { class: 'fr-messages-group', id: `${id}-messages`, 'aria-live': 'polite' });
    const parts = DURATION_UNITS.map(([unit]) =>
      h('input', { class: 'fr-input', type: 'number', min: 0, step: 1, inputmode: 'numeric', id: `${id}-${unit}`, dataset: { field: field.name } }),
    );
    const fieldset = h(
      'fieldset',
      { class: 'fr-fieldset mc-duration', id, 'aria-labelledby': `${legendId} ${id}-messages` },
      h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular', id: legendId }, ...labelNodes(field, required), hintNode),
      ...DURATION_UNITS.map(([unit, key], i) =>
        h(
          'div',
          { class: 'fr-fieldset__element fr-fieldset__element--inline' },
          h('div', { class: 'fr-input-group' }, h('label', { class: 'fr-label', for: `${id}-${unit}` }, t(key)), parts[i]),
        ),
      ),
      messages,
    );
    return {
      field,
      node: fieldset,
      focusTarget: () => parts[0],
      read: () => Object.fromEntries(DURATION_UNITS.map(([unit], i) => [unit, parts[i].value])),
      write: (value) => DURATION_UNITS.forEach(([unit], i) => (parts[i].value = value?.[unit] ?? '')),
      showError: (message) => {
        fieldset.classList.toggle('fr-fieldset--error', Boolean(message));
        for (const input of parts) input.classList.toggle('fr-input--error', Boolean(message));
        messages.replaceChildren(...(message ? [h('p', { class: 'fr-message fr-message--error', id: errorId }, message)] : []));
      },
    };
  }

  if (field.type === 'flag') {
    const input = h('input', { type: 'checkbox', id, name: field.name, dataset: { field: field.name } });
    const messages = h('div', { class: 'fr-messages-group', id: `${id}-messages`, 'aria-live': 'polite' });
    const group = h('div', { class: 'fr-checkbox-group fr-mb-3w' }, input, h('label', { class: 'fr-label', for: id }, labelText(field), hintNode), messages);
    return {
      field,
      node: group,
      focusTarget: () => input,
      read: () => input.checked,
      write: (value) => (input.checked = value === true),
      showError: (message) => {
        group.classList.toggle('fr-checkbox-group--error', Boolean(message));
        input.setAttribute('aria-describedby', `${id}-messages`);
        messages.replaceChildren(...(message ? [h('p', { class: 'fr-message fr-message--error', id: errorId }, message)] : []));
      },
    };
  }

  const isSelect = field.type === 'select';
  let control;
  if (isSelect) {
    control = h(
      'select',
      { class: 'fr-select', id, name: field.name, required: required || undefined, dataset: { field: field.name } },
      h('option', { value: '' }, required ? t('form.choose') : t('form.none')),
      ...optionsOf(field).map((o) => h('option', { value: o.value }, o.label)),
    );
  } else if (field.type === 'textarea' || field.type === 'list') {
    control = h('textarea', { class: 'fr-input', id, name: field.name, rows: field.rows ?? (field.type === 'list' ? 3 : 4), dataset: { field: field.name } });
  } else {
    const attrs = { class: 'fr-input', id, name: field.name, dataset: { field: field.name } };
    if (field.type === 'datetime') Object.assign(attrs, { type: 'datetime-local', step: 60 });
    else if (field.type === 'hours') Object.assign(attrs, { type: 'number', min: 0, step: 0.25, inputmode: 'decimal' });
    else if (field.type === 'password') Object.assign(attrs, { type: 'password', autocomplete: field.autocomplete ?? 'current-password' });
    else Object.assign(attrs, { type: 'text', autocomplete: field.autocomplete ?? 'off', maxlength: field.maxlength });
    if (required) attrs.required = true;
    control = h('input', attrs);
  }
  const error = h('p', { class: 'fr-error-text', id: errorId, hidden: true });
  const groupClass = isSelect ? 'fr-select-group' : 'fr-input-group';
  const describedBy = [hint ? `${id}-hint` : null].filter(Boolean);
  if (hintNode) hintNode.id = `${id}-hint`;
  if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
  const label = h('label', { class: 'fr-label', for: id }, ...labelNodes(field, required), hintNode);
  const nowButton =
    field.type === 'datetime'
      ? h(
          'button',
          {
            type: 'button',
            class: 'fr-btn fr-btn--tertiary fr-btn--sm mc-now',
            onclick: () => ((control.value = toLocalInput()), control.dispatchEvent(new Event('input', { bubbles: true }))),
          },
          t('form.now'),
        )
      : null;
  // The hour repeated or skipped when the clocks change: said under the field as soon as it is typed.
  const clockNote = field.type === 'datetime' ? h('p', { class: 'fr-info-text mc-clock-note', id: `${id}-clock`, hidden: true }) : null;
  const showClockNote = () => {
    const kind = parisWallTimeKind(control.value);
    clockNote.hidden = kind !== 'repeated' && kind !== 'skipped';
    clockNote.textContent = kind === 'repeated' ? t('form.repeatedHour') : kind === 'skipped' ? t('form.skippedHour') : '';
  };
  if (clockNote) {
    describedBy.push(clockNote.id);
    control.setAttribute('aria-describedby', describedBy.join(' '));
    control.addEventListener('input', showClockNote);
    control.addEventListener('change', showClockNote);
  }
  const group = h('div', { class: groupClass }, label, nowButton ? h('div', { class: 'mc-datetime' }, control, nowButton) : control, clockNote, error);
  return {
    field,
    node: group,
    focusTarget: () => control,
    read: () => control.value,
    write: (value) => {
      control.value = value ?? '';
      if (clockNote) showClockNote();
    },
    check: () => (field.type === 'datetime' && parisWallTimeKind(control.value) === 'skipped' ? t('form.skippedHour') : null),
    showError: (message) => {
      group.classList.toggle(`${groupClass}--error`, Boolean(message));
      control.classList.toggle(isSelect ? 'fr-select--error' : 'fr-input--error', Boolean(message));
      error.hidden = !message;
      error.textContent = message ?? '';
      control.setAttribute('aria-describedby', [...describedBy, message ? errorId : null].filter(Boolean).join(' '));
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** The JSON value of a field's raw value; undefined means "leave it out". */
export function serialize(field, raw) {
  switch (field.type) {
    case 'datetime':
      return raw ? localInputToIso(raw) : undefined;
    case 'list': {
      const items = String(raw ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length ? items : undefined;
    }
    case 'checkboxes':
      if (!Array.isArray(raw) || raw.length === 0) return undefined;
      return field.asResources ? raw.map((kind) => ({ kind })) : raw;
    case 'flag':
      return raw === true;
    case 'tristate':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'hours': {
      if (raw === '' || raw === null || raw === undefined) return undefined;
      const hours = Number(String(raw).replace(',', '.'));
      return Number.isFinite(hours) ? Math.round(hours * 60) : raw;
    }
    case 'duration': {
      const filled = DURATION_UNITS.filter(([unit]) => String(raw?.[unit] ?? '').trim() !== '');
      if (filled.length === 0) return undefined;
      const total = filled.reduce((sum, [unit, , factor]) => sum + Number(String(raw[unit]).replace(',', '.')) * factor, 0);
      return Number.isFinite(total) ? Math.round(total) : undefined;
    }
    case 'radio':
    case 'select':
      return raw ? raw : undefined;
    default:
      return raw === '' || raw === null || raw === undefined ? undefined : raw;
  }
}

/** The raw (input) value of a stored JSON value: the reverse of serialize, for corrections. */
export function deserialize(field, value) {
  if (value === undefined || value === null) return field.type === 'checkboxes' ? [] : field.type === 'flag' ? false : '';
  switch (field.type) {
    case 'datetime':
      return isoToLocalInput(value);
    case 'list':
      return Array.isArray(value) ? value.join('\n') : String(value);
    case 'checkboxes':
      return Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? v.kind : v)) : [];
    case 'tristate':
      return value === true ? 'true' : value === false ? 'false' : '';
    case 'hours':
      return typeof value === 'number' ? String(Math.round((value / 60) * 100) / 100) : '';
    case 'duration':
      return typeof value === 'number'
        ? { days: String(Math.floor(value / 1440)), hours: String(Math.floor((value % 1440) / 60)), minutes: String(value % 60) }
        : {};
    default:
      return value;
  }
}

/** The top-level field a problem names: `resources[0].kind` -> resources, `changes.title` -> title. */
export function fieldOfProblem(path) {
  const bare = String(path ?? '').replace(/^changes\./, '');
  return bare.split(/[.[]/)[0];
}

/**
 * Builds the form. onSubmit(body, raw) returns a promise; on ApiError the problems are shown,
 * on success the draft is dropped.
 */
export function buildForm({ fields, submitLabel, onSubmit, draftKey, initial = {}, before = [], after = [], cancelHref, errorsTitle, checks }) {
  const controls = fields.map(buildField);
  const byName = new Map(controls.map((c) => [c.field.name, c]));
  const summary = h('div', { tabindex: '-1', class: 'mc-summary' });
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, submitLabel ?? t('form.submit'));
  const form = h(
    'form',
    { novalidate: true, class: 'mc-form' },
    summary,
    fields.some((f) => f.required) ? h('p', { class: 'fr-text--sm fr-mb-2w' }, t('form.required')) : null,
    ...before,
    ...controls.map((c) => c.node),
    ...after,
    h(
      'ul',
      { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-3w' },
      h('li', {}, submit),
      cancelHref ? h('li', {}, h('a', { class: 'fr-btn fr-btn--secondary', href: cancelHref }, t('form.cancel'))) : null,
    ),
  );

  const readAll = () => Object.fromEntries(controls.map((c) => [c.field.name, c.read()]));
  const writeAll = (raw) => controls.forEach((c) => raw[c.field.name] !== undefined && c.write(raw[c.field.name]));
  const body = () => {
    const out = {};
    for (const c of controls) {
      if (c.field.exclude) continue;
      const value = serialize(c.field, c.read());
      if (value !== undefined) out[c.field.name] = value;
    }
    return out;
  };

  // Defaults, then the saved draft over them.
  const defaults = {};
  for (const c of controls) {
    if (initial[c.field.name] !== undefined) defaults[c.field.name] = initial[c.field.name];
    else if (c.field.type === 'datetime' && c.field.defaultNow) defaults[c.field.name] = toLocalInput();
    else if (c.field.default !== undefined) defaults[c.field.name] = c.field.default;
  }
  writeAll(defaults);
  let restored = false;
  if (draftKey) {
    try {
      const draft = JSON.parse(sessionStorage.getItem(DRAFT + draftKey) ?? 'null');
      if (draft && typeof draft === 'object') {
        writeAll(draft);
        restored = true;
      }
    } catch {
      /* a broken draft is ignored */
    }
    const save = () => sessionStorage.setItem(DRAFT + draftKey, JSON.stringify(readAll()));
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  }
  if (restored)
    summary.replaceChildren(h('div', { class: 'fr-alert fr-alert--info fr-alert--sm fr-mb-3w', role: 'status' }, h('p', {}, t('form.draftRestored'))));

  const clearErrors = () => controls.forEach((c) => c.showError(null));

  const labels = controls.map((c) => ({ name: c.field.name, label: labelText(c.field) }));
  const showProblems = (error) => {
    clearErrors();
    // A success message of the previous action must not stand beside this failure.
    for (const stale of document.querySelectorAll('#contenu .fr-alert--success')) if (!form.contains(stale)) stale.remove();
    const items = [];
    const placed = new Set();
    const problems =
      error instanceof ApiError && error.fields.length ? error.fields : (error.messages ?? [error.message]).map((message) => ({ field: '', message }));
    for (const problem of problems) {
      const control = byName.get(fieldOfProblem(problem.field));
      if (control && !placed.has(control)) {
        const label = labelText(control.field);
        const message = withLabels(withLabel(problem.message, problem.field, label), labels);
        control.showError(message);
        placed.add(control);
        const target = control.focusTarget();
        items.push(h('li', {}, h('a', { href: `#${target.id}`, onclick: (e) => (e.preventDefault(), target.focus()) }, `${label} : ${message}`)));
      } else {
        items.push(h('li', {}, withLabels(problem.message, labels)));
      }
    }
    summary.replaceChildren(
      h(
        'div',
        { class: 'fr-alert fr-alert--error fr-mb-3w', role: 'alert' },
        h('h2', { class: 'fr-alert__title' }, errorsTitle ?? t('form.errorsTitle')),
        h('p', {}, t('form.errorsIntro')),
        h('ul', {}, ...items),
      ),
    );
    summary.focus();
  };

  /**
   * What the page can tell before sending, for every field at once (empty required fields, hours
   * that did not exist, the page's own `checks`), rather than one round of the service's answers
   * at a time: [{field, message}].
   */
  const localProblems = () => {
    const values = readAll();
    const problems = controls.map((c) => {
      if (isRequired(c.field, values) && c.field.type !== 'flag') {
        const value = serialize(c.field, c.read());
        if (value === undefined || (typeof value === 'string' && value.trim() === ''))
          return { field: c.field.name, message: c.field.requiredMessage ?? t('form.requiredEmpty', { label: labelText(c.field) }) };
      }
      return { field: c.field.name, message: c.check?.() };
    });
    return [...problems, ...(checks?.(values) ?? [])].filter((problem) => problem.message);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = localProblems();
    if (problems.length) return showProblems(new ApiError(400, { message: problems.map((p) => p.message), fields: problems }));
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = t('form.sending');
    try {
      await onSubmit(body(), readAll());
      if (draftKey) sessionStorage.removeItem(DRAFT + draftKey);
    } catch (error) {
      showProblems(error);
    } finally {
      submit.disabled = false;
      submit.textContent = label;
    }
  });

  return { form, controls, body, readAll, showProblems, clearDraft: () => draftKey && sessionStorage.removeItem(DRAFT + draftKey) };
}

/** A labelled date (or date-time) input outside buildForm, for the filters of a page (periods, replays). */
export function dateInput(id, label, value, type = 'datetime-local') {
  const input = h('input', { class: 'fr-input', type, id, step: type === 'datetime-local' ? 60 : undefined, value });
  return { input, node: h('div', { class: 'fr-input-group' }, h('label', { class: 'fr-label', for: id }, label), input) };
}

/**
 * A one-field form asking why (revoking a share, withdrawing a commitment...): the API's problems
 * are shown under the field (aria-describedby), what was typed stays.
 */
export function reasonForm({ label, submitLabel, onSubmit, className = 'fr-btn fr-btn--secondary fr-btn--sm' }) {
  const id = uid('reason');
  const reason = h('input', { class: 'fr-input', id, type: 'text', required: true });
  const error = h('p', { class: 'fr-error-text', id: `${id}-error`, hidden: true });
  const group = h('div', { class: 'fr-input-group' }, h('label', { class: 'fr-label', for: id }, label), reason, error);
  return h(
    'form',
    {
      class: 'mc-inline-form',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await onSubmit(reason.value);
        } catch (e) {
          group.classList.add('fr-input-group--error');
          reason.classList.add('fr-input--error');
          reason.setAttribute('aria-describedby', `${id}-error`);
          reason.setAttribute('aria-invalid', 'true');
          error.hidden = false;
          error.textContent = e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join(' ') : e.message;
          reason.focus();
        }
      },
    },
    group,
    h('button', { class: className, type: 'submit' }, submitLabel),
  );
}
