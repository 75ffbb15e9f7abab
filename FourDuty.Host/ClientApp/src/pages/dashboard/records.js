// Rectification per feedback (with its written report), the year's lapses with their classification and notes, and
// the reminder talks with their commitments.
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage } from '../../shared/api.js';
import { formatInstant } from '../../shared/tasks.js';

function table(className, keys, prefix, rows) {
  return h('div', { class: 'fd-table-wrap' }, h('table', { class: `fd-table ${className}` },
    h('thead', {}, h('tr', {}, keys.map(key => h('th', { scope: 'col' }, t(`${prefix}.${key}`))))),
    h('tbody', {}, rows)));
}

// A person's name, linking to their dossier of the year.
function dossierLink(id, personName, year) {
  return id ? h('a', { href: `/dossiers/${encodeURIComponent(id)}?year=${year}` }, personName(id)) : '';
}

function section(id, title, empty, rows, build) {
  return h('section', { class: 'fd-section fd-wide', 'aria-labelledby': id },
    h('h2', { id }, title, ' ', h('span', { class: 'fd-count' }, String(rows.length))),
    rows.length ? build() : h('p', { class: 'fd-empty' }, empty));
}

/** 整改台账 per feedback: findings by state, the overdue ones, the written report as .docx. */
export function rectificationSection({ view }) {
  const keys = ['feedback', 'source', 'received', 'findings', 'open', 'submitted', 'sentBack', 'verified', 'closed', 'overdue', 'report'];
  return section('fd-rectification', t('dashboard.rectification'), t('dashboard.noRectification'), view.rectification, () =>
    table('fd-rectification', keys, 'dashboard.rcol', view.rectification.map(f => h('tr', { 'data-feedback': f.feedbackId },
      h('th', { scope: 'row' }, f.title),
      h('td', {}, t(`dashboard.sources.${f.source}`)),
      h('td', { class: 'fd-nowrap' }, f.receivedOn),
      h('td', {}, h('progress', { max: Math.max(f.findings, 1), value: f.closed, 'aria-label': `${t('dashboard.rcol.closed')} ${f.closed}/${f.findings}` }),
        ' ', `${f.closed}/${f.findings}`),
      h('td', {}, String(f.open)),
      h('td', {}, String(f.submitted)),
      h('td', {}, String(f.sentBack)),
      h('td', {}, String(f.verified)),
      h('td', {}, String(f.closed)),
      h('td', { class: f.overdue ? 'fd-text-red' : undefined }, String(f.overdue)),
      h('td', {}, h('a', { href: `/api/oversight/reports/rectification/${f.feedbackId}`, download: true }, t('dashboard.reportDocx')),
        f.reportWritten ? null : h('div', { class: 'fd-muted fd-small' }, t('dashboard.reportNotYet')))))));
}

// A lapse's record and every note on it, read when first opened.
function notes(lapse) {
  const body = h('div', { class: 'fd-notes' }, h('p', { class: 'fd-muted' }, t('common.loading')));
  let loaded = false;
  return h('details', {
    id: `fd-lapse-${lapse.id}`,
    ontoggle: async (event) => {
      if (!event.target.open || loaded) return;
      loaded = true;
      try {
        const history = await api(`/api/oversight/lapses/${lapse.id}`);
        replace(body, history.annotations.length === 0
          ? h('p', { class: 'fd-muted' }, t('dashboard.noNotes'))
          : h('ol', { class: 'fd-plainlist' }, history.annotations.map(note => h('li', {},
            h('div', { class: 'fd-muted fd-small' }, t('dashboard.noteBy', { by: note.by, at: formatInstant(note.at) })),
            h('div', {}, note.text),
            note.class ? h('div', { class: 'fd-small' }, t('dashboard.noteClassified', { class: t(`dashboard.classes.${note.class}`) })) : null))));
      } catch (error) {
        loaded = false;
        replace(body, errorMessage(error));
      }
    },
  }, h('summary', {}, t('dashboard.notesCount', { count: lapse.annotations })), body);
}

/** 失责记录 of the year, oldest deadline first (as the API gives them), each with its classification and notes. */
export function lapsesSection({ view, subjectNames, personName }) {
  const keys = ['subject', 'person', 'what', 'dueAt', 'doneLater', 'class', 'notes'];
  const seen = new Set();
  return section('fd-lapses', t('dashboard.lapses'), t('dashboard.noLapses'), view.lapses, () =>
    table('fd-lapses', keys, 'dashboard.lcol', view.lapses.map((lapse) => {
      const first = !seen.has(lapse.subjectId);
      seen.add(lapse.subjectId);
      return h('tr', { id: first ? `fd-lapses-${lapse.subjectId}` : undefined, 'data-lapse': lapse.id },
        h('td', {}, subjectNames.get(lapse.subjectId) ?? lapse.subjectId),
        h('td', {}, dossierLink(lapse.personId, personName, view.year)),
        h('th', { scope: 'row' }, lapse.what),
        h('td', {}, formatInstant(lapse.dueAt)),
        h('td', {}, lapse.doneLaterAt ? formatInstant(lapse.doneLaterAt) : t('dashboard.notDoneLater')),
        h('td', { class: lapse.class === 'Unclassified' ? 'fd-muted' : undefined }, t(`dashboard.classes.${lapse.class}`)),
        h('td', {}, notes(lapse)));
    })));
}

/** 约谈提醒: held and pending, with what was promised and whether it was followed up. */
export function talksSection({ view, subjectNames, personName }) {
  const keys = ['subject', 'person', 'kind', 'holder', 'at', 'state', 'commitments'];
  return section('fd-talks', t('dashboard.talks'), t('dashboard.noTalks'), view.talks, () =>
    table('fd-talks', keys, 'dashboard.tcol', view.talks.map(talk => h('tr', { 'data-talk': talk.id },
      h('td', {}, subjectNames.get(talk.subjectId) ?? talk.subjectId),
      h('th', { scope: 'row' }, dossierLink(talk.personId, personName, view.year)),
      h('td', {}, t(`dashboard.talkKinds.${talk.kind}`)),
      h('td', {}, personName(talk.holderId)),
      h('td', {}, talk.scheduledAt ? formatInstant(talk.scheduledAt) : ''),
      h('td', {}, h('span', { class: `fd-badge ${talk.held ? 'fd-green' : 'fd-yellow'}` }, t(talk.held ? 'dashboard.held' : 'dashboard.pending')),
        talk.reportUpward ? h('div', { class: 'fd-small' }, t('dashboard.reportUpward')) : null),
      h('td', {}, talk.commitments.length === 0 ? t('dashboard.noCommitments') : h('ul', { class: 'fd-plainlist' }, talk.commitments.map(c => h('li', {},
        t('dashboard.commitment', { number: c.number, text: c.text }),
        c.dueOn ? t('dashboard.commitmentDue', { date: c.dueOn }) : '',
        ' ', h('span', { class: `fd-small ${c.followedUpAt ? 'fd-text-green' : 'fd-text-yellow'}` }, t(c.followedUpAt ? 'dashboard.followedUp' : 'dashboard.notFollowedUp'))))))))));
}
