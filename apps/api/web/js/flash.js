import { alert } from './dom.js';
import { more } from './more.js';

/**
 * A message carried to the next page (after a save that navigates). `help`, if given
 * (`{title, text}`), is shown folded under the message.
 */
export function setFlash(kind, text, help) {
  sessionStorage.setItem('mc.flash', JSON.stringify({ kind, text, ...(help ? { help } : {}) }));
}

export function takeFlash() {
  const raw = sessionStorage.getItem('mc.flash');
  sessionStorage.removeItem('mc.flash');
  if (!raw) return null;
  try {
    const { kind, text, help } = JSON.parse(raw);
    return alert(kind, null, text, help ? more(help.title, help.text) : null);
  } catch {
    return null;
  }
}
