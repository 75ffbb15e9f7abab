// The dashboard's filters: year, subject, portfolio area and process, read from and written to the URL's query string
// (the form is a plain GET form, so the browser keeps them in the address and history).
import { t } from '../../shared/i18n.js';
import { h } from '../../shared/dom.js';

const KEYS = ['year', 'subjectId', 'area', 'process'];

/** The filter the URL asks for; year stays null when not given (the service's year is used). */
export function readFilter(search) {
  const params = new URLSearchParams(search);
  const filter = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    filter[key] = value ? value : null;
  }
  filter.year = filter.year && /^\d{4}$/.test(filter.year) ? Number(filter.year) : null;
  return filter;
}

/** The query string of the filter's set values, limited to keys when given. */
export function query(filter, keys = KEYS) {
  const params = new URLSearchParams();
  for (const key of keys) {
    if (filter[key] !== null && filter[key] !== undefined && filter[key] !== '') params.set(key, String(filter[key]));
  }
  return params.toString();
}

/** The filter form; changing a field applies it at once, the button is there for keyboards and no surprises. */
export function filterForm(filter, choices) {
  const years = [];
  for (let year = choices.thisYear + 1; year >= choices.thisYear - 4; year--) years.push(year);
  if (!years.includes(filter.year)) years.push(filter.year);
  const select = (name, label, options, value) => h('div', { class: 'fd-field' },
    h('label', { for: `fd-filter-${name}` }, label),
    h('select', { id: `fd-filter-${name}`, name, onchange: event => event.target.form.requestSubmit() },
      options.map(([optionValue, text]) => h('option', { value: optionValue, selected: String(value ?? '') === String(optionValue) }, text))));
  const all = ['', t('dashboard.all')];
  // Without the empty fields, so that the address says only what is filtered.
  const submit = (event) => {
    event.preventDefault();
    const chosen = readFilter(`?${new URLSearchParams(new FormData(event.target))}`);
    location.assign(`/dashboard?${query(chosen)}`);
  };
  return h('form', { class: 'fd-filters', method: 'get', action: '/dashboard', role: 'search', 'aria-label': t('dashboard.filters'), onsubmit: submit },
    select('year', t('dashboard.year'), years.map(year => [year, String(year)]), filter.year),
    select('subjectId', t('dashboard.subject'), [all, ...choices.subjects.map(s => [s.id, s.name])], filter.subjectId),
    select('area', t('dashboard.area'), [all, ...choices.areas.map(area => [area, area])], filter.area),
    select('process', t('dashboard.process'), [all, ...choices.processes.map(p => [p, t(`dashboard.processes.${p}`)])], filter.process),
    h('button', { type: 'submit', class: 'fd-secondary' }, t('dashboard.apply')));
}
