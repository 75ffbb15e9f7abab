// How a task's deadline and urgency read (预警 红/黄/绿): the server counts the working days (GET /api/inbox), the page
// says it in words and colour, so that nobody has to read dates to know what comes first.
import { h } from './dom.js';
import { currentLanguage, t } from './i18n.js';

/** A date and time as people in China read it, in China's time zone whatever the device's. */
export function formatInstant(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(value));
}

/** The words for an urgency: overdue by n working days, due today, n working days left, no deadline. */
export function urgencyText(task) {
  const days = task.workingDaysLeft;
  if (task.urgency === 'none' || !task.dueAt) return t('tasks.noDeadline');
  if (task.urgency === 'red') return days !== null && days < 0 ? t('tasks.overdueDays', { days: -days }) : t('tasks.overdue');
  if (days === 0) return t('tasks.dueToday');
  return t('tasks.daysLeft', { days });
}

/** A coloured mark with the urgency in words (the colour is never the only sign). */
export function urgencyBadge(task) {
  return h('span', { class: `fd-badge fd-${task.urgency}` }, urgencyText(task));
}

/** One task as a row of a list: its name (a link to the task page), the process, the deadline and its urgency. */
export function taskItem(task, ...actions) {
  return h('li', { class: `fd-task fd-task-${task.urgency}`, 'data-task-id': task.id },
    h('div', { class: 'fd-task-main' },
      h('a', { class: 'fd-task-name', href: `/tasks/${task.id}` }, task.name),
      h('div', { class: 'fd-task-meta' },
        task.processName, task.businessKey ? ` · ${task.businessKey}` : '',
        task.relation === 'delegated' && task.assigneeName ? ` · ${t('tasks.delegatedTo', { name: task.assigneeName })}` : '',
        task.relation === 'mine' && task.ownerName ? ` · ${t('tasks.delegatedBy', { name: task.ownerName })}` : '',
        task.relation === 'offered' ? ` · ${t('tasks.offered')}` : '')),
    h('div', { class: 'fd-task-due' },
      urgencyBadge(task),
      task.dueAt ? h('div', { class: 'fd-muted fd-small' }, t('tasks.dueAt', { at: formatInstant(task.dueAt) })) : null),
    actions.length ? h('div', { class: 'fd-task-actions' }, actions) : null);
}
