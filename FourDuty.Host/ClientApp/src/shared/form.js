// One way to show a form-js form and the server's verdict on it, for every page that asks for one: the task page (a
// task's form) and the start panel (a process's start form). The server checks every submission (422: one entry per
// field); its errors go where form-js shows its own and into a list above the button, and nothing typed is lost.
import { t } from './i18n.js';
import { h, replace } from './dom.js';
import { ApiError } from './api.js';
import { fieldErrors } from './form-errors.js';

/** Draws a form-js schema into host, filled with data (what the task already knows; the viewer is fetched as a chunk of its own, after the page's facts); returns the form. */
export async function drawForm(host, schema, data = {}) {
  replace(host, h('p', { class: 'fd-muted' }, t('common.loading')));
  const { Form } = await import('./form-viewer.js');
  replace(host);
  const form = new Form({ container: host });
  await form.importSchema(schema, data);
  return form;
}

/**
 * Shows a refused submission (422 with errors[]) at the fields of form (when there is one) and as a list of links to them
 * in problems; answers false for any other failure, which the caller reports its own way.
 */
export function showFieldErrors(error, form, schema, problems) {
  if (!(error instanceof ApiError && error.status === 422 && Array.isArray(error.problem.errors))) return false;
  const { byField, list } = fieldErrors(schema ?? { components: [] }, error.problem.errors);
  if (form) form._setState({ errors: byField });
  replace(problems, h('div', { class: 'fd-error', role: 'alert' }, h('p', {}, t('task.fixFields')),
    h('ul', {}, list.map(item => h('li', {}, h('a', { href: `#${item.domId}` }, item.label), '：', item.message)))));
  return true;
}
