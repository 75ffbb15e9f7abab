// What a new version changes compared with the deployed one: elements added, removed and changed (by id and name).
// bpmn-js-differ finds added and removed elements and changed attributes; changes nested inside an element (a
// timer's value, a camunda:property, an input parameter) it does not report, so each element's own content is also
// compared, with references to other elements reduced to their ids.
import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

async function read(xml) {
  const { rootElement } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml);
  return rootElement;
}

const describe = element => ({ id: element.id, name: element.name || '', type: (element.$type || '').replace(/^bpmn:/, '') });

// Children compared as elements of their own, or references that change with their targets.
const SKIP = new Set(['flowElements', 'incoming', 'outgoing', 'laneSets', 'di', 'artifacts']);

// An element's content as plain data: what it contains is compared in full; what it refers to (an object that
// lives elsewhere, such as a message, a flow or another element) is reduced to the id.
function canonical(value, container = null) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(item => canonical(item, container));
  if (container && value.$parent !== container && value.id) return `#${value.id}`;
  const result = { $type: value.$type };
  for (const key of Object.keys(value).sort()) {
    if (key === '$parent' || SKIP.has(key)) continue;
    result[key] = canonical(value[key], value);
  }
  return result;
}

function elementsById(definitions) {
  const found = new Map();
  const visit = element => {
    for (const child of element.flowElements || []) {
      found.set(child.id, child);
      visit(child);
    }
  };
  (definitions.rootElements || []).forEach(root => {
    if (root.id) found.set(root.id, root);
    visit(root);
  });
  return found;
}

function nestedChanges(before, after) {
  const changed = new Map();
  const old = elementsById(before);
  for (const [id, element] of elementsById(after)) {
    const previous = old.get(id);
    if (!previous) continue;
    const a = canonical(previous);
    const b = canonical(element);
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter(key => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
    if (keys.length) changed.set(id, { element, keys });
  }
  return changed;
}

export async function changesBetween(deployedXml, editedXml) {
  const before = await read(deployedXml);
  const after = await read(editedXml);
  const changes = diff(before, after);
  const changed = new Map(Object.values(changes._changed).map(change => [change.model.id, { ...describe(change.model), attributes: Object.keys(change.attrs) }]));
  for (const [id, { element, keys }] of nestedChanges(before, after)) {
    if (changes._added[id] || changes._removed[id]) continue;
    const entry = changed.get(id) || { ...describe(element), attributes: [] };
    entry.attributes = [...new Set([...entry.attributes, ...keys])];
    changed.set(id, entry);
  }
  return {
    added: Object.values(changes._added).map(describe),
    removed: Object.values(changes._removed).map(describe),
    changed: [...changed.values()],
    layout: Object.keys(changes._layoutChanged).filter(id => !changed.has(id)),
  };
}
