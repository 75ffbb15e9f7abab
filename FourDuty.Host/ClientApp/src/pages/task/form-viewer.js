// The form-js viewer in a chunk of its own: the task page shows the facts first and draws the form when this arrives.
export { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
