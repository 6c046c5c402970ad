/**
 * A tiny element builder: h('p', {class: 'x'}, 'text', child). Text is always set as text
 * (never parsed as HTML), so content typed by users cannot inject markup.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces the content of the page's main region and moves focus to the page's own heading: the
 * one marked `data-page-heading` (a task under a case's head: the form comes next, not the case's
 * actions and tabs), else the first h1.
 */
export function render(...children) {
  const main = document.getElementById('contenu');
  main.replaceChildren(...children.flat().filter(Boolean));
  window.scrollTo(0, 0);
  const task = main.querySelector('[data-page-heading]');
  const heading = task ?? main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: !task });
  }
  return main;
}

let counter = 0;
export const uid = (prefix = 'mc') => `${prefix}-${++counter}`;

/** A DSFR alert. kind: error | success | info | warning. */
export function alert(kind, title, ...body) {
  return h(
    'div',
    { class: `fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`, role: kind === 'error' ? 'alert' : 'status' },
    title ? h('h3', { class: 'fr-alert__title' }, title) : null,
    ...body.map((b) => (typeof b === 'string' ? h('p', {}, b) : b)),
  );
}

export function badge(kind, text) {
  return h('span', { class: `fr-badge fr-badge--sm fr-badge--no-icon fr-badge--${kind}` }, text);
}
