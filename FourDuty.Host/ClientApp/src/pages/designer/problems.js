// The problems of the model: those the browser finds as it is drawn (the engine's rules, by bpmnlint) and those the
// server found when asked. Server problems are marked on their elements until the model changes; clicking a problem
// selects its element.
import { h, replace } from '../../shared/dom.js';
import { t } from '../../shared/i18n.js';

const SERVER_MARKER = 'fd-server-problem';

export class Problems {
  constructor(modeler, list, onCount) {
    this._modeler = modeler;
    this._list = list;
    this._onCount = onCount;
    this._lint = [];
    this._server = null;
    modeler.on('linting.completed', ({ issues }) => {
      this._lint = Object.values(issues).flat().map(issue => ({
        source: 'browser', elementId: issue.id, severity: issue.category === 'error' ? 'error' : 'warning', message: issue.message,
        code: (issue.message.match(/\((BPMN-\d+)\)$/) || [])[1],
      }));
      this.render();
    });
    modeler.on('commandStack.changed', () => this.setServer(null));
  }

  get browserProblems() {
    return this._lint;
  }

  /** Shows the server's verdict (null clears it) and marks each problem's element. */
  setServer(problems) {
    const canvas = this._modeler.get('canvas');
    const overlays = this._modeler.get('overlays');
    const registry = this._modeler.get('elementRegistry');
    for (const element of registry.getAll()) canvas.removeMarker(element, SERVER_MARKER);
    overlays.remove({ type: 'fd-server-problem' });
    this._server = problems && problems.map(problem => ({
      source: 'server', elementId: problem.elementId, severity: problem.severity === 'Error' ? 'error' : 'warning',
      code: problem.code, message: problem.message, title: t(`rules.${problem.code}`),
    }));
    for (const problem of this._server || []) {
      const element = problem.elementId && registry.get(problem.elementId);
      if (!element) continue;
      canvas.addMarker(element, SERVER_MARKER);
      overlays.add(element, 'fd-server-problem', {
        position: { bottom: 0, left: -8 },
        html: h('span', { class: `fd-server-badge fd-${problem.severity}`, title: `${problem.title}: ${problem.message}`, 'data-element-id': problem.elementId,
          'data-code': problem.code }, '!'),
      });
    }
    this.render();
  }

  render() {
    const all = [...(this._server || []), ...this._lint];
    const errors = all.filter(p => p.severity === 'error').length;
    this._onCount(errors, all.length - errors);
    const items = all.map(problem => h('li', { class: `fd-problem fd-${problem.severity}`, 'data-source': problem.source, 'data-element-id': problem.elementId || '',
      'data-code': problem.code || '' },
      h('button', { type: 'button', class: 'fd-linklike', onclick: () => this.select(problem.elementId), disabled: !problem.elementId },
        problem.elementId ? this.label(problem.elementId) : t('designer.problems.wholeModel')),
      ' ',
      h('span', { class: 'fd-problem-source' }, t(`designer.problems.${problem.source}`)),
      h('div', {}, problem.title ? h('strong', {}, `${problem.title} (${problem.code}) `) : null, problem.message)));
    const summary = this._server === null
      ? t('designer.problems.serverNotAsked')
      : this._server.length === 0 ? t('designer.problems.serverValid') : t('designer.problems.serverFound', { count: this._server.length });
    replace(this._list,
      h('p', { class: 'fd-muted' }, summary),
      items.length === 0 ? h('p', {}, t('designer.problems.none')) : h('ul', { class: 'fd-problem-list' }, items));
  }

  label(elementId) {
    const element = this._modeler.get('elementRegistry').get(elementId);
    const name = element?.businessObject?.name;
    return name ? `${name} (${elementId})` : elementId;
  }

  select(elementId) {
    const element = elementId && this._modeler.get('elementRegistry').get(elementId);
    if (!element) return;
    this._modeler.get('selection').select(element);
    this._modeler.get('canvas').scrollToElement(element);
  }
}
