// Operations (admin; the audit trail also for the discipline secretary): the outbox and the background jobs (their own
// pages), accounts and their roles, and the audit trail with its export.
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, apiFile, errorMessage, signInUrl } from '../../shared/api.js';
import { allows, loadMe } from '../../shared/me.js';
import { formatInstant } from '../../shared/tasks.js';
import '../instances/instances.css';

const ROLES = ['admin', 'designer', 'office', 'discipline', 'leader'];
const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('operations');
  main.append(h('h1', {}, t('pages.operations.title')));
  if (allows(person, 'admin')) {
    main.append(h('section', { class: 'fd-section', 'aria-labelledby': 'fd-ops-links' },
      h('h2', { id: 'fd-ops-links' }, t('operations.services')),
      h('div', { class: 'fd-cards' },
        h('section', { class: 'fd-card' }, h('h3', {}, h('a', { href: '/outbox' }, t('pages.outbox.title'))), h('p', {}, t('home.cards.outbox'))),
        h('section', { class: 'fd-card' }, h('h3', {}, h('a', { href: '/hangfire' }, t('pages.jobs.title'))), h('p', {}, t('home.cards.jobs'))))));
    main.append(await accounts());
  }
  if (allows(person, 'audit-reader')) main.append(audit());
  if (!allows(person, 'admin') && !allows(person, 'audit-reader')) {
    main.append(h('p', { class: 'fd-error', role: 'alert' }, t('errors.forbidden')));
  }
}

async function accounts() {
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const section = h('section', { class: 'fd-section fd-wide', 'aria-labelledby': 'fd-ops-accounts' },
    h('h2', { id: 'fd-ops-accounts' }, t('operations.accounts')), status);
  let list;
  try {
    list = await api('/api/accounts');
  } catch (error) {
    section.append(errorMessage(error));
    return section;
  }
  section.append(h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('operations.accounts') }, h('table', { class: 'fd-table' },
    h('thead', {}, h('tr', {}, ['account', 'roles', 'password', 'actions'].map(c => h('th', { scope: 'col' }, t(`operations.columns.${c}`))))),
    h('tbody', {}, list.map(account => {
      const boxes = ROLES.map(role => h('label', { class: 'fd-role' },
        h('input', { type: 'checkbox', value: role, checked: account.roles.includes(role) }), ' ', t(`operations.roleNames.${role}`)));
      const password = h('input', { type: 'password', autocomplete: 'new-password', 'aria-label': t('operations.newPassword', { id: account.id }), class: 'fd-var' });
      // What the row says of the password; a new one set here also lifts a lockout, so the row says so at once.
      const passwordState = h('td', {}, account.hasPassword ? t('operations.hasPassword') : t('operations.noPassword'),
        account.lockedOutUntil ? h('div', { class: 'fd-text-red' }, t('operations.locked', { until: formatInstant(account.lockedOutUntil) })) : null);
      return h('tr', { 'data-account': account.id },
        h('th', { scope: 'row' }, account.id, account.name ? h('div', { class: 'fd-muted fd-small' }, `${account.name}${account.title ? ' · ' + account.title : ''}`) : null),
        h('td', {}, h('div', { class: 'fd-roles', role: 'group', 'aria-label': t('operations.rolesOf', { id: account.id }) }, boxes),
          account.rolesSetByAdmin ? h('div', { class: 'fd-muted fd-small' }, t('operations.setByAdmin')) : null),
        passwordState,
        h('td', {},
          h('button', {
            type: 'button', class: 'fd-button',
            onclick: async () => {
              const roles = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
              try {
                await api(`/api/accounts/${encodeURIComponent(account.id)}/roles`, { method: 'PUT', json: { roles } });
                replace(status, h('p', { class: 'fd-ok' }, t('operations.rolesSaved', { id: account.id })));
              } catch (error) {
                replace(status, errorMessage(error));
              }
            },
          }, t('operations.saveRoles')),
          h('div', { class: 'fd-password' }, password, h('button', {
            type: 'button', class: 'fd-secondary',
            onclick: async () => {
              try {
                await api(`/api/accounts/${encodeURIComponent(account.id)}/password`, { method: 'PUT', json: { password: password.value } });
                password.value = '';
                passwordState.replaceChildren(t('operations.hasPassword'));
                replace(status, h('p', { class: 'fd-ok' }, t('operations.passwordSet', { id: account.id })));
              } catch (error) {
                replace(status, errorMessage(error));
              }
            },
          }, t('operations.setPassword')))));
    })))));
  return section;
}

function audit() {
  const field = (id, label, input) => h('div', { class: 'fd-field' }, h('label', { for: id }, label), input);
  const actor = h('input', { id: 'fd-a-actor' });
  const operation = h('input', { id: 'fd-a-operation', placeholder: 'task.' });
  const from = h('input', { id: 'fd-a-from', type: 'date' });
  const to = h('input', { id: 'fd-a-to', type: 'date' });
  const results = h('div', {});
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const query = () => {
    const q = new URLSearchParams();
    if (actor.value) q.set('actor', actor.value);
    if (operation.value) q.set('operation', operation.value);
    // Days are China's: from its midnight to the next.
    if (from.value) q.set('from', `${from.value}T00:00:00+08:00`);
    if (to.value) q.set('to', `${to.value}T23:59:59+08:00`);
    return q;
  };
  const search = async () => {
    try {
      const entries = await api(`/api/audit?${query()}&limit=200`);
      replace(results, h('p', { class: 'fd-muted' }, t('operations.entries', { count: entries.length })),
        h('div', { class: 'fd-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('operations.audit') }, h('table', { class: 'fd-table' },
          h('thead', {}, h('tr', {}, ['at', 'actor', 'operation', 'target', 'summary', 'status'].map(c => h('th', { scope: 'col' }, t(`operations.auditColumns.${c}`))))),
          h('tbody', {}, entries.map(e => h('tr', {}, h('td', { class: 'fd-nowrap' }, formatInstant(e.at)), h('td', {}, e.actor, e.via ? ` (${e.via})` : ''),
            h('td', {}, e.operation), h('td', {}, e.target ?? ''), h('td', {}, e.summary ?? ''), h('td', {}, String(e.status))))))));
    } catch (error) {
      replace(results, errorMessage(error));
    }
  };
  const exportAs = format => async () => {
    try {
      const { blob, name } = await apiFile(`/api/audit/export?format=${format}&${query()}`);
      const link = h('a', { href: URL.createObjectURL(blob), download: name }, name);
      replace(status, h('p', { class: 'fd-ok' }, t('operations.exported'), ' ', link));
      link.click();
    } catch (error) {
      replace(status, errorMessage(error));
    }
  };
  const section = h('section', { class: 'fd-section fd-wide', 'aria-labelledby': 'fd-ops-audit' },
    h('h2', { id: 'fd-ops-audit' }, t('operations.audit')),
    h('form', { class: 'fd-filters', onsubmit: (event) => { event.preventDefault(); search(); } },
      field('fd-a-actor', t('operations.actor'), actor), field('fd-a-operation', t('operations.operation'), operation),
      field('fd-a-from', t('operations.from'), from), field('fd-a-to', t('operations.to'), to),
      h('button', { type: 'submit', class: 'fd-button' }, t('operations.search')),
      h('button', { type: 'button', class: 'fd-secondary', onclick: exportAs('xlsx') }, t('operations.exportXlsx')),
      h('button', { type: 'button', class: 'fd-secondary', onclick: exportAs('csv') }, t('operations.exportCsv'))),
    status, results);
  search();
  return section;
}
