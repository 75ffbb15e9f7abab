// The frame every page shares: the product name, the navigation, the language switch and the page's main area.
import { currentLanguage, loadStrings, otherLanguage, switchLanguage, t } from './i18n.js';
import { h } from './dom.js';
import './shell.css';

const NAVIGATION = [
  { page: 'home', href: '/' },
  { page: 'designer', href: '/designer' },
];

/** Loads the strings and draws the shell; returns the <main> element the page fills. */
export async function startPage(page) {
  await loadStrings();
  const other = otherLanguage();
  const nav = h('nav', { class: 'fd-nav', 'aria-label': t('shell.navigation') },
    NAVIGATION.map(item => h('a', {
      href: item.href,
      'aria-current': item.page === page ? 'page' : undefined,
    }, t(`pages.${item.page}.title`))));
  const header = h('header', { class: 'fd-header' },
    h('a', { class: 'fd-product', href: '/' }, t('shell.product')),
    nav,
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
