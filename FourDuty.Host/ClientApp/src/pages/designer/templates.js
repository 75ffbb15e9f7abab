// Element templates (Camunda 7 format) for the office's building blocks and the domain's service tasks. Their texts
// are keys into the page's strings ("@templates.reminder.name"), so that the templates exist once for both languages.
import buildingBlocks from './templates/building-blocks.json';
import dutyTasks from './templates/duty-tasks.json';
import { t } from '../../shared/i18n.js';

function localize(value) {
  if (typeof value === 'string') return value.startsWith('@') ? t(value.slice(1)) : value;
  if (Array.isArray(value)) return value.map(localize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v)]));
  return value;
}

const SCHEMA = 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json';

/** The domain's service task types (decision 0010) as templates: camunda:type fixed, the properties it reads. */
function dutyTemplate(task) {
  return {
    id: `fourduty.${task.type}`,
    name: `@templates.duty.${task.key}`,
    description: task.placeholder ? '@templates.duty.placeholder' : '@templates.duty.description',
    version: 1,
    appliesTo: ['bpmn:ServiceTask'],
    properties: [
      { type: 'Hidden', value: task.type, binding: { type: 'property', name: 'camunda:type' } },
      ...(task.properties || []).map(name => ({
        label: `@templates.dutyFields.${name}`, type: 'String', binding: { type: 'camunda:property', name },
      })),
    ],
  };
}

export function elementTemplates() {
  return localize([...buildingBlocks, ...dutyTasks.map(dutyTemplate)]).map(template => ({ $schema: SCHEMA, ...template }));
}
