// Instances (office, discipline secretary, first-responsible persons): the list with filters, and one instance: its
// diagram with where the tokens stand and how often each element ran, open tasks, incidents (retry), variables (the
// office changes them, audited), and its history. The office and the discipline secretary urge (催办) an open task from here.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage, signInUrl } from '../../shared/api.js';
import { allows, loadMe } from '../../shared/me.js';
import { formatInstant } from '../../shared/tasks.js';
import { showStart } from './start.js';
import './instances.css';

const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('instances');
  const id = location.pathname.split('/').filter(Boolean)[1];
  if (id === 'start') await showStart(main, person);
  else if (id) await showInstance(main, id);
  else await showList(main);
}

async function showList(main) {
  const params = new URLSearchParams(location.search);
  const field = (name, label, input) => h('div', { class: 'fd-field' }, h('label', { for: `fd-f-${name}` }, label), input);
  const definition = h('select', { id: 'fd-f-definition', name: 'definitionKey' }, h('option', { value: '' }, t('instances.all')));
  const state = h('select', { id: 'fd-f-state', name: 'state' }, h('option', { value: '' }, t('instances.all')),
    ['Active', 'Completed', 'Cancelled'].map(s => h('option', { value: s, selected: params.get('state') === s }, t(`instances.states.${s}`))));
  const subject = h('input', { id: 'fd-f-subject', name: 'businessKey', value: params.get('businessKey') ?? '' });
  const from = h('input', { id: 'fd-f-from', name: 'from', type: 'date', value: params.get('from') ?? '' });
  const to = h('input', { id: 'fd-f-to', name: 'to', type: 'date', value: params.get('to') ?? '' });
  const incident = h('input', { id: 'fd-f-incident', name: 'incident', type: 'checkbox', value: '1', checked: params.get('incident') === '1' });
  const results = h('div', {}, h('p', { class: 'fd-muted' }, t('common.loading')));
  main.append(h('h1', {}, t('pages.instances.title')),
    allows(person, 'starter') ? h('p', {}, h('a', { class: 'fd-button', href: '/instances/start' }, t('start.title'))) : null,
    h('form', { class: 'fd-filters', method: 'get', action: '/instances' },
      field('definition', t('instances.definition'), definition), field('state', t('instances.state'), state),
      field('subject', t('instances.subject'), subject), field('from', t('instances.from'), from), field('to', t('instances.to'), to),
      h('div', { class: 'fd-field fd-check' }, incident, h('label', { for: 'fd-f-incident' }, t('instances.hasIncident'))),
      h('button', { type: 'submit', class: 'fd-button' }, t('instances.filter'))),
    results);
  try {
    const query = new URLSearchParams();
    for (const name of ['definitionKey', 'state', 'businessKey']) if (params.get(name)) query.set(name, params.get(name));
    const [definitions, instances, incidents] = await Promise.all([
      api('/api/definitions'), api(`/api/instances?${query}`), api('/api/incidents')]);
    definitions.forEach(d => definition.append(h('option', { value: d.key, selected: params.get('definitionKey') === d.key }, d.name || d.key)));
    const withIncident = new Set(incidents.map(i => i.instanceId));
    const names = Object.fromEntries(definitions.map(d => [d.key, d.name || d.key]));
    const shown = instances
      .filter(i => !params.get('from') || i.startedAt.slice(0, 10) >= params.get('from'))
      .filter(i => !params.get('to') || i.startedAt.slice(0, 10) <= params.get('to'))
      .filter(i => params.get('incident') !== '1' || withIncident.has(i.id))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    replace(results, h('p', { class: 'fd-muted' }, t('instances.count', { count: shown.length })),
      shown.length === 0 ? h('p', { class: 'fd-empty' }, t('instances.none')) : h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('instances.table') }, h('table', { class: 'fd-table' },
        h('thead', {}, h('tr', {}, ['definition', 'subject', 'state', 'started', 'incidents'].map(c => h('th', { scope: 'col' }, t(`instances.columns.${c}`))))),
        h('tbody', {}, shown.map(i => h('tr', {},
          h('td', {}, h('a', { href: `/instances/${i.id}` }, `${names[i.definitionKey] ?? i.definitionKey} v${i.definitionVersion}`)),
          h('td', {}, i.businessKey ?? ''),
          h('td', {}, t(`instances.states.${i.status}`)),
          h('td', {}, formatInstant(i.startedAt)),
          h('td', {}, withIncident.has(i.id) ? h('span', { class: 'fd-badge fd-red' }, t('instances.incident')) : '')))))));
  } catch (error) {
    replace(results, errorMessage(error));
  }
}

async function showInstance(main, id) {
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  let view;
  let history;
  try {
    [view, history] = await Promise.all([api(`/api/instances/${id}`), api(`/api/instances/${id}/history`)]);
  } catch (error) {
    main.append(h('h1', {}, t('pages.instances.title')), errorMessage(error));
    return;
  }
  const instance = view.instance;
  const diagram = h('div', { class: 'fd-diagram' });
  const [people, definition] = await Promise.all([api('/api/people').catch(() => []),
    api(`/api/definitions/${encodeURIComponent(instance.definitionKey)}`).catch(() => null)]);
  const nameOf = id => people.find(p => p.id === id)?.name ?? id;
  main.append(
    h('p', {}, h('a', { href: '/instances' }, t('instances.back'))),
    h('h1', {}, `${definition?.name || instance.definitionKey} v${instance.definitionVersion}`, instance.businessKey ? ` · ${instance.businessKey}` : ''),
    h('p', { class: 'fd-muted' }, t(`instances.states.${instance.status}`), ' · ', t('instances.startedAt', { at: formatInstant(instance.startedAt) })),
    status, h('p', { class: 'fd-muted fd-small' }, t('instances.diagram')), diagram,
    h('p', { class: 'fd-legend fd-muted fd-small' }, h('span', { class: 'fd-token-badge' }, '1'), ' ', t('instances.legendTokens'), '　',
      h('span', { class: 'fd-ran-badge' }, '1'), ' ', t('instances.legendRan')));

  main.append(section('incidents', view.incidents.length ? h('ul', { class: 'fd-incidents' }, view.incidents.map(incident => h('li', {},
    h('strong', {}, incident.elementId), ` ${incident.code}: ${incident.message} `,
    allows(person, 'office') ? h('button', {
      type: 'button', class: 'fd-button',
      onclick: async () => {
        try {
          await api(`/api/incidents/${incident.id}/retry`, { method: 'POST' });
          location.reload();
        } catch (error) {
          replace(status, errorMessage(error));
        }
      },
    }, t('instances.retry')) : null))) : h('p', { class: 'fd-empty' }, t('instances.noIncidents'))));

  main.append(section('tasks', view.openTasks.length ? h('ul', { class: 'fd-plain' }, view.openTasks.map(task => h('li', {},
    h('a', { href: `/tasks/${task.id}` }, task.name ?? task.elementId), ' · ', task.assignee ? nameOf(task.assignee) : task.candidateGroups ?? task.candidateUsers ?? '',
    task.dueAt ? ` · ${t('tasks.dueAt', { at: formatInstant(task.dueAt) })}` : '',
    allows(person, 'urge') ? urgeForm(task, nameOf) : null))) : h('p', { class: 'fd-empty' }, t('instances.noTasks'))));

  main.append(section('variables', variablesTable(id, view.variables, status)));
  if (allows(person, 'office')) main.append(section('mails', await mailsTable(id)));
  main.append(section('history', h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('instances.table') }, h('table', { class: 'fd-table' },
    h('thead', {}, h('tr', {}, ['at', 'event', 'element', 'details'].map(c => h('th', { scope: 'col' }, t(`instances.historyColumns.${c}`))))),
    h('tbody', {}, history.map(event => h('tr', {}, h('td', { class: 'fd-nowrap' }, formatInstant(event.at)), h('td', { title: event.type }, eventName(event.type)),
      h('td', {}, event.elementId ?? ''), h('td', {}, urgeOf(event) ? urgeText(urgeOf(event), nameOf)
        : event.details ? h('code', { class: 'fd-details' }, readable(event.details)) : ''))))))));

  try {
    const xml = await api(`/api/definitions/${encodeURIComponent(instance.definitionKey)}/xml?version=${instance.definitionVersion}`, { accept: 'application/xml' });
    const { Viewer } = await import('./viewer.js');
    const viewer = new Viewer({ container: diagram });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    mark(viewer, view, history);
  } catch (error) {
    replace(diagram, errorMessage(error));
  }
}

// Where tokens stand (blue, with how many) and how often each element ran (grey count), from the history.
function mark(viewer, view, history) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const ran = {};
  history.filter(e => e.type === 'ElementEntered' && e.elementId).forEach(e => { ran[e.elementId] = (ran[e.elementId] ?? 0) + 1; });
  for (const id of view.activeElements) {
    const element = registry.get(id);
    if (!element) continue;
    canvas.addMarker(element, 'fd-token-here');
    overlays.add(element, { position: { top: -12, right: 12 }, html: h('span', { class: 'fd-token-badge', 'data-element-id': id }, '●') });
  }
  for (const [id, count] of Object.entries(ran)) {
    const element = registry.get(id);
    if (!element || element.waypoints) continue;
    overlays.add(element, { position: { bottom: -6, left: -6 }, html: h('span', { class: 'fd-ran-badge', 'data-ran': id }, String(count)) });
  }
}

function variablesTable(id, variables, status) {
  const office = allows(person, 'office');
  const rows = Object.entries(variables);
  // One place saves a variable: the row's button, or the form below for a new one. The server records each change.
  async function save(name, text) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      replace(status, h('p', { class: 'fd-error', role: 'alert' }, t('instances.notJson', { name })));
      return;
    }
    try {
      await api(`/api/instances/${id}/variables`, { method: 'PUT', json: { [name]: parsed } });
      replace(status, h('p', { class: 'fd-ok' }, t('instances.saved', { name })));
    } catch (error) {
      replace(status, errorMessage(error));
    }
  }
  const table = rows.length ? h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('instances.table') }, h('table', { class: 'fd-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('instances.variableName')), h('th', { scope: 'col' }, t('instances.variableValue')),
      office ? h('th', { scope: 'col' }, t('instances.change')) : null)),
    h('tbody', {}, rows.map(([name, value]) => {
      const input = h('input', { id: `fd-var-${name}`, value: JSON.stringify(value), 'aria-label': name, class: 'fd-var' });
      return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, office ? input : JSON.stringify(value)),
        office ? h('td', {}, h('button', { type: 'button', class: 'fd-secondary', onclick: () => save(name, input.value) }, t('instances.save'))) : null);
    })))) : h('p', { class: 'fd-empty' }, t('instances.noVariables'));
  if (!office) return table;
  const name = h('input', { id: 'fd-new-name', class: 'fd-var' });
  const value = h('input', { id: 'fd-new-value', class: 'fd-var' });
  return h('div', {}, table, h('form', {
    class: 'fd-filters fd-new-variable',
    onsubmit: (event) => {
      event.preventDefault();
      if (name.value.trim()) save(name.value.trim(), value.value);
    },
  }, h('div', { class: 'fd-field' }, h('label', { for: 'fd-new-name' }, t('instances.newName')), name),
  h('div', { class: 'fd-field' }, h('label', { for: 'fd-new-value' }, t('instances.newValue')), value),
  h('button', { type: 'submit', class: 'fd-button' }, t('instances.save'))));
}

// The mails the instance sent (outbox), newest first; each opens as it went out, its task links blanked out.
async function mailsTable(id) {
  let mails;
  try {
    mails = await api(`/api/instances/${id}/mails`);
  } catch (error) {
    return errorMessage(error);
  }
  if (!mails.length) return h('p', { class: 'fd-empty' }, t('instances.noMails'));
  return h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('instances.table') }, h('table', { class: 'fd-table fd-mails' },
    h('thead', {}, h('tr', {}, ['recipient', 'subject', 'kind', 'status', 'sentAt', 'error'].map(c => h('th', { scope: 'col' }, t(`instances.mailColumns.${c}`))))),
    h('tbody', {}, mails.map(mail => h('tr', { 'data-mail-id': mail.id },
      h('td', {}, mail.recipientName ?? mail.recipient ?? '', mail.recipientEmail ? h('div', { class: 'fd-muted fd-small' }, mail.recipientEmail) : null),
      h('td', {}, mail.stored
        ? h('a', { href: `/api/instances/${id}/mails/${mail.id}`, target: '_blank', rel: 'noopener' }, mail.subject || t('instances.readMail'))
        : h('span', { class: 'fd-muted' }, t('instances.notStored'))),
      h('td', {}, mail.template ?? mail.kind),
      h('td', {}, h('span', { class: `fd-badge ${mail.status === 'Failed' ? 'fd-red' : mail.status === 'Pending' ? 'fd-yellow' : 'fd-green'}` },
        t(`instances.mailStates.${mail.status}`))),
      h('td', { class: 'fd-nowrap' }, mail.sentAt ? formatInstant(mail.sentAt) : ''),
      h('td', {}, mail.lastError ?? ''))))));
}

// 催办 (office, discipline secretary): an optional short message and the button; the server mails the task's people their
// link, keeps it in the history, and refuses a second urge within its interval, saying when the next one is allowed.
function urgeForm(task, nameOf) {
  const message = h('input', { id: `fd-urge-${task.id}`, class: 'fd-urge-message', maxlength: '200', placeholder: t('instances.urgeMessage') });
  const status = h('div', { class: 'fd-urge-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'fd-secondary fd-urge' }, t('instances.urge'));
  return h('form', {
    class: 'fd-urge-form',
    'data-task-id': task.id,
    onsubmit: async (event) => {
      event.preventDefault();
      button.disabled = true;
      try {
        const urged = await api(`/api/tasks/${task.id}/urge`, { method: 'POST', json: { message: message.value.trim() || null } });
        message.value = '';
        replace(status, h('span', { class: 'fd-ok' }, t('instances.urged', { who: urged.recipients.map(nameOf).join('、') || t('instances.nobody') })));
      } catch (error) {
        replace(status, errorMessage(error));
      } finally {
        button.disabled = false;
      }
    },
  }, h('label', { for: `fd-urge-${task.id}`, class: 'fd-skip-label' }, t('instances.urgeMessage')), message, button, status);
}

// A TaskCommented event of the type urge: who urged, and their message.
function urgeOf(event) {
  if (event.type !== 'TaskCommented' || !event.details) return null;
  try {
    const details = JSON.parse(event.details);
    return details.type === 'urge' ? details : null;
  } catch {
    return null;
  }
}

function urgeText(urge, nameOf) {
  return t(urge.message ? 'instances.urgedBy' : 'instances.urgedByPlain', { who: nameOf(urge.userId), message: urge.message ?? '' });
}

function section(kind, content) {
  return h('section', { class: 'fd-section', 'aria-labelledby': `fd-${kind}` }, h('h2', { id: `fd-${kind}` }, t(`instances.${kind}`)), content);
}

// History details are JSON written by the engine; shown with Chinese as text, not as \u escapes.
function readable(details) {
  try {
    return JSON.stringify(JSON.parse(details));
  } catch {
    return details;
  }
}

// The event in the page's language; a type this page does not know yet shows as the engine names it.
function eventName(type) {
  const key = `instances.events.${type}`;
  const name = t(key);
  return name === key ? type : name;
}
