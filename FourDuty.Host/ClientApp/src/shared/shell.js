// The frame every page shares: the product name, the navigation (the pages the signed-in person's roles open), the
// language switch and the page's main area.
import { currentLanguage, loadStrings, otherLanguage, switchLanguage, t } from './i18n.js';
import { h } from './dom.js';
import { allows, loadMe } from './me.js';
import './shell.css';

// Each page and the policy it needs (null: anyone, the page itself asks for sign-in).
export const NAVIGATION = [
  { page: 'home', href: '/', policy: null },
  { page: 'inbox', href: '/inbox', policy: 'signed-in' },
  { page: 'dashboard', href: '/dashboard', policy: 'oversight' },
  { page: 'instances', href: '/instances', policy: 'oversight' },
  { page: 'designer', href: '/designer', policy: 'designer' },
  { page: 'calendar', href: '/calendar', policy: 'office' },
  { page: 'operations', href: '/operations', policy: 'audit-reader' },
];

/** The pages a person may open, in the navigation's order. */
export function pagesFor(person) {
  return NAVIGATION.filter(item => item.policy === null || allows(person, item.policy));
}

/**
 * Loads the strings and draws the shell; returns the <main> element the page fills. signedOut: the page knows nobody is
 * signed in (a mailed link's task page) and does not ask.
 */
export async function startPage(page, { signedOut = false } = {}) {
  const [, person] = await Promise.all([loadStrings(), signedOut ? null : loadMe().catch(() => null)]);
  const other = otherLanguage();
  const nav = h('nav', { class: 'fd-nav', 'aria-label': t('shell.navigation') },
    pagesFor(person).map(item => h('a', {
      href: item.href,
      'aria-current': item.page === page ? 'page' : undefined,
    }, t(`pages.${item.page}.title`))));
  const header = h('header', { class: 'fd-header' },
    h('a', { class: 'fd-product', href: '/' }, t('shell.product')),
    nav,
    person ? h('a', { class: 'fd-person', href: '/account' }, person.name) : null,
    h('button', {
      type: 'button',
      class: 'fd-lang',
      lang: other,
      'aria-label': t('shell.switchLanguage'),
      onclick: () => switchLanguage(other),
    }, t('shell.otherLanguage')));
  const main = h('main', { id: 'main', class: `fd-main fd-page-${page}` });
  document.body.replaceChildren(h('a', { class: 'fd-skip', href: '#main' }, t('shell.skip')), header, main);
  document.documentElement.lang = currentLanguage();
  return main;
}
