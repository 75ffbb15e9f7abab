// The parser's rules that matter while drawing (FourDuty.Engine/Bpmn/Parsing): what the engine cannot run, service
// tasks that say nothing about what runs, triggers not allowed where they stand, timers without a value, triggers
// without their message, signal or link name.
import { camunda, flowNodesOf, is, isEventSubProcess, scopes, triggerOf } from './model.js';

const UNSUPPORTED = {
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'adHocSubProcess',
  'bpmn:CallChoreography': 'choreography',
  'bpmn:SubChoreography': 'choreography',
  'bpmn:ChoreographyTask': 'choreography',
  'bpmn:ImplicitThrowEvent': 'implicitThrowEvent',
};

const UNSUPPORTED_TRIGGERS = ['compensate', 'conditional', 'cancel'];

export function* unsupported(process) {
  for (const node of scopes(process).flatMap(flowNodesOf)) {
    const kind = UNSUPPORTED[node.$type];
    if (kind) yield { id: node.id, code: 'BPMN-080', key: `unsupported.${kind}`, params: { id: node.id } };
    if (is(node, 'bpmn:Activity')) {
      if (is(node.loopCharacteristics, 'bpmn:StandardLoopCharacteristics')) {
        yield { id: node.id, code: 'BPMN-080', key: 'unsupported.standardLoop', params: { id: node.id } };
      }
      if (node.isForCompensation) yield { id: node.id, code: 'BPMN-080', key: 'unsupported.compensation', params: { id: node.id } };
    }
    if (is(node, 'bpmn:Event')) {
      const definitions = node.eventDefinitions || [];
      if (definitions.length > 1) {
        yield { id: node.id, code: 'BPMN-080', key: 'unsupported.multipleTriggers', params: { id: node.id, count: definitions.length } };
      } else if (definitions.length === 1 && UNSUPPORTED_TRIGGERS.includes(triggerOf(node))) {
        yield { id: node.id, code: 'BPMN-080', key: `unsupported.${triggerOf(node)}`, params: { id: node.id } };
      }
    }
  }
}

const JAVA = ['class', 'delegateExpression', 'expression'];

export function* implementations(process) {
  for (const task of scopes(process).flatMap(flowNodesOf)) {
    if (is(task, 'bpmn:ServiceTask') || is(task, 'bpmn:SendTask')) {
      const java = JAVA.filter(name => camunda(task, name));
      for (const name of java) {
        yield { id: task.id, code: 'BPMN-081', key: 'javaCode', params: { id: task.id, attribute: name, value: camunda(task, name) } };
      }
      const type = camunda(task, 'type');
      const external = type === 'external';
      const runs = external ? !!camunda(task, 'topic') : !!type;
      if (!runs && java.length === 0 && !(is(task, 'bpmn:SendTask') && task.messageRef)) {
        yield { id: task.id, code: 'BPMN-083', key: external ? 'externalNoTopic' : 'noImplementation', params: { id: task.id } };
      }
    } else if (is(task, 'bpmn:ScriptTask')) {
      const format = task.scriptFormat || 'javascript';
      if (!/^(javascript|js|ecmascript|application\/javascript|text\/javascript)$/i.test(format)) {
        yield { id: task.id, code: 'BPMN-081', key: 'scriptFormat', params: { id: task.id, format } };
      } else if (!(task.script || '').trim()) {
        yield { id: task.id, code: 'BPMN-083', key: 'noScript', params: { id: task.id } };
      }
    }
  }
}

function allowedTriggers(node) {
  const scope = node.$parent;
  if (is(node, 'bpmn:StartEvent')) {
    if (isEventSubProcess(scope)) return ['timer', 'message', 'signal', 'error', 'escalation'];
    if (is(scope, 'bpmn:SubProcess')) return ['none'];
    return ['none', 'timer', 'message', 'signal'];
  }
  if (is(node, 'bpmn:EndEvent')) return ['none', 'terminate', 'error', 'escalation', 'message', 'signal'];
  if (is(node, 'bpmn:IntermediateCatchEvent')) return ['timer', 'message', 'signal', 'link'];
  if (is(node, 'bpmn:IntermediateThrowEvent')) return ['none', 'message', 'signal', 'escalation', 'link'];
  return ['timer', 'message', 'signal', 'error', 'escalation'];
}

const THROWS = node => is(node, 'bpmn:EndEvent') || is(node, 'bpmn:IntermediateThrowEvent');

export function* triggers(process, definitions) {
  for (const node of scopes(process).flatMap(flowNodesOf).filter(n => is(n, 'bpmn:Event'))) {
    const definitionsOf = node.eventDefinitions || [];
    if (definitionsOf.length > 1) continue;
    const trigger = triggerOf(node);
    if (UNSUPPORTED_TRIGGERS.includes(trigger)) continue;
    const allowed = allowedTriggers(node);
    if (!allowed.includes(trigger)) {
      yield { id: node.id, code: 'BPMN-051', key: 'triggerNotAllowed', params: { id: node.id, trigger, allowed: allowed.join(', ') } };
      continue;
    }
    const definition = definitionsOf[0];
    if (!definition) continue;
    if (trigger === 'timer') {
      yield* timer(node, definition);
    } else if (trigger === 'link' && !definition.name) {
      yield { id: node.id, code: 'BPMN-023', key: 'linkNoName', params: { id: node.id } };
    } else if (trigger === 'message' || trigger === 'signal' || ((trigger === 'error' || trigger === 'escalation') && THROWS(node))) {
      const ref = definition[`${trigger}Ref`];
      if (!ref && (trigger === 'message' || trigger === 'signal' || THROWS(node))) {
        yield { id: node.id, code: 'BPMN-020', key: 'triggerNoRef', params: { id: node.id, kind: trigger } };
      } else if (ref && !ref.name && (trigger === 'message' || trigger === 'signal')) {
        yield { id: node.id, code: 'BPMN-023', key: 'triggerRefNoName', params: { id: node.id, kind: trigger, ref: ref.id } };
      }
    }
  }
  void definitions;
}

const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

function* timer(node, definition) {
  const values = ['timeDate', 'timeDuration', 'timeCycle'].filter(field => definition[field]);
  if (values.length !== 1) {
    yield { id: node.id, code: 'BPMN-060', key: values.length === 0 ? 'timerNoValue' : 'timerManyValues', params: { id: node.id, count: values.length } };
    return;
  }
  const field = values[0];
  const text = (definition[field].body || '').trim();
  if (!text) {
    yield { id: node.id, code: 'BPMN-060', key: 'timerNoValue', params: { id: node.id } };
  } else if (!text.includes('${')) {
    const bad = (field === 'timeDuration' && !DURATION.test(text))
      || (field === 'timeDate' && Number.isNaN(Date.parse(text)));
    if (bad) yield { id: node.id, code: 'BPMN-060', key: 'timerInvalid', params: { id: node.id, field, value: text } };
  }
}
