// What a new version changes compared with the deployed one: elements added, removed and changed (by id and name),
// read with bpmn-js-differ from the two models.
import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

async function read(xml) {
  const { rootElement } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml);
  return rootElement;
}

const describe = element => ({ id: element.id, name: element.name || '', type: (element.$type || '').replace(/^bpmn:/, '') });

export async function changesBetween(deployedXml, editedXml) {
  const changes = diff(await read(deployedXml), await read(editedXml));
  return {
    added: Object.values(changes._added).map(describe),
    removed: Object.values(changes._removed).map(describe),
    changed: Object.values(changes._changed).map(change => ({ ...describe(change.model), attributes: Object.keys(change.attrs) })),
    layout: Object.keys(changes._layoutChanged),
  };
}
