// The task page: what is asked, by when (in working days), the form as the designer drew it (form-js), evidence, and
// one button that submits. The server checks the form (422 with one entry per field); its errors are shown at the
// fields and listed above the button, and nothing typed is lost. The same page serves a mailed link (/t/{token}): there
// the link is the key, for this one task only (read it, complete it, add evidence), and nobody signs in.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, ApiError, errorMessage, signInUrl, useAntiforgery } from '../../shared/api.js';
import { loadMe } from '../../shared/me.js';
import { formatInstant, urgencyBadge } from '../../shared/tasks.js';
import { evidenceSection } from './evidence.js';
import { formKeys } from '../../shared/form-errors.js';
import { drawForm, showFieldErrors } from '../../shared/form.js';

const parts = location.pathname.split('/').filter(Boolean);
const link = parts[0] === 't' ? parts[1] ?? '' : null;
const id = link === null ? parts[1] ?? '' : null;

if (link !== null) {
  // The server's own no-script page is underneath; its styles give way to the shell's.
  document.querySelectorAll('head style').forEach(style => style.remove());
  const main = await startPage('task', { signedOut: true });
  await show(main, null, linkSource(link));
} else {
  const person = await loadMe().catch(() => null);
  if (!person) {
    location.replace(signInUrl());
  } else {
    const main = await startPage('task');
    await show(main, person, inboxSource(id));
  }
}

// Where a signed-in person's task page reads and completes the task: the task API and the inbox (for its urgency).
function inboxSource(taskId) {
  return {
    async load() {
      const formless = (error) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      };
      const [task, listed, schema, data] = await Promise.all([
        api(`/api/tasks/${taskId}`),
        api('/api/inbox').then(inbox => inbox.tasks.find(x => x.id === taskId)),
        api(`/api/tasks/${taskId}/form`).catch(formless),
        // What the form opens with: the values already known (what was typed once is not asked twice).
        api(`/api/tasks/${taskId}/form-variables`).catch(formless)]);
      return { task, listed, processName: listed?.processName, businessKey: listed?.businessKey, schema, data };
    },
    complete: (data, task) => api(`/api/tasks/${taskId}/complete`, { method: 'POST', json: { variables: data, revision: task.revision } }),
    evidenceUrl: '/api/evidence',
    after: () => h('p', {}, h('a', { class: 'fd-button', href: '/inbox' }, t('task.backToInbox'))),
  };
}

// Where a mailed link's page reads and completes its one task: /t/{token}/…, authorised by the token alone.
function linkSource(token) {
  return {
    async load() {
      const answer = await api(`/t/${token}/task`);
      useAntiforgery(answer.antiforgery);
      return { task: answer.task, listed: null, processName: answer.processName, businessKey: answer.businessKey, schema: answer.form, data: answer.data };
    },
    complete: data => api(`/t/${token}/complete`, { method: 'POST', json: { variables: data } }),
    evidenceUrl: `/t/${token}/evidence`,
    after: () => null,
  };
}

async function show(main, person, source) {
  let loaded;
  try {
    loaded = await source.load();
  } catch (error) {
    replace(main, h('h1', {}, t('pages.task.title')), errorMessage(error));
    return;
  }

  const { task, listed, schema, data } = loaded;
  const facts = h('dl', { class: 'fd-facts' },
    h('dt', {}, t('task.process')), h('dd', {}, loaded.processName ?? '', loaded.businessKey ? `（${loaded.businessKey}）` : ''),
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
  if (person && task.assignee !== person.id && listed?.relation === 'offered') {
    main.append(h('p', {}, t('task.offeredHint')), h('button', {
      type: 'button', class: 'fd-button',
      onclick: async () => {
        try {
          await api(`/api/tasks/${task.id}/claim`, { method: 'POST', json: { revision: task.revision } });
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

  let form = null;
  let evidence = null;
  if (schema) {
    form = await drawForm(formHost, schema, data ?? {});
    performance.mark('fd-task-form-shown');
    const evidenceKey = formKeys(schema).find(field => /evidence/i.test(field.key));
    if (evidenceKey) {
      evidence = evidenceSection(evidenceKey, source.evidenceUrl);
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
      await source.complete(data, task);
      replace(main, h('h1', {}, t('task.done')), h('p', { role: 'status' }, t('task.doneText', { name: task.name ?? '' })), source.after());
    } catch (error) {
      submit.disabled = false;
      if (!(form && showFieldErrors(error, form, schema, problems))) {
        replace(status, errorMessage(error));
      }
    }
  });
}
