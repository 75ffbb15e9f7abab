// The test-run: the model being edited, run on the server on an engine of its own (simulated clock, private
// database, mail kept), never deployed. The panel steps the clock, completes tasks with their forms, lists the mails
// that would have gone out and what happened on which (working) day; the diagram shows where the tokens stand.
import { api, errorMessage } from '../../shared/api.js';
import { h, replace } from '../../shared/dom.js';
import { currentLanguage, t } from '../../shared/i18n.js';

const STEPS = [
  { key: 'hour', duration: 'PT1H' },
  { key: 'day', duration: 'P1D' },
  { key: 'week', duration: 'P7D' },
];

export class TestRunPanel {
  constructor({ container, modeler, source }) {
    this._container = container;
    this._modeler = modeler;
    this._source = source; // async () => ({ bpmn, fileName, forms })
    this._state = null;
    this._status = h('div', { class: 'fd-status', role: 'status', 'aria-live': 'polite' });
    this.render();
  }

  _format(instant) {
    if (!instant) return '';
    const zone = this._state?.zone || 'Asia/Shanghai';
    return new Intl.DateTimeFormat(currentLanguage(), {
      timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit',
    }).format(new Date(instant));
  }

  _workday(flag) {
    return flag === true ? t('testRun.workday') : flag === false ? t('testRun.dayOff') : t('testRun.calendarUnknown');
  }

  async _call(action) {
    replace(this._status, t('testRun.working'));
    try {
      this._state = await action();
      replace(this._status);
    } catch (error) {
      replace(this._status, errorMessage(error), ...(error.problem?.errors || []).map(p => h('div', { class: 'fd-error' }, `${p.elementId || p.key || ''} ${p.message}`)));
    }
    this.render();
    this.showTokens();
  }

  start(form) {
    return this._call(async () => {
      const model = await this._source();
      const variables = form.variables.value.trim() ? JSON.parse(form.variables.value) : {};
      return api('/api/test-runs', {
        method: 'POST',
        json: {
          bpmn: model.bpmn, fileName: model.fileName, forms: model.forms,
          start: new Date(form.start.value + ':00+08:00').toISOString(),
          businessKey: form.businessKey.value || null, variables,
        },
      });
    });
  }

  advance(body) {
    return this._call(() => api(`/api/test-runs/${this._state.id}/advance`, { method: 'POST', json: body }));
  }

  async end() {
    if (this._state) await api(`/api/test-runs/${this._state.id}`, { method: 'DELETE' }).catch(() => {});
    this._state = null;
    this.showTokens();
    this.render();
  }

  render() {
    replace(this._container, h('h2', {}, t('testRun.title')), h('p', { class: 'fd-muted' }, t('testRun.intro')), this._status,
      this._state ? this._running() : this._setup());
  }

  _setup() {
    const start = h('input', { type: 'datetime-local', id: 'fd-run-start', value: '2027-01-04T09:00', required: true });
    const businessKey = h('input', { type: 'text', id: 'fd-run-key', placeholder: '2027' });
    const variables = h('textarea', { id: 'fd-run-vars', rows: 4, placeholder: '{ "year": 2027 }' });
    const form = { start, businessKey, variables };
    return h('form', { class: 'fd-run-setup', onsubmit: event => { event.preventDefault(); this.start(form); } },
      h('label', { for: 'fd-run-start' }, t('testRun.start')), start,
      h('label', { for: 'fd-run-key' }, t('testRun.businessKey')), businessKey,
      h('label', { for: 'fd-run-vars' }, t('testRun.variables')), variables,
      h('button', { type: 'submit', class: 'fd-button' }, t('testRun.begin')));
  }

  _running() {
    const state = this._state;
    const name = id => this._modeler.get('elementRegistry').get(id)?.businessObject?.name || id;
    return h('div', { class: 'fd-run' },
      h('p', { class: 'fd-run-now' }, h('strong', {}, t('testRun.now')), ' ', h('span', { 'data-now': state.now }, this._format(state.now)), ' · ',
        h('span', { class: state.workday ? 'fd-workday' : 'fd-dayoff' }, this._workday(state.workday))),
      h('div', { class: 'fd-run-steps' },
        STEPS.map(step => h('button', { type: 'button', class: 'fd-secondary', onclick: () => this.advance({ duration: step.duration }) }, t(`testRun.step.${step.key}`))),
        h('button', { type: 'button', class: 'fd-button', disabled: !state.nextTimer, onclick: () => this.advance({ toNextTimer: true }) },
          state.nextTimer ? t('testRun.step.nextTimer', { when: this._format(state.nextTimer.dueAt) }) : t('testRun.noTimer')),
        h('button', { type: 'button', class: 'fd-secondary', onclick: () => this.end() }, t('testRun.end'))),
      this._section('tasks', state.tasks.map(task => h('li', { class: task.overdue ? 'fd-overdue' : '' },
        h('strong', {}, task.name || name(task.elementId)), ' ',
        t('testRun.assignee', { who: task.assignee || task.candidateGroups || task.candidateUsers || '—' }), ' ',
        task.dueAt ? t('testRun.due', { when: this._format(task.dueAt) }) : '',
        task.overdue ? h('span', { class: 'fd-badge-red' }, t('testRun.overdue')) : '', ' ',
        h('button', { type: 'button', class: 'fd-button', onclick: () => this.completeDialog(task) }, t('testRun.complete'))))),
      this._section('incidents', state.instances.flatMap(i => i.incidents.map(incident => h('li', { class: 'fd-error' },
        `${name(incident.elementId)}: ${incident.message} (${incident.code})`)))),
      this._section('mails', state.mails.map(mail => h('li', { class: 'fd-mail' },
        h('span', { class: 'fd-when' }, this._format(mail.at), ' · ', this._workday(mail.workday)), ' ',
        h('span', {}, t('testRun.mailTo', { who: mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress })), ' ',
        h('button', { type: 'button', class: 'fd-linklike', onclick: () => this.showMail(mail) }, mail.subject)))
        .concat(state.failedMails.map(mail => h('li', { class: 'fd-error' }, t('testRun.mailFailed', { reason: mail.lastError || '' }))))),
      this._section('events', state.events.map(event => h('li', {},
        h('span', { class: 'fd-when' }, this._format(event.at), ' · ', this._workday(event.workday)), ' ',
        t(`testRun.event.${event.type}`), ' ', event.elementId ? name(event.elementId) : '',
        event.definitionKey !== state.definitionKey ? h('span', { class: 'fd-muted' }, ` (${event.definitionKey})`) : ''))),
      this._section('timers', state.timers.map(timer => h('li', {}, this._format(timer.dueAt), ' ', name(timer.elementId)))));
  }

  _section(key, items) {
    return h('section', { class: `fd-run-${key}` }, h('h3', {}, t(`testRun.${key}`), ` (${items.length})`),
      items.length ? h('ul', {}, items) : h('p', { class: 'fd-muted' }, t('testRun.nothing')));
  }

  showMail(mail) {
    // The mail's HTML in a sandboxed frame: no script runs, links do not navigate the designer.
    const frame = h('iframe', { class: 'fd-mail-frame', sandbox: '', title: mail.subject });
    frame.srcdoc = mail.html;
    const dialog = h('dialog', { class: 'fd-dialog fd-mail-dialog', 'aria-label': mail.subject },
      h('h2', {}, mail.subject),
      h('p', {}, t('testRun.mailTo', { who: mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress }), ' · ', this._format(mail.at)),
      frame,
      h('button', { type: 'button', class: 'fd-button', onclick: () => dialog.close() }, t('designer.close')));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  async completeDialog(task) {
    const errors = h('div', { role: 'alert' });
    const holder = h('div', { class: 'fd-task-form' });
    const instance = this._state.instances.find(i => i.id === task.instanceId);
    let form = null;
    const submit = async () => {
      let variables = {};
      if (form) {
        const result = form.submit();
        if (Object.keys(result.errors).length > 0) return;
        variables = result.data;
      }
      try {
        this._state = await api(`/api/test-runs/${this._state.id}/tasks/${task.id}/complete`, { method: 'POST', json: { variables } });
        dialog.close();
        this.render();
        this.showTokens();
      } catch (error) {
        replace(errors, errorMessage(error), ...(error.problem?.errors || []).map(e => h('div', { class: 'fd-error' }, `${e.label || e.key}: ${e.message}`)));
      }
    };
    const dialog = h('dialog', { class: 'fd-dialog', 'aria-label': task.name || task.elementId },
      h('h2', {}, task.name || task.elementId),
      task.description ? h('p', {}, task.description) : null,
      task.dueAt ? h('p', {}, t('testRun.due', { when: this._format(task.dueAt) })) : null,
      holder, errors,
      h('div', { class: 'fd-dialog-buttons' },
        h('button', { type: 'button', class: 'fd-button', onclick: submit }, t('testRun.submit')),
        h('button', { type: 'button', class: 'fd-secondary', onclick: () => dialog.close() }, t('designer.cancel'))));
    dialog.addEventListener('close', () => { form?.destroy(); dialog.remove(); });
    document.body.append(dialog);
    dialog.showModal();
    if (task.form) {
      const { Form } = await import('./form-viewer.js');
      form = new Form({ container: holder });
      await form.importSchema(task.form, instance?.variables || {});
    } else {
      holder.append(h('p', { class: 'fd-muted' }, t('testRun.noForm')));
    }
  }

  /** Tokens and counts of the edited process's instances on the diagram. */
  showTokens() {
    const overlays = this._modeler.get('overlays');
    const canvas = this._modeler.get('canvas');
    const registry = this._modeler.get('elementRegistry');
    overlays.remove({ type: 'fd-token' });
    registry.getAll().forEach(element => canvas.removeMarker(element, 'fd-token-here'));
    if (!this._state) return;
    const tokens = {};
    const ran = {};
    for (const instance of this._state.instances.filter(i => i.definitionKey === this._state.definitionKey)) {
      instance.tokens.forEach(token => { tokens[token.elementId] = (tokens[token.elementId] || 0) + 1; });
      Object.entries(instance.ran).forEach(([id, count]) => { ran[id] = (ran[id] || 0) + count; });
    }
    for (const [id, count] of Object.entries(tokens)) {
      const element = registry.get(id);
      if (!element) continue;
      canvas.addMarker(element, 'fd-token-here');
      overlays.add(element, 'fd-token', { position: { top: -12, right: 12 },
        html: h('span', { class: 'fd-token-badge', title: t('testRun.tokensHere', { count }), 'data-element-id': id }, String(count)) });
    }
    for (const [id, count] of Object.entries(ran)) {
      const element = registry.get(id);
      if (!element || element.waypoints) continue;
      overlays.add(element, 'fd-token', { position: { bottom: -6, left: -6 },
        html: h('span', { class: 'fd-ran-badge', title: t('testRun.ranHere', { count }) }, String(count)) });
    }
  }
}
