// Reads each model as Camunda Modeler does: bpmn-moddle with the camunda-bpmn-moddle extension, from the ClientApp's
// node_modules (the designer bundles the same packages). Prints one JSON object: { file: [problem, ...] }.
// Usage: node modeler-import.mjs <ClientApp folder> <model.bpmn>...
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const [clientApp, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(clientApp, 'package.json'));
const loaded = require('bpmn-moddle');
const BpmnModdle = loaded.BpmnModdle ?? loaded.default ?? loaded;
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const result = {};
for (const file of files) {
  const problems = [];
  const moddle = new BpmnModdle({ camunda });
  try {
    const { rootElement, warnings } = await moddle.fromXML(await readFile(file, 'utf8'));
    for (const warning of warnings) problems.push(`import warning: ${warning.message}`);
    const drawn = new Map();
    for (const diagram of rootElement.diagrams ?? []) {
      for (const di of diagram.plane.planeElement ?? []) {
        if (di.bpmnElement) drawn.set(di.bpmnElement.id, di);
        else problems.push(`${di.id} draws nothing (its bpmnElement does not resolve)`);
      }
    }

    const walk = (container) => {
      const elements = container.flowElements ?? [];
      for (const element of elements) {
        if (!drawn.has(element.id)) problems.push(`${element.id} has no ${element.$type === 'bpmn:SequenceFlow' ? 'edge' : 'shape'}`);
        if (element.$type !== 'bpmn:SequenceFlow' && !/[\u4e00-\u9fff]/.test(element.name ?? '')) problems.push(`${element.id} has no Chinese label`);
        if (element.$type === 'bpmn:SubProcess') walk(element);
      }
      const shapes = elements.filter(e => e.$type !== 'bpmn:SequenceFlow' && e.$type !== 'bpmn:BoundaryEvent' && drawn.get(e.id)?.bounds)
        .map(e => [e.id, drawn.get(e.id).bounds]);
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          const [a, p] = shapes[i];
          const [b, q] = shapes[j];
          if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) problems.push(`${a} overlaps ${b}`);
        }
      }
    };
    for (const process of rootElement.rootElements.filter(e => e.$type === 'bpmn:Process')) walk(process);
  } catch (error) {
    problems.push(`import failed: ${error.message}`);
  }
  result[path.basename(file)] = problems;
}
console.log(JSON.stringify(result));
