// The home page: nobody signed in goes to the sign-in page; a signed-in person sees what they have to do first (their
// open tasks, most urgent first, in working days) and the pages their roles open.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage, signInUrl } from '../../shared/api.js';
import { allows, loadMe } from '../../shared/me.js';
import { taskItem } from '../../shared/tasks.js';

const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('home');
  const todo = h('section', { class: 'fd-section', 'aria-labelledby': 'fd-todo' }, h('p', { class: 'fd-muted' }, t('common.loading')));
  main.append(
    h('h1', {}, t('home.hello', { name: person.name })),
    todo,
    h('section', { class: 'fd-section', 'aria-labelledby': 'fd-pages' },
      h('h2', { id: 'fd-pages' }, t('home.pages')),
      h('div', { class: 'fd-cards' }, cards(person))));
  try {
    const inbox = await api('/api/inbox');
    const open = inbox.tasks.filter(task => task.relation !== 'delegated');
    const red = open.filter(task => task.urgency === 'red').length;
    const yellow = open.filter(task => task.urgency === 'yellow').length;
    replace(todo, 
      h('h2', { id: 'fd-todo' }, t('home.todo'), ' ', h('span', { class: 'fd-count' }, String(open.length))),
      open.length === 0
        ? h('p', { class: 'fd-empty' }, t('home.nothingToDo'))
        : h('p', { class: 'fd-summary' }, red ? h('strong', { class: 'fd-text-red' }, t('home.redCount', { count: red })) : null,
          red && yellow ? t('common.listSeparator') : null,
          yellow ? h('strong', { class: 'fd-text-yellow' }, t('home.yellowCount', { count: yellow })) : null,
          !red && !yellow ? t('home.allInTime') : null),
      open.length ? h('ul', { class: 'fd-tasks' }, open.slice(0, 10).map(task => taskItem(task))) : null,
      open.length > 10 ? h('p', {}, h('a', { href: '/inbox' }, t('home.allTasks', { count: open.length }))) : null);
  } catch (error) {
    replace(todo, h('h2', { id: 'fd-todo' }, t('home.todo')), errorMessage(error));
  }
}

// The pages this person's roles open, each with a line saying what it is for.
function cards(me) {
  const pages = [
    { page: 'inbox', href: '/inbox', show: true },
    { page: 'dashboard', href: '/dashboard', show: allows(me, 'oversight') },
    { page: 'instances', href: '/instances', show: allows(me, 'oversight') },
    { page: 'start', href: '/instances/start', show: allows(me, 'starter') },
    { page: 'designer', href: '/designer', show: allows(me, 'designer') },
    { page: 'calendar', href: '/calendar', show: allows(me, 'office') },
    { page: 'operations', href: '/operations', show: allows(me, 'audit-reader') },
    { page: 'dossier', href: `/dossiers/${encodeURIComponent(me.id)}`, show: true },
    { page: 'account', href: '/account', show: true },
  ];
  return pages.filter(p => p.show).map(p => h('section', { class: 'fd-card' },
    h('h3', {}, h('a', { href: p.href }, t(`pages.${p.page}.title`))),
    h('p', {}, t(`home.cards.${p.page}`))));
}
