// The form-js viewer in a chunk of its own: a page shows its facts first and draws the form when this arrives (shared/form.js).
export { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
