// Parses a template at the edge: the template schema, the model document's own validation, then
// the references between the two (actors, sources, chokepoints, service categories).
import { formatPath, type ModelIssue, parseModel } from '@smart/core';
import { categoryById } from './taxonomy';
import { type Template, templateSchema } from './template';

export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; issues: ModelIssue[] };

/** The typed template, or every problem found in it, each with a JSON path. */
export function parseTemplate(input: unknown): ParseTemplateResult {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const model = parseModel(parsed.data.model);
  const issues = model.ok ? [] : model.issues.map((issue) => ({ ...issue, path: `model.${issue.path}` }));
  issues.push(...referenceIssues(parsed.data));
  return issues.length ? { ok: false, issues } : { ok: true, template: parsed.data };
}

/** Like parseTemplate, but throws with every issue listed: for the templates shipped in maps/. */
export function loadTemplate(input: unknown): Template {
  const result = parseTemplate(input);
  if (result.ok) return result.template;
  const id = typeof input === 'object' && input !== null && 'id' in input ? String(input.id) : '(no id)';
  const lines = result.issues.map((issue) => `  ${issue.path}: ${issue.message}`);
  throw new Error(`template ${id} is invalid:\n${lines.join('\n')}`);
}

function referenceIssues(template: Template): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const { model } = template;
  const actors = new Set(template.actors.map((a) => a.id));
  const sources = new Set(template.sources.map((s) => s.id));
  const functions = new Set(model.functions.map((f) => f.id));
  const nodes = new Set(
    [model.functions, model.processSteps, model.systems, model.services, model.vendors, model.hosts].flatMap(
      (list) => list.map((node) => node.id),
    ),
  );
  model.processSteps.forEach((step, i) => {
    if (step.actor && !actors.has(step.actor)) {
      issues.push({ path: `model.processSteps[${i}].actor`, message: `unknown actor "${step.actor}"` });
    }
    if (step.map !== undefined && step.map !== template.id) {
      issues.push({ path: `model.processSteps[${i}].map`, message: `expected "${template.id}"` });
    }
  });
  model.services.forEach((service, i) => {
    if (!categoryById(service.category)) {
      issues.push({
        path: `model.services[${i}].category`,
        message: `"${service.category}" is not in the taxonomy`,
      });
    }
  });
  const checkSources = (path: string, ids: string[]) => {
    ids.forEach((id, j) => {
      if (!sources.has(id)) issues.push({ path: `${path}[${j}]`, message: `unknown source "${id}"` });
    });
  };
  template.concentration.forEach((fact, i) => {
    checkSources(`concentration[${i}].sources`, fact.sources);
    if (!categoryById(fact.category)) {
      issues.push({
        path: `concentration[${i}].category`,
        message: `"${fact.category}" is not in the taxonomy`,
      });
    }
  });
  template.incidents.forEach((incident, i) => {
    checkSources(`incidents[${i}].sources`, incident.sources);
  });
  template.chokepoints.forEach((point, i) => {
    if (!functions.has(point.function)) {
      issues.push({ path: `chokepoints[${i}].function`, message: `unknown function "${point.function}"` });
    }
    if (!nodes.has(point.node)) {
      issues.push({ path: `chokepoints[${i}].node`, message: `unknown node "${point.node}"` });
    }
  });
  return issues;
}
