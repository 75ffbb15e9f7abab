// The bpmn-js modeler as the designer uses it: Camunda 7 moddle and properties panel, element templates with a
// chooser, the engine's lint rules, a minimap, and the page's language for every label.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import minimapModule from 'diagram-js-minimap';
import lintModule from 'bpmn-js-bpmnlint';
import { linterConfig } from './lint/index.js';
import { translateModule } from './translate.js';
import { elementTemplates } from './templates.js';
import { t } from '../../shared/i18n.js';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

/** A lint problem as text: the engine's message in the page's language, with the rule code the server uses. */
export function lintMessage(problem) {
  return `${t(`lint.${problem.key}`, problem.params)} (${problem.code})`;
}

export function createModeler({ canvas, properties }) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    additionalModules: [
      translateModule,
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      minimapModule,
      lintModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
    elementTemplates: elementTemplates(),
    linting: { bpmnlint: linterConfig(lintMessage), active: true },
    minimap: { open: true },
  });
}

/** A new, empty executable process in the Camunda namespace, as Camunda Modeler starts one. */
export function emptyDiagram() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="FourDuty" exporterVersion="1">
  <bpmn:process id="Process_new" name="${t('designer.newProcessName')}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_new">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
