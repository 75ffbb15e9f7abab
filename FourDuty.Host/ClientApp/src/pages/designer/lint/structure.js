// The engine's validator (FourDuty.Engine/Bpmn/Validation), rule for rule: start events, flow direction, gateways,
// boundary events, links, reachability. Each check yields { id, code, key, params }; index.js turns them into
// bpmnlint reports with the strings of the page's language.
import { boundaryEventsOf, flowNodesOf, flowsOf, is, isEventSubProcess, linkFlows, scopes, triggerOf } from './model.js';

const ids = flows => flows.map(f => f.id).join(', ');

export function* startEvents(process) {
  const starts = flowNodesOf(process).filter(n => is(n, 'bpmn:StartEvent'));
  if (starts.length === 0) {
    yield { id: process.id, code: 'BPMN-031', key: 'noStartEvent', params: { process: process.id } };
  }
  const plain = starts.filter(s => (s.eventDefinitions || []).length === 0);
  if (plain.length > 1) {
    yield { id: plain[1].id, code: 'BPMN-032', key: 'plainStarts', params: { process: process.id, count: plain.length, ids: plain.map(s => s.id).join(', ') } };
  }
  for (const scope of scopes(process).slice(1)) {
    const inner = flowNodesOf(scope).filter(n => is(n, 'bpmn:StartEvent'));
    if (isEventSubProcess(scope)) {
      if (inner.length !== 1) {
        yield { id: scope.id, code: 'BPMN-032', key: 'eventSubProcessStarts', params: { id: scope.id, count: inner.length } };
      } else if (triggerOf(inner[0]) === 'error' && inner[0].isInterrupting === false) {
        yield { id: inner[0].id, code: 'BPMN-051', key: 'errorStartNonInterrupting', params: { id: inner[0].id } };
      }
    } else if (inner.length !== 1) {
      yield { id: scope.id, code: 'BPMN-032', key: 'subProcessStarts', params: { id: scope.id, count: inner.length } };
    }
  }
}

export function* flowDirection(process) {
  const { incoming, outgoing } = linkFlows(process);
  for (const node of scopes(process).flatMap(flowNodesOf)) {
    const noIncoming = is(node, 'bpmn:StartEvent') ? 'start'
      : is(node, 'bpmn:BoundaryEvent') ? 'boundary'
      : is(node, 'bpmn:IntermediateCatchEvent') && triggerOf(node) === 'link' ? 'linkCatch'
      : isEventSubProcess(node) ? 'eventSubProcess'
      : null;
    if (noIncoming && incoming(node).length > 0) {
      yield { id: node.id, code: 'BPMN-033', key: `incoming.${noIncoming}`, params: { id: node.id, flows: ids(incoming(node)) } };
    }
    const noOutgoing = is(node, 'bpmn:EndEvent') ? 'end'
      : is(node, 'bpmn:IntermediateThrowEvent') && triggerOf(node) === 'link' ? 'linkThrow'
      : isEventSubProcess(node) ? 'eventSubProcess'
      : null;
    if (noOutgoing && outgoing(node).length > 0) {
      yield { id: node.id, code: 'BPMN-034', key: `outgoing.${noOutgoing}`, params: { id: node.id, flows: ids(outgoing(node)) } };
    }
  }
}

const hasCondition = flow => !!flow.conditionExpression;

export function* gateways(process) {
  const { incoming, outgoing } = linkFlows(process);
  for (const gateway of scopes(process).flatMap(flowNodesOf).filter(n => is(n, 'bpmn:Gateway'))) {
    const ins = incoming(gateway);
    const outs = outgoing(gateway);
    const eventBased = is(gateway, 'bpmn:EventBasedGateway');
    if (ins.length === 0) yield { id: gateway.id, code: 'BPMN-040', key: 'gatewayNoIncoming', params: { id: gateway.id } };
    if (outs.length === 0) {
      yield { id: gateway.id, code: 'BPMN-040', key: 'gatewayNoOutgoing', params: { id: gateway.id } };
    } else if (eventBased && outs.length < 2) {
      yield { id: gateway.id, code: 'BPMN-040', key: 'eventGatewayOneFlow', params: { id: gateway.id } };
    } else if (!eventBased && ins.length === 1 && outs.length === 1) {
      yield { id: gateway.id, code: 'BPMN-041', key: 'gatewayPassThrough', params: { id: gateway.id } };
    }

    if (is(gateway, 'bpmn:ExclusiveGateway') || is(gateway, 'bpmn:InclusiveGateway')) {
      const defaultFlow = gateway.default;
      if (defaultFlow && hasCondition(defaultFlow)) {
        yield { id: defaultFlow.id, code: 'BPMN-043', key: 'defaultHasCondition', params: { id: defaultFlow.id, gateway: gateway.id } };
      }
      if (outs.length >= 2) {
        const kind = is(gateway, 'bpmn:ExclusiveGateway') ? 'exclusive' : 'inclusive';
        for (const flow of outs.filter(f => !hasCondition(f) && f !== defaultFlow)) {
          yield { id: flow.id, code: 'BPMN-042', key: `conditionMissing.${kind}`, params: { id: flow.id, gateway: gateway.id, count: outs.length } };
        }
      }
    } else if (is(gateway, 'bpmn:ParallelGateway') || eventBased) {
      for (const flow of outs.filter(hasCondition)) {
        yield { id: flow.id, code: 'BPMN-043', key: eventBased ? 'conditionIgnored.eventBased' : 'conditionIgnored.parallel', params: { id: flow.id } };
      }
      if (eventBased) {
        for (const flow of outs) {
          const target = flow.targetRef;
          if (!target) continue;
          const waits = is(target, 'bpmn:ReceiveTask')
            || (is(target, 'bpmn:IntermediateCatchEvent') && ['timer', 'message', 'signal'].includes(triggerOf(target)));
          if (!waits) {
            yield { id: target.id, code: 'BPMN-045', key: 'eventGatewayTarget', params: { id: target.id, gateway: gateway.id } };
          } else if (incoming(target).length > 1) {
            yield { id: target.id, code: 'BPMN-045', key: 'eventGatewayTargetJoins', params: { id: target.id, gateway: gateway.id, count: incoming(target).length } };
          }
        }
      }
    }
  }
}

export function* boundaryEvents(process) {
  for (const boundary of scopes(process).flatMap(flowNodesOf).filter(n => is(n, 'bpmn:BoundaryEvent'))) {
    const host = boundary.attachedToRef;
    const trigger = triggerOf(boundary);
    if (!host) continue;
    if (trigger === 'error' && boundary.cancelActivity === false) {
      yield { id: boundary.id, code: 'BPMN-050', key: 'errorBoundaryNonInterrupting', params: { id: boundary.id } };
    } else if (trigger === 'error' && (is(host, 'bpmn:ManualTask') || is(host, 'bpmn:ReceiveTask') || host.$type === 'bpmn:Task')) {
      yield { id: boundary.id, code: 'BPMN-050', key: 'errorBoundaryHost', params: { id: boundary.id, host: host.id } };
    } else if (trigger === 'escalation' && !(is(host, 'bpmn:SubProcess') || is(host, 'bpmn:CallActivity'))) {
      yield { id: boundary.id, code: 'BPMN-050', key: 'escalationBoundaryHost', params: { id: boundary.id, host: host.id } };
    }
  }
}

const linkName = event => (event.eventDefinitions || [])[0]?.name;

export function* links(process) {
  for (const scope of scopes(process)) {
    const nodes = flowNodesOf(scope);
    const catches = new Map();
    for (const event of nodes.filter(n => is(n, 'bpmn:IntermediateCatchEvent') && triggerOf(n) === 'link' && linkName(n))) {
      const name = linkName(event);
      catches.set(name, [...(catches.get(name) || []), event]);
    }
    for (const [name, events] of catches) {
      if (events.length > 1) {
        yield { id: events[1].id, code: 'BPMN-035', key: 'linkCaughtTwice', params: { name, count: events.length, scope: scope.id, ids: events.map(e => e.id).join(', ') } };
      }
    }
    for (const thrower of nodes.filter(n => is(n, 'bpmn:IntermediateThrowEvent') && triggerOf(n) === 'link' && linkName(n))) {
      if (!catches.has(linkName(thrower))) {
        yield { id: thrower.id, code: 'BPMN-035', key: 'linkUncaught', params: { id: thrower.id, name: linkName(thrower), scope: scope.id } };
      }
    }
  }
}

export function* reachability(process) {
  const { outgoing } = linkFlows(process);
  const reached = new Set();
  const queue = [];
  const reach = node => {
    if (node && !reached.has(node)) {
      reached.add(node);
      queue.push(node);
    }
  };
  const enterScope = scope => {
    for (const node of flowNodesOf(scope)) {
      if (is(node, 'bpmn:StartEvent') || isEventSubProcess(node)) reach(node);
    }
  };
  enterScope(process);
  while (queue.length > 0) {
    const node = queue.shift();
    outgoing(node).forEach(flow => reach(flow.targetRef));
    if (is(node, 'bpmn:Activity')) boundaryEventsOf(process, node).forEach(reach);
    if (is(node, 'bpmn:SubProcess')) enterScope(node);
    if (is(node, 'bpmn:IntermediateThrowEvent') && triggerOf(node) === 'link') {
      const scope = node.$parent;
      flowNodesOf(scope)
        .filter(c => is(c, 'bpmn:IntermediateCatchEvent') && triggerOf(c) === 'link' && linkName(c) === linkName(node))
        .forEach(reach);
    }
  }
  for (const node of scopes(process).flatMap(flowNodesOf)) {
    if (!reached.has(node)) yield { id: node.id, code: 'BPMN-030', key: 'unreachable', params: { id: node.id } };
  }
}
