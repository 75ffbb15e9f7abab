// The oversight dashboard (监督看板) of the office, the discipline secretary and the first-responsible persons: per year,
// each subject's green/yellow/red under the API's rule (its legend shown), open, due-soon and overdue work, the annual
// cycle, rectification per feedback, lapses with their classification and notes, talks with their commitments, and the
// months as a chart. The filters live in the URL (a plain GET form), so a view can be bookmarked and sent; the Excel
// exports take the same filters. Subjects come in the organisation's order: nobody is ranked.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, ApiError, errorMessage, signInUrl } from '../../shared/api.js';
import { allows, loadMe } from '../../shared/me.js';
import { filterForm, readFilter, query } from './filters.js';
import { subjectsSection, cycleSection } from './subjects.js';
import { rectificationSection, lapsesSection, talksSection } from './records.js';
import { monthsSection } from './months.js';
import './dashboard.css';

const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('dashboard');
  await show(main, person);
}

async function show(main, me) {
  if (!allows(me, 'oversight')) {
    replace(main, h('h1', {}, t('pages.dashboard.title')), h('p', { class: 'fd-error', role: 'alert' }, t('dashboard.forbidden')));
    return;
  }

  replace(main, h('h1', {}, t('pages.dashboard.title')), h('p', { class: 'fd-muted' }, t('common.loading')));
  let choices;
  let view;
  let people;
  const filter = readFilter(location.search);
  try {
    choices = await api('/api/oversight/choices');
    filter.year ??= choices.thisYear;
    [view, people] = await Promise.all([api(`/api/oversight/dashboard?${query(filter)}`), api('/api/people')]);
  } catch (error) {
    replace(main, h('h1', {}, t('pages.dashboard.title')),
      error instanceof ApiError && error.forbidden ? h('p', { class: 'fd-error', role: 'alert' }, t('dashboard.forbidden')) : errorMessage(error));
    return;
  }

  const names = new Map(people.map(p => [p.id, p.name]));
  const subjectNames = new Map(choices.subjects.map(s => [s.id, s.name]));
  const context = { view, filter, names, subjectNames, personName: id => (id ? names.get(id) ?? id : '') };
  replace(main,
    h('h1', {}, t('pages.dashboard.title'), ' ', h('span', { class: 'fd-muted fd-small' }, t('dashboard.asOf', { date: view.today }))),
    filterForm(filter, choices),
    h('p', { class: 'fd-legend', id: 'fd-legend' },
      ['Red', 'Yellow', 'Green'].map(level => h('span', { class: `fd-badge fd-${level.toLowerCase()}` }, t(`dashboard.alert.${level}`))),
      ' ', t('dashboard.legend', { days: view.dueSoonDays })),
    exportsSection(filter),
    subjectsSection(context),
    view.cycle ? cycleSection(context) : null,
    view.rectification.length || filter.process === 'rectification' || !filter.process ? rectificationSection(context) : null,
    !filter.process || filter.process === 'gapfill' ? lapsesSection(context) : null,
    !filter.process || filter.process === 'talk' ? talksSection(context) : null,
    monthsSection(context));
}

// The Excel ledgers with the filters each one understands, and the year's summary as Word.
function exportsSection(filter) {
  const ledgers = [
    ['lists', ['year', 'subjectId', 'area']],
    ['rectification', ['year', 'subjectId', 'area']],
    ['lapses', ['year', 'subjectId']],
    ['talks', ['year', 'subjectId']],
  ];
  return h('section', { class: 'fd-section fd-wide', 'aria-labelledby': 'fd-exports' },
    h('h2', { id: 'fd-exports' }, t('dashboard.exports')),
    h('p', { class: 'fd-exports' }, t('dashboard.exportsHint'), ' ',
      ledgers.map(([name, keys]) => h('a', {
        class: 'fd-export', href: `/api/oversight/ledgers/${name}?${query(filter, keys)}`, download: true, 'data-ledger': name,
      }, t(`dashboard.ledgers.${name}`))),
      h('a', { class: 'fd-export', href: `/api/oversight/reports/year/${filter.year}`, download: true }, t('dashboard.yearSummary', { year: filter.year }))));
}
