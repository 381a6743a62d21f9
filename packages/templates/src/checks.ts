// Quality checks a template must pass beyond validity: one connected map, enough steps to be
// recognizable, every step reachable from a function, sources cited.
import type { Template } from './template';

/** Fewest steps a template may have: no two-box maps. */
export const MIN_STEPS = 8;

/** Ids of the model's nodes grouped into weakly connected components (provider links included). */
export function components(template: Template): string[][] {
  const { model } = template;
  const ids = [model.functions, model.processSteps, model.systems, model.services, model.vendors, model.hosts]
    .flat()
    .map((node) => node.id);
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const join = (a: string, b: string) => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  for (const dep of model.dependencies) join(dep.from, dep.to);
  for (const service of model.services) join(service.id, service.vendor);
  for (const host of model.hosts) if (host.vendor) join(host.id, host.vendor);
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()];
}

/** Steps that no function depends on, directly or through other nodes. */
export function unreachableSteps(template: Template): string[] {
  const { model } = template;
  const next = new Map<string, string[]>();
  for (const dep of model.dependencies) next.set(dep.from, [...(next.get(dep.from) ?? []), dep.to]);
  const seen = new Set<string>();
  const stack = model.functions.map((f) => f.id);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return model.processSteps.filter((step) => !seen.has(step.id)).map((step) => step.id);
}

/** Problems that make a valid template a poor starting point; empty when it is fit to ship. */
export function templateProblems(template: Template): string[] {
  const problems: string[] = [];
  const parts = components(template);
  if (parts.length > 1) {
    const stray = parts.slice(1).map((part) => part.join(', '));
    problems.push(`the map falls apart into ${parts.length} pieces; detached: ${stray.join(' | ')}`);
  }
  const steps = template.model.processSteps.length;
  if (steps < MIN_STEPS) problems.push(`only ${steps} steps; a practitioner expects at least ${MIN_STEPS}`);
  const unreachable = unreachableSteps(template);
  if (unreachable.length) problems.push(`steps no function needs: ${unreachable.join(', ')}`);
  const unordered = template.model.processSteps.filter((step) => step.order === undefined || !step.actor);
  if (unordered.length)
    problems.push(`steps without order or actor: ${unordered.map((s) => s.id).join(', ')}`);
  if (template.model.services.length < 5) problems.push('fewer than 5 third-party services');
  if (!template.sources.some((s) => s.id === 'hscc-smart'))
    problems.push('the HSCC SMART toolkit is not cited');
  return problems;
}
