// The inbox: the signed-in person's tasks, those offered to them or their groups (claim), and those they handed on
// (delegate). Most urgent first; every action says at once whether it worked.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage, signInUrl } from '../../shared/api.js';
import { loadMe } from '../../shared/me.js';
import { taskItem } from '../../shared/tasks.js';

const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('inbox');
  const status = h('div', { class: 'fd-status', role: 'status', 'aria-live': 'polite' });
  const lists = h('div', {}, h('p', { class: 'fd-muted' }, t('common.loading')));
  main.append(h('h1', {}, t('pages.inbox.title')), status, lists);
  let people = null;

  async function refresh() {
    try {
      const inbox = await api('/api/inbox');
      const by = relation => inbox.tasks.filter(task => task.relation === relation);
      replace(lists, 
        section('mine', by('mine'), task => [
          h('a', { class: 'fd-button', href: `/tasks/${task.id}` }, t('inbox.open')),
          h('button', { type: 'button', class: 'fd-secondary', onclick: event => delegateForm(event.currentTarget, task) }, t('inbox.delegate')),
        ]),
        section('offered', by('offered'), task => [
          h('button', { type: 'button', class: 'fd-button', onclick: () => act(task, 'claim', {}, t('inbox.claimed', { name: task.name })) },
            t('inbox.claim')),
        ]),
        section('delegated', by('delegated'), () => []));
    } catch (error) {
      replace(lists, errorMessage(error));
    }
  }

  function section(kind, tasks, actions) {
    return h('section', { class: 'fd-section', 'aria-labelledby': `fd-${kind}` },
      h('h2', { id: `fd-${kind}` }, t(`inbox.${kind}`), ' ', h('span', { class: 'fd-count' }, String(tasks.length))),
      tasks.length
        ? h('ul', { class: 'fd-tasks' }, tasks.map(task => taskItem(task, ...actions(task))))
        : h('p', { class: 'fd-empty' }, t(`inbox.${kind}Empty`)));
  }

  async function act(task, verb, body, done) {
    replace(status);
    try {
      await api(`/api/tasks/${task.id}/${verb}`, { method: 'POST', json: { ...body, revision: task.revision } });
      replace(status, h('p', { class: 'fd-ok' }, done));
      await refresh();
    } catch (error) {
      replace(status, errorMessage(error));
      await refresh();
    }
  }

  // Delegation: pick a colleague in place; the task stays the person's own (they are its owner) until it comes back.
  async function delegateForm(button, task) {
    const row = button.closest('li');
    if (row.querySelector('.fd-delegate')) return;
    people ??= await api('/api/people').catch(() => []);
    const id = `fd-delegate-${task.id}`;
    const select = h('select', { id }, h('option', { value: '' }, t('inbox.choosePerson')),
      people.filter(p => p.id !== person.id).map(p => h('option', { value: p.id }, p.title ? `${p.name}（${p.title}）` : p.name)));
    const form = h('form', {
      class: 'fd-delegate',
      onsubmit: (event) => {
        event.preventDefault();
        if (!select.value) {
          select.focus();
          return;
        }
        const chosen = people.find(p => p.id === select.value);
        act(task, 'delegate', { userId: select.value }, t('inbox.delegatedDone', { name: task.name, to: chosen?.name ?? select.value }));
      },
    }, h('label', { for: id }, t('inbox.delegateTo')), select,
    h('button', { type: 'submit', class: 'fd-button' }, t('inbox.delegateConfirm')),
    h('button', { type: 'button', class: 'fd-secondary', onclick: () => form.remove() }, t('common.cancel')));
    row.append(form);
    select.focus();
  }

  await refresh();
}
