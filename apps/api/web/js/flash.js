import { alert } from './dom.js';

/** A message carried to the next page (after a save that navigates). */
export function setFlash(kind, text) {
  sessionStorage.setItem('mc.flash', JSON.stringify({ kind, text }));
}

export function takeFlash() {
  const raw = sessionStorage.getItem('mc.flash');
  sessionStorage.removeItem('mc.flash');
  if (!raw) return null;
  try {
    const { kind, text } = JSON.parse(raw);
    return alert(kind, null, text);
  } catch {
    return null;
  }
}
