// A bpmnlint plugin with FourDuty.Engine's own rules, so that the designer marks what a deployment would refuse,
// on the same element with the same code (see BpmnRules.cs). One bpmnlint rule per engine rule code, so that each
// carries its own severity; the checks run over the whole model at the <definitions> root.
import { is, processes } from './model.js';
import { boundaryEvents, flowDirection, gateways, links, reachability, startEvents } from './structure.js';
import { implementations, triggers, unsupported } from './support.js';

/** The engine's rule catalogue (FourDuty.Engine/Bpmn/BpmnRules.cs) for the rules checked in the browser. */
export const RULES = {
  'BPMN-020': { name: 'dangling-reference', severity: 'error' },
  'BPMN-023': { name: 'missing-name', severity: 'error' },
  'BPMN-030': { name: 'unreachable', severity: 'warn' },
  'BPMN-031': { name: 'no-start-event', severity: 'error' },
  'BPMN-032': { name: 'start-event-count', severity: 'error' },
  'BPMN-033': { name: 'incoming-not-allowed', severity: 'error' },
  'BPMN-034': { name: 'outgoing-not-allowed', severity: 'error' },
  'BPMN-035': { name: 'link-unmatched', severity: 'error' },
  'BPMN-040': { name: 'gateway-flow-count', severity: 'error' },
  'BPMN-041': { name: 'gateway-pass-through', severity: 'warn' },
  'BPMN-042': { name: 'condition-missing', severity: 'error' },
  'BPMN-043': { name: 'condition-ignored', severity: 'warn' },
  'BPMN-045': { name: 'event-gateway-target', severity: 'error' },
  'BPMN-050': { name: 'boundary-attachment', severity: 'error' },
  'BPMN-051': { name: 'trigger-not-allowed', severity: 'error' },
  'BPMN-060': { name: 'timer-invalid', severity: 'error' },
  'BPMN-080': { name: 'unsupported-element', severity: 'error' },
  'BPMN-081': { name: 'unsupported-attribute', severity: 'error' },
  'BPMN-083': { name: 'implementation-missing', severity: 'error' },
};

const CHECKS = [startEvents, flowDirection, gateways, boundaryEvents, links, reachability, unsupported, implementations, triggers];

/** Every problem of a model: { id, code, key, params }, in the order the engine reports them. */
export function analyse(definitions) {
  const found = [];
  for (const process of processes(definitions)) {
    for (const check of CHECKS) {
      found.push(...check(process, definitions));
    }
  }
  return found;
}

function ruleFor(code, message) {
  return () => ({
    check(node, reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      for (const problem of analyse(node).filter(p => p.code === code)) {
        reporter.report(problem.id, message(problem));
      }
    },
  });
}

/**
 * The { config, resolver } bpmn-js-bpmnlint takes. <paramref name="message"/> turns a problem into the text shown
 * (the page's language); it should include the code, which the problems list and the tests read.
 */
export function linterConfig(message) {
  const rules = Object.fromEntries(Object.entries(RULES).map(([code, rule]) => [`fourduty/${rule.name}`, rule.severity]));
  const factories = Object.fromEntries(Object.entries(RULES).map(([code, rule]) => [rule.name, ruleFor(code, message)]));
  return {
    config: { rules },
    resolver: {
      resolveRule: (pkg, ruleName) => (pkg === 'bpmnlint-plugin-fourduty' ? factories[ruleName] : null),
      resolveConfig: () => null,
    },
  };
}
