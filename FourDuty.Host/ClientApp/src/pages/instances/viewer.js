// The diagram viewer (bpmn-js, navigation only) in a chunk of its own: the list does not load it.
export { default as Viewer } from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
