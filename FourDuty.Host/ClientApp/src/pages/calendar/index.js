// The working-day calendar (office): each year as twelve months, holidays (放假) and make-up working days (调休上班)
// edited in lists beside it, saved whole per year (audited). A banner warns while a year in use is unconfirmed; after a
// change the page lists the open deadlines that now fall on a day off.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage, signInUrl } from '../../shared/api.js';
import { loadMe } from '../../shared/me.js';
import { formatInstant } from '../../shared/tasks.js';
import './calendar.css';

const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('calendar');
  const banner = h('div', {});
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const body = h('div', {}, h('p', { class: 'fd-muted' }, t('common.loading')));
  main.append(h('h1', {}, t('pages.calendar.title')), banner, status, body);
  let state;
  let year = Number(new URLSearchParams(location.search).get('year')) || null;

  const load = async () => {
    try {
      state = await api('/api/calendar');
      year ??= Number(state.today.slice(0, 4));
      draw();
    } catch (error) {
      replace(body, errorMessage(error));
    }
  };

  function draw() {
    replace(banner, state.unconfirmedInUse.length
      ? h('div', { class: 'fd-error', role: 'alert' }, t('calendar.unconfirmed', { years: state.unconfirmedInUse.join('、') })) : null,
    state.deadlinesOnDaysOff.length ? h('div', { class: 'fd-warning', role: 'alert' },
      h('p', {}, t('calendar.onDaysOff', { count: state.deadlinesOnDaysOff.length })),
      h('ul', {}, state.deadlinesOnDaysOff.map(d => h('li', {}, h('a', { href: `/instances/${d.instanceId}` }, d.name),
        ` · ${d.assignee ?? ''} · ${formatInstant(d.dueAt)}`)))) : null);
    const data = state.years.find(y => y.year === year) ?? { year, status: 'unconfirmed', source: '', note: '', holidays: [], makeUpWorkingDays: [] };
    const years = [...new Set([...state.years.map(y => y.year), year, year + 1])].sort();
    replace(body,
      h('nav', { class: 'fd-years', 'aria-label': t('calendar.years') }, years.map(y => h('a', {
        href: `/calendar?year=${y}`, 'aria-current': y === year ? 'page' : undefined,
        onclick: (event) => { event.preventDefault(); year = y; history.replaceState(null, '', `/calendar?year=${y}`); draw(); },
      }, String(y), state.years.find(x => x.year === y)?.status === 'unconfirmed' ? ` ${t('calendar.unconfirmedMark')}` : ''))),
      h('div', { class: 'fd-calendar-layout' }, months(data), editor(data)));
  }

  // Twelve months; each day says in its class and its title whether it is a working day.
  function months(data) {
    const off = new Map();
    data.holidays.forEach(holiday => {
      for (let d = new Date(`${holiday.from}T00:00:00Z`); d <= new Date(`${holiday.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        off.set(d.toISOString().slice(0, 10), holiday.name);
      }
    });
    const work = new Map(data.makeUpWorkingDays.map(d => [d.date, d.name ?? '']));
    const weekdays = t('calendar.weekdays').split(',');
    return h('div', { class: 'fd-months' }, Array.from({ length: 12 }, (_, month) => {
      const first = new Date(Date.UTC(data.year, month, 1));
      const cells = [];
      for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) cells.push(h('td', {}));
      for (let d = new Date(first); d.getUTCMonth() === month; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
        const kind = off.has(iso) ? 'holiday' : work.has(iso) ? 'makeup' : weekend ? 'weekend' : 'workday';
        const title = kind === 'holiday' ? `${iso} ${off.get(iso)}` : kind === 'makeup' ? `${iso} ${t('calendar.makeUp')} ${work.get(iso)}` : iso;
        cells.push(h('td', { class: `fd-day fd-${kind}`, title, 'data-date': iso }, String(d.getUTCDate())));
      }
      const rows = [];
      for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, cells.slice(i, i + 7)));
      return h('table', { class: 'fd-month' },
        h('caption', {}, t('calendar.month', { year: data.year, month: month + 1 })),
        h('thead', {}, h('tr', {}, weekdays.map(w => h('th', { scope: 'col' }, w)))),
        h('tbody', {}, rows));
    }), h('p', { class: 'fd-legend fd-small' }, ['workday', 'weekend', 'holiday', 'makeup'].map(kind =>
      h('span', { class: `fd-key fd-${kind}` }, t(`calendar.legend.${kind}`)))));
  }

  // The year's lists as editable rows; Save sends the whole year.
  function editor(data) {
    const holidayRows = h('tbody', {});
    const makeUpRows = h('tbody', {});
    const input = (attrs, label) => h('input', { ...attrs, 'aria-label': label });
    const addHoliday = (holiday = { name: '', from: '', to: '' }) => holidayRows.append(h('tr', {},
      h('td', {}, input({ class: 'fd-h-name', value: holiday.name }, t('calendar.name'))),
      h('td', {}, input({ class: 'fd-h-from', type: 'date', value: holiday.from }, t('calendar.from'))),
      h('td', {}, input({ class: 'fd-h-to', type: 'date', value: holiday.to }, t('calendar.to'))),
      h('td', {}, h('button', { type: 'button', class: 'fd-secondary', onclick: e => e.currentTarget.closest('tr').remove() }, t('calendar.remove')))));
    const addMakeUp = (day = { date: '', name: '' }) => makeUpRows.append(h('tr', {},
      h('td', {}, input({ class: 'fd-m-date', type: 'date', value: day.date }, t('calendar.date'))),
      h('td', {}, input({ class: 'fd-m-name', value: day.name ?? '' }, t('calendar.name'))),
      h('td', {}, h('button', { type: 'button', class: 'fd-secondary', onclick: e => e.currentTarget.closest('tr').remove() }, t('calendar.remove')))));
    data.holidays.forEach(addHoliday);
    data.makeUpWorkingDays.forEach(addMakeUp);
    const statusSelect = h('select', { id: 'fd-cal-status' }, ['official', 'unconfirmed'].map(s => h('option', { value: s, selected: data.status === s }, t(`calendar.status.${s}`))));
    const source = h('input', { id: 'fd-cal-source', value: data.source ?? '' });
    const note = h('textarea', { id: 'fd-cal-note', rows: 3 }, data.note ?? '');
    const head = (...names) => h('thead', {}, h('tr', {}, names.map(n => h('th', { scope: 'col' }, n))));
    return h('form', {
      class: 'fd-calendar-editor',
      onsubmit: async (event) => {
        event.preventDefault();
        const body = {
          status: statusSelect.value, source: source.value, note: note.value,
          holidays: [...holidayRows.rows].map(r => ({ name: r.querySelector('.fd-h-name').value, from: r.querySelector('.fd-h-from').value, to: r.querySelector('.fd-h-to').value })),
          makeUpWorkingDays: [...makeUpRows.rows].map(r => ({ date: r.querySelector('.fd-m-date').value, name: r.querySelector('.fd-m-name').value })),
        };
        try {
          state = await api(`/api/calendar/${data.year}`, { method: 'PUT', json: body });
          draw();
          replace(status, h('p', { class: 'fd-ok' }, t('calendar.saved', { year: data.year })));
        } catch (error) {
          replace(status, errorMessage(error));
        }
      },
    },
    h('h2', {}, t('calendar.edit', { year: data.year })),
    h('div', { class: 'fd-field' }, h('label', { for: 'fd-cal-status' }, t('calendar.statusLabel')), statusSelect),
    h('div', { class: 'fd-field' }, h('label', { for: 'fd-cal-source' }, t('calendar.source')), source),
    h('div', { class: 'fd-field' }, h('label', { for: 'fd-cal-note' }, t('calendar.note')), note),
    h('h3', {}, t('calendar.holidays')),
    h('table', { class: 'fd-table fd-edit-table' }, head(t('calendar.name'), t('calendar.from'), t('calendar.to'), t('calendar.remove')), holidayRows),
    h('button', { type: 'button', class: 'fd-secondary', onclick: () => addHoliday() }, t('calendar.addHoliday')),
    h('h3', {}, t('calendar.makeUps')),
    h('table', { class: 'fd-table fd-edit-table' }, head(t('calendar.date'), t('calendar.name'), t('calendar.remove')), makeUpRows),
    h('button', { type: 'button', class: 'fd-secondary', onclick: () => addMakeUp() }, t('calendar.addMakeUp')),
    h('p', {}, h('button', { type: 'submit', class: 'fd-button' }, t('calendar.save'))));
  }

  await load();
}
