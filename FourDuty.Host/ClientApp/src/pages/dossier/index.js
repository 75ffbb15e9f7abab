// A person's duty dossier (履责档案, GET /api/oversight/dossiers/{id}): every leader reads their own; the office, the
// discipline secretary and the first-responsible persons anyone's (the API refuses the rest, and says so).
import { startPage } from '../../shared/shell.js';
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage, signInUrl } from '../../shared/api.js';
import { loadMe } from '../../shared/me.js';
import { formatInstant } from '../../shared/tasks.js';

const personId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const year = new URLSearchParams(location.search).get('year');
const person = await loadMe().catch(() => null);
if (!person) {
  location.replace(signInUrl());
} else {
  const main = await startPage('dossier');
  replace(main, h('h1', {}, t('pages.dossier.title')), h('p', { class: 'fd-muted' }, t('common.loading')));
  try {
    const dossier = await api(`/api/oversight/dossiers/${encodeURIComponent(personId)}${year ? `?year=${encodeURIComponent(year)}` : ''}`);
    show(main, dossier, person);
  } catch (error) {
    replace(main, h('h1', {}, t('pages.dossier.title')), errorMessage(error));
  }
}

function list(id, title, rows, item) {
  return h('section', { class: 'fd-section', 'aria-labelledby': id },
    h('h2', { id }, title, ' ', h('span', { class: 'fd-count' }, String(rows.length))),
    rows.length ? h('ul', { class: 'fd-tasks' }, rows.map(row => h('li', { class: 'fd-task' }, item(row)))) : h('p', { class: 'fd-empty' }, t('dossier.none')));
}

function show(main, dossier, me) {
  const subjects = new Map(dossier.subjects.map(s => [s.id, s.name]));
  const meta = (...parts) => h('div', { class: 'fd-task-meta' }, parts.filter(Boolean).join(' · '));
  replace(main,
    h('h1', {}, dossier.personId === me.id ? t('dossier.own') : t('dossier.person', { name: dossier.name }),
      dossier.year ? h('span', { class: 'fd-muted fd-small' }, ` ${dossier.year}`) : null),
    list('fd-items', t('dossier.items'), dossier.items, item => h('div', { class: 'fd-task-main' },
      h('div', { class: 'fd-task-name' }, item.title),
      meta(subjects.get(item.subjectId), t(`dossier.lists.${item.list}`), item.dueOn && `${t('dossier.due')} ${item.dueOn}`, t(`dossier.itemStates.${item.state}`)),
      item.evidence.length ? h('div', { class: 'fd-small' }, `${t('dossier.evidence')}：`, item.evidence.map((e, i) => [i ? '、' : '',
        e.url ? h('a', { href: e.url, rel: 'noopener noreferrer' }, e.name) : e.name])) : null)),
    list('fd-findings', t('dossier.findings'), dossier.findings, finding => h('div', { class: 'fd-task-main' },
      h('div', { class: 'fd-task-name' }, `${finding.number}. ${finding.text}`),
      meta(finding.feedback, finding.deadline && `${t('dossier.due')} ${finding.deadline}`, t(`dossier.findingStates.${finding.state}`)))),
    list('fd-reports', t('dossier.reports'), dossier.reports, report => h('div', { class: 'fd-task-main' },
      h('div', { class: 'fd-task-name' }, report.period), report.summary ? h('div', {}, report.summary) : null)),
    list('fd-dossier-lapses', t('dossier.lapses'), dossier.lapses, lapse => h('div', { class: 'fd-task-main' },
      h('div', { class: 'fd-task-name' }, lapse.what),
      meta(subjects.get(lapse.subjectId), formatInstant(lapse.dueAt), t(`dashboard.classes.${lapse.class}`)),
      lapse.annotations.map(note => h('div', { class: 'fd-small' }, `${note.by}：${note.text}`)))),
    list('fd-dossier-talks', t('dossier.talks'), dossier.talks, talk => h('div', { class: 'fd-task-main' },
      h('div', { class: 'fd-task-name' }, t(`dashboard.talkKinds.${talk.kind}`), talk.reason ? `：${talk.reason}` : ''),
      meta(talk.scheduledAt && formatInstant(talk.scheduledAt), t(talk.recordedAt ? 'dashboard.held' : 'dashboard.pending')),
      talk.commitments.map(c => h('div', { class: 'fd-small' }, t('dashboard.commitment', { number: c.number, text: c.text }))))));
}
