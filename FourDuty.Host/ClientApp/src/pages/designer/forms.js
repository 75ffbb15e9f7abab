// The task forms of the model, edited with the form-js editor. A form is saved with the model as name.form and
// deployed with it; a user task opens it through camunda:formKey="camunda-forms:deployment:name.form".
import { h, replace } from '../../shared/dom.js';
import { t } from '../../shared/i18n.js';

export class Forms {
  constructor(container) {
    this._container = container;
    this._forms = new Map();
    this._current = null;
    this._editor = null;
  }

  /** Every form as { name, schema }, with the editor's latest changes. */
  all() {
    this._saveCurrent();
    return [...this._forms].map(([name, schema]) => ({ name, schema }));
  }

  load(forms) {
    this._forms = new Map(forms.map(form => [form.key || form.name, form.schema]));
    this._current = null;
    this.render();
  }

  names() {
    return [...this._forms.keys()];
  }

  add(name) {
    const file = name.endsWith('.form') ? name : `${name}.form`;
    if (!this._forms.has(file)) {
      this._forms.set(file, { type: 'default', id: file.replace(/\.form$/, '').replace(/[^\w-]/g, '_'), components: [], schemaVersion: 16 });
    }
    return this.open(file);
  }

  async open(name) {
    this._saveCurrent();
    this._current = name;
    this.render();
    this._editor?.destroy();
    // The form editor is big (its own properties panel, code editor): loaded the first time a form is opened.
    const { FormEditor } = await import('./form-editor.js');
    this._editor = new FormEditor({ container: this._container.querySelector('.fd-form-editor') });
    await this._editor.importSchema(this._forms.get(name));
  }

  _saveCurrent() {
    if (this._editor && this._current) this._forms.set(this._current, this._editor.saveSchema());
  }

  render() {
    const input = h('input', { type: 'text', id: 'fd-new-form', placeholder: 'review', 'aria-label': t('designer.forms.newName') });
    replace(this._container,
      h('div', { class: 'fd-form-bar' },
        h('label', { for: 'fd-form-select' }, t('designer.forms.choose')),
        h('select', { id: 'fd-form-select', onchange: event => this.open(event.target.value) },
          h('option', { value: '', disabled: true, selected: !this._current }, t('designer.forms.pick')),
          this.names().map(name => h('option', { value: name, selected: name === this._current }, name))),
        input,
        h('button', { type: 'button', class: 'fd-secondary', onclick: () => input.value.trim() && this.add(input.value.trim()) }, t('designer.forms.add')),
        h('span', { class: 'fd-muted' }, t('designer.forms.hint'))),
      h('div', { class: 'fd-form-editor' }));
  }
}
