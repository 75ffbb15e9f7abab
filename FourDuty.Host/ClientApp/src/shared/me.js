// Who is signed in (GET /api/me): id, name, roles, the policies they pass. Asked once per page; null when nobody is
// signed in, so that a page can send the person to the sign-in page.
import { api, ApiError } from './api.js';

let me;

/** The signed-in person, or null when nobody is; other failures throw. */
export function loadMe() {
  me ??= api('/api/me').catch((error) => {
    if (error instanceof ApiError && error.needsSignIn) return null;
    throw error;
  });
  return me;
}

/** Whether the signed-in person passes a policy (signed-in, admin, designer, office, oversight, audit-reader). */
export function allows(person, policy) {
  return Boolean(person?.policies?.[policy]);
}
