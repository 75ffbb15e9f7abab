// Reading a bpmn-moddle tree the way FourDuty.Engine's parser reads XML: flows are linked by sourceRef/targetRef
// (not by the optional <incoming>/<outgoing> elements), scopes are processes and subprocesses.

export const is = (element, type) => !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);

export function camunda(element, name) {
  if (!element) return undefined;
  const value = typeof element.get === 'function' ? safeGet(element, `camunda:${name}`) : undefined;
  return value ?? element.$attrs?.[`camunda:${name}`];
}

function safeGet(element, name) {
  try {
    return element.get(name);
  } catch {
    return undefined;
  }
}

/** The executable processes of the file (each standing alone or behind a participant), and every other process. */
export function processes(definitions) {
  return (definitions.rootElements || []).filter(root => is(root, 'bpmn:Process'));
}

/** Every scope of a process: the process, then each subprocess (embedded and event) inside, depth first. */
export function scopes(process) {
  const all = [];
  const visit = scope => {
    all.push(scope);
    for (const element of scope.flowElements || []) {
      if (is(element, 'bpmn:SubProcess')) visit(element);
    }
  };
  visit(process);
  return all;
}

export const flowNodesOf = scope => (scope.flowElements || []).filter(e => is(e, 'bpmn:FlowNode'));
export const flowsOf = scope => (scope.flowElements || []).filter(e => is(e, 'bpmn:SequenceFlow'));
export const isEventSubProcess = node => is(node, 'bpmn:SubProcess') && !!node.triggeredByEvent;

/** Incoming and outgoing flows of every node of a process, from the flows' own source and target. */
export function linkFlows(process) {
  const incoming = new Map();
  const outgoing = new Map();
  const add = (map, node, flow) => {
    if (!node) return;
    if (!map.has(node)) map.set(node, []);
    map.get(node).push(flow);
  };
  for (const scope of scopes(process)) {
    for (const flow of flowsOf(scope)) {
      add(outgoing, flow.sourceRef, flow);
      add(incoming, flow.targetRef, flow);
    }
  }
  return {
    incoming: node => incoming.get(node) || [],
    outgoing: node => outgoing.get(node) || [],
  };
}

/** The one trigger of an event, by the engine's names: none, timer, message, signal, error, escalation, terminate, link. */
export function triggerOf(event) {
  const definition = (event.eventDefinitions || [])[0];
  if (!definition) return 'none';
  const type = definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '');
  return type.charAt(0).toLowerCase() + type.slice(1);
}

export const boundaryEventsOf = (process, activity) =>
  scopes(process).flatMap(flowNodesOf).filter(node => is(node, 'bpmn:BoundaryEvent') && node.attachedToRef === activity);
