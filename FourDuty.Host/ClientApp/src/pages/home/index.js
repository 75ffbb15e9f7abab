// The home page. Signed-in content (a person's tasks by urgency, the pages their roles open) comes with sign-in;
// for now it leads to what exists.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h } from '../../shared/dom.js';

const main = await startPage('home');
main.append(
  h('h1', {}, t('home.welcome')),
  h('p', { class: 'fd-muted' }, t('home.intro')),
  h('div', { class: 'fd-cards' },
    h('section', { class: 'fd-card' },
      h('h2', {}, h('a', { href: '/designer' }, t('pages.designer.title'))),
      h('p', {}, t('home.designer')))));
