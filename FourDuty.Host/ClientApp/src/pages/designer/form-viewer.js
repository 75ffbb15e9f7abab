// The form-js viewer, as a leader sees a task's form, in a chunk of its own (see testrun.js).
export { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
