/** Goes to a page of the hash router (app.js listens); the same page again is shown afresh. */
export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new Event('mc:route'));
  else location.hash = hash;
}

/** Where a signed-in person lands: administrators cannot open cases, their home is the administration. */
export const homeOf = (user) => (user?.role === 'admin' ? '#/admin' : '#/cases');
