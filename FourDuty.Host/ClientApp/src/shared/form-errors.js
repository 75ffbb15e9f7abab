// The server's field errors (422: { key, label, code, message } per field) placed where form-js shows its own: its
// state's errors, by component id. Messages are the page's language, by the error's code; the server's text otherwise.
import { t } from './i18n.js';

/** Every keyed component of a form-js schema, nested ones included, with its id, key and label. */
export function formKeys(schema) {
  const found = [];
  (function walk(components) {
    for (const component of components || []) {
      if (component.key) found.push({ id: component.id, key: component.key, label: component.label || component.key, type: component.type });
      walk(component.components);
    }
  })(schema.components);
  return found;
}

/** The errors by component id (for form-js) and as a list (for the summary above the button). */
export function fieldErrors(schema, errors) {
  const fields = formKeys(schema);
  const byField = {};
  const list = [];
  for (const error of errors) {
    const field = fields.find(f => f.key === error.key);
    const known = t(`formErrors.${error.code}`);
    const message = known === `formErrors.${error.code}` ? error.message : known;
    if (field) {
      (byField[field.id] ??= []).push(message);
    }
    list.push({ label: field?.label ?? error.label ?? error.key, message, domId: field ? domIdOf(field) : 'fd-form' });
  }
  return { byField, list };
}

// form-js names each input fjs-form-{formId}-{componentId}; the page finds it by the component's id.
function domIdOf(field) {
  const input = document.querySelector(`[id$="-${CSS.escape(field.id)}"]`);
  return input?.id ?? 'fd-form';
}
