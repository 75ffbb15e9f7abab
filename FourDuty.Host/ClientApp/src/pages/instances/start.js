// 发起流程 (office, and whom a process names as its starter): start a deployed process by hand. Pick the process (its Chinese name), give an optional business key,
// fill in its start form (the start event's camunda:formKey, drawn as the task page draws a task's form) and start it;
// the server checks the form (422 per field, nothing started) and the new instance's view opens.
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, ApiError, errorMessage } from '../../shared/api.js';
import { allows } from '../../shared/me.js';
import { drawForm, showFieldErrors } from '../../shared/form.js';

/** Fills main with the start panel for the office and candidate starters (anyone else is told it is not theirs); ?key= preselects a process. */
export async function showStart(main, person) {
  document.title = `${t('start.title')} · ${t('shell.product')}`;
  main.append(h('p', {}, h('a', { href: '/instances' }, t('instances.back'))), h('h1', {}, t('start.title')),
    h('p', { class: 'fd-muted' }, t('start.intro')));
  if (!allows(person, 'starter')) {
    main.append(errorMessage(new ApiError(403, null)));
    return;
  }
  let definitions;
  try {
    // Only what this person may start: the office everything, others what names them (camunda:candidateStarterGroups/Users).
    definitions = await api('/api/definitions?startable=true');
  } catch (error) {
    main.append(errorMessage(error));
    return;
  }

  const wanted = new URLSearchParams(location.search).get('key');
  const chooser = h('select', { id: 'fd-start-process', name: 'key' },
    h('option', { value: '' }, t('start.choose')),
    definitions.slice().sort((a, b) => (a.name || a.key).localeCompare(b.name || b.key, 'zh-CN'))
      .map(d => h('option', { value: d.key, selected: d.key === wanted }, d.name ? `${d.name}（${d.key}）` : d.key)));
  const businessKey = h('input', { id: 'fd-start-business-key', name: 'businessKey', autocomplete: 'off' });
  const formHost = h('div', { class: 'fd-form', id: 'fd-form' });
  const problems = h('div', { class: 'fd-problems' });
  const status = h('div', { class: 'fd-status', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'fd-button fd-submit', disabled: true }, t('start.submit'));
  const panel = h('form', { class: 'fd-task-form fd-start', novalidate: true },
    h('div', { class: 'fd-field' }, h('label', { for: 'fd-start-process' }, t('start.process')), chooser),
    h('div', { class: 'fd-field' }, h('label', { for: 'fd-start-business-key' }, t('start.businessKey')), businessKey,
      h('p', { class: 'fd-muted fd-small' }, t('start.businessKeyHint'))),
    h('h2', {}, t('start.form')), formHost, problems, submit, status);
  main.append(panel);

  // The form of the process chosen last; a slower answer for an earlier choice is dropped.
  let shown = { key: null, form: null, schema: null };
  async function choose(key) {
    replace(problems);
    replace(status);
    submit.disabled = true;
    shown = { key, form: null, schema: null };
    if (!key) {
      replace(formHost, h('p', { class: 'fd-muted' }, t('start.chooseFirst')));
      return;
    }
    replace(formHost, h('p', { class: 'fd-muted' }, t('common.loading')));
    try {
      const schema = await api(`/api/definitions/${encodeURIComponent(key)}/start-form`).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
      if (shown.key !== key) return;
      if (schema) {
        const form = await drawForm(formHost, schema);
        if (shown.key !== key) return;
        shown = { key, form, schema };
      } else {
        replace(formHost, h('p', { class: 'fd-muted' }, t('start.noForm')));
      }
      submit.disabled = false;
    } catch (error) {
      replace(formHost, errorMessage(error));
    }
  }

  chooser.addEventListener('change', () => {
    const url = new URL(location.href);
    if (chooser.value) url.searchParams.set('key', chooser.value); else url.searchParams.delete('key');
    history.replaceState(null, '', url);
    choose(chooser.value);
  });

  panel.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { key, form, schema } = shown;
    if (!key) return;
    replace(problems);
    replace(status);
    const variables = form ? form.submit().data : {};
    submit.disabled = true;
    try {
      const started = await api(`/api/definitions/${encodeURIComponent(key)}/start`, {
        method: 'POST', json: { businessKey: businessKey.value.trim() || null, variables },
      });
      replace(status, t('start.started'));
      location.assign(`/instances/${started.instance.id}`);
    } catch (error) {
      submit.disabled = false;
      if (!showFieldErrors(error, form, schema, problems)) {
        replace(status, errorMessage(error));
      }
    }
  });

  await choose(chooser.value);
}
