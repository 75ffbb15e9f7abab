// The subjects' table (each with its colour in words as well as colour) and the annual cycle as a whole.
import { t } from '../../shared/i18n.js';
import { h } from '../../shared/dom.js';

/** A colour mark with its word: the colour is never the only sign. */
export function alertBadge(level) {
  return h('span', { class: `fd-badge fd-${level.toLowerCase()}`, title: t(`dashboard.alertLong.${level}`) }, t(`dashboard.alert.${level}`));
}

function counts(work) {
  return h('span', { class: work.overdue ? 'fd-text-red' : work.dueSoon ? 'fd-text-yellow' : undefined },
    t('dashboard.countsShort', work));
}

function cycleCell(cycle) {
  if (!cycle) return '';
  return h('ul', { class: 'fd-plainlist' },
    h('li', {}, t(cycle.listsIn ? 'dashboard.cycleListsIn' : 'dashboard.cycleListsMissing')),
    cycle.selfAssessments.length ? h('li', {}, t('dashboard.cycleAssessed', { periods: cycle.selfAssessments.join('、') })) : null,
    cycle.selfAssessmentsDue.length ? h('li', { class: 'fd-text-red' }, t('dashboard.cycleAssessDue', { periods: cycle.selfAssessmentsDue.join('、') })) : null,
    cycle.dutyReportIn ? h('li', {}, t('dashboard.cycleReportIn')) : cycle.dutyReportDue ? h('li', { class: 'fd-text-yellow' }, t('dashboard.cycleReportDue')) : null);
}

function attentionCell(work) {
  if (!work.length) return '';
  return h('ul', { class: 'fd-plainlist' }, work.map(item => h('li', {},
    alertBadge(item.alert), ' ', item.title, item.dueOn ? h('span', { class: 'fd-muted fd-small' }, ` ${t('dashboard.due', { date: item.dueOn })}`) : null)));
}

/** Each subject in the organisation's order (as the API gives them; never sorted here). */
export function subjectsSection({ view }) {
  const head = ['subject', 'alert', 'items', 'findings', 'lapses', 'talks', 'cycle', 'attention'];
  const rows = view.subjects.map(subject => h('tr', { 'data-subject': subject.subjectId, 'data-alert': subject.alert },
    h('th', { scope: 'row' }, subject.name, h('div', { class: 'fd-muted fd-small' }, t(`dashboard.kinds.${subject.kind}`))),
    h('td', {}, alertBadge(subject.alert)),
    h('td', {}, counts(subject.items)),
    h('td', {}, counts(subject.findings)),
    h('td', {}, subject.lapses
      ? h('a', { href: `#fd-lapses-${subject.subjectId}` }, t('dashboard.lapsesCount', { count: subject.lapses, unclassified: subject.lapsesUnclassified }))
      : '0'),
    h('td', {}, t('dashboard.talksCount', { held: subject.talksHeld, pending: subject.talksPending })),
    h('td', {}, cycleCell(subject.cycle)),
    h('td', {}, attentionCell(subject.attention))));
  return h('section', { class: 'fd-section fd-wide', 'aria-labelledby': 'fd-subjects' },
    h('h2', { id: 'fd-subjects' }, t('dashboard.subjects')),
    view.subjects.length === 0
      ? h('p', { class: 'fd-empty' }, t('dashboard.noSubjects'))
      : h('div', { class: 'fd-table-wrap' }, h('table', { class: 'fd-table fd-subjects', 'aria-describedby': 'fd-legend' },
        h('caption', { class: 'fd-skip-label' }, t('dashboard.subjectsCaption')),
        h('thead', {}, h('tr', {}, head.map(key => h('th', { scope: 'col' }, t(`dashboard.col.${key}`))))),
        h('tbody', {}, rows))));
}

/** The annual cycle of the year: the project list, whose lists are in, analysis meetings, the committee's summary. */
export function cycleSection({ view, subjectNames }) {
  const cycle = view.cycle;
  return h('section', { class: 'fd-section', 'aria-labelledby': 'fd-cycle' },
    h('h2', { id: 'fd-cycle' }, t('dashboard.cycle')),
    h('ul', { class: 'fd-card fd-plainlist' },
      h('li', {}, t('dashboard.cycleProject', { claimed: cycle.projectItemsClaimed, total: cycle.projectItems })),
      h('li', {}, t('dashboard.cycleLists', { count: cycle.subjectsWithLists })),
      cycle.subjectsWithoutLists.length
        ? h('li', { class: 'fd-text-yellow' }, t('dashboard.cycleMissing', { names: cycle.subjectsWithoutLists.map(id => subjectNames.get(id) ?? id).join('、') }))
        : null,
      h('li', {}, cycle.analysisMeetings.length ? t('dashboard.cycleMeetings', { periods: cycle.analysisMeetings.join('、') }) : t('dashboard.cycleNoMeetings')),
      h('li', {}, t(cycle.committeeSummaryIn ? 'dashboard.cycleSummaryIn' : 'dashboard.cycleSummaryDue'))));
}
