// The year by month: a chart for those who would rather look (echarts, loaded only here and only after the rest of the
// page is drawn) and the same numbers as a table for those who read or use a screen reader.
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';

const COLUMNS = ['itemsDue', 'itemsDueOpen', 'findingsDue', 'findingsClosed', 'lapses', 'talksHeld'];

export function monthsSection({ view }) {
  const chart = h('div', { class: 'fd-chart', role: 'img', 'aria-label': t('dashboard.monthsChart') },
    h('p', { class: 'fd-muted' }, t('dashboard.chartLoading')));
  const labels = view.months.map(m => t('dashboard.month', { month: m.month }));
  // The chunk is fetched once the page is on screen; a failure leaves the table, which holds the same numbers.
  import('./chart.js')
    .then(({ drawMonths }) => drawMonths(chart, labels, view.months, key => t(`dashboard.mcol.${key}`)))
    .catch(() => replace(chart, h('p', { class: 'fd-muted' }, t('dashboard.chartFailed'))));
  return h('section', { class: 'fd-section fd-wide', 'aria-labelledby': 'fd-months' },
    h('h2', { id: 'fd-months' }, t('dashboard.months')),
    chart,
    h('details', { class: 'fd-months-table' }, h('summary', {}, t('dashboard.monthsTable')),
      h('div', { class: 'fd-table-wrap' }, h('table', { class: 'fd-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dashboard.mcol.month')), COLUMNS.map(key => h('th', { scope: 'col' }, t(`dashboard.mcol.${key}`))))),
        h('tbody', {}, view.months.map((m, index) => h('tr', {}, h('th', { scope: 'row' }, labels[index]), COLUMNS.map(key => h('td', {}, String(m[key]))))))))));
}
