// The task page: what is asked, by when (in working days), the form as the designer drew it (form-js), evidence, and
// one button that submits. The server checks the form (422 with one entry per field); its errors are shown at the
// fields and listed above the button, and nothing typed is lost.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, ApiError, errorMessage, signInUrl } from '../../shared/api.js';
import { loadMe } from '../../shared/me.js';
import { formatInstant, urgencyBadge } from '../../shared/tasks.js';
import { evidenceSection } from './evidence.js';
import { fieldErrors, formKeys } from './form-errors.js';

const id = location.pathname.split('/').filter(Boolean)[1] ?? '';
const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('task');
  await show(main);
}

async function show(main) {
  let task;
  let listed;
  try {
    [task, listed] = await Promise.all([api(`/api/tasks/${id}`), api('/api/inbox').then(inbox => inbox.tasks.find(x => x.id === id))]);
  } catch (error) {
    replace(main, h('h1', {}, t('pages.task.title')), errorMessage(error));
    return;
  }

  const facts = h('dl', { class: 'fd-facts' },
    h('dt', {}, t('task.process')), h('dd', {}, listed?.processName ?? '', listed?.businessKey ? `（${listed.businessKey}）` : ''),
    h('dt', {}, t('task.due')), h('dd', {}, task.dueAt ? formatInstant(task.dueAt) : t('tasks.noDeadline'), ' ', listed ? urgencyBadge(listed) : null),
    h('dt', {}, t('task.received')), h('dd', {}, formatInstant(task.createdAt)),
    task.ownerName || task.owner ? [h('dt', {}, t('task.owner')), h('dd', {}, listed?.ownerName ?? task.owner)] : null);
  replace(main, h('h1', {}, task.name ?? task.elementId), facts,
    task.description ? h('div', { class: 'fd-ask' }, h('h2', {}, t('task.asked')), h('p', {}, task.description)) : null);
  document.title = `${task.name ?? task.elementId} · ${t('shell.product')}`;
  // The first render the benchmark times (InboxBrowserTests.TaskPage_ShowsTheTaskOnUnder100KilobytesOfScript_AndRecordsFirstRender).
  performance.mark('fd-task-shown');

  if (task.status !== 'Open') {
    main.append(h('p', { class: 'fd-notice-box', role: 'status' }, task.status === 'Completed'
      ? t('task.completed', { by: task.completedBy ?? '', at: formatInstant(task.endedAt) })
      : t('task.withdrawn')));
    return;
  }

  const status = h('div', { class: 'fd-status', role: 'status', 'aria-live': 'polite' });
  if (task.assignee !== person.id && listed?.relation === 'offered') {
    main.append(h('p', {}, t('task.offeredHint')), h('button', {
      type: 'button', class: 'fd-button',
      onclick: async () => {
        try {
          await api(`/api/tasks/${id}/claim`, { method: 'POST', json: { revision: task.revision } });
          location.reload();
        } catch (error) {
          replace(status, errorMessage(error));
        }
      },
    }, t('inbox.claim')), status);
    return;
  }

  const formHost = h('div', { class: 'fd-form', id: 'fd-form' });
  const problems = h('div', { class: 'fd-problems' });
  const submit = h('button', { type: 'submit', class: 'fd-button fd-submit' }, t('task.submit'));
  const page = h('form', { class: 'fd-task-form', novalidate: true }, formHost);
  main.append(page);

  let schema = null;
  try {
    schema = await api(`/api/tasks/${id}/form`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      replace(formHost, errorMessage(error));
      return;
    }
  }

  let form = null;
  let evidence = null;
  if (schema) {
    replace(formHost, h('p', { class: 'fd-muted' }, t('common.loading')));
    const { Form } = await import('./form-viewer.js');
    replace(formHost);
    form = new Form({ container: formHost });
    await form.importSchema(schema, {});
    performance.mark('fd-task-form-shown');
    const evidenceKey = formKeys(schema).find(field => /evidence/i.test(field.key));
    if (evidenceKey) {
      evidence = evidenceSection(evidenceKey);
      page.append(evidence.element);
    }
  } else {
    replace(formHost, h('p', { class: 'fd-muted' }, t('task.noForm')));
  }
  page.append(problems, submit, status);

  page.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problems);
    replace(status);
    // The server is the judge (the same rules as the mail link's page): its answer marks the fields, in the page's language.
    const data = form ? form.submit().data : {};
    if (evidence) evidence.addTo(data);
    submit.disabled = true;
    try {
      await api(`/api/tasks/${id}/complete`, { method: 'POST', json: { variables: data, revision: task.revision } });
      replace(main, h('h1', {}, t('task.done')), h('p', { role: 'status' }, t('task.doneText', { name: task.name ?? '' })),
        h('p', {}, h('a', { class: 'fd-button', href: '/inbox' }, t('task.backToInbox'))));
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ApiError && error.status === 422 && Array.isArray(error.problem.errors) && form) {
        const { byField, list } = fieldErrors(schema, error.problem.errors);
        form._setState({ errors: byField });
        replace(problems, h('div', { class: 'fd-error', role: 'alert' }, h('p', {}, t('task.fixFields')),
          h('ul', {}, list.map(item => h('li', {}, h('a', { href: `#${item.domId}` }, item.label), '：', item.message)))));
      } else {
        replace(status, errorMessage(error));
      }
    }
  });
}
