// What is wrong or unfinished in the map being edited, checked in the browser on every change with
// the same rules the server applies (core's draftProblems), plus the one thing only the editor
// creates: a service whose category has not been chosen yet.
import { type DraftProblem, draftProblems } from '@smart/core';
import type { DraftModel } from '../draft';
import { UNCATEGORIZED } from './edits';

export type { DraftProblem };

export function mapProblems(model: DraftModel): DraftProblem[] {
  const problems = draftProblems(model);
  model.services.forEach((service, i) => {
    if (service.category !== UNCATEGORIZED) return;
    problems.push({
      path: `services[${i}].category`,
      nodeId: service.id,
      severity: 'warning',
      message: `Third-party service "${service.label?.trim() || service.id}" has no category yet`,
    });
  });
  // Errors first, then warnings, each in document order.
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) =>
      a.problem.severity === b.problem.severity ? a.order - b.order : a.problem.severity === 'error' ? -1 : 1,
    )
    .map(({ problem }) => problem);
}

export interface NodeProblems {
  /** 'error' when any of the messages is an error. */
  level: 'error' | 'warning';
  messages: string[];
}

/** The messages about each node, for the markers on the canvas. */
export function problemsByNode(problems: readonly DraftProblem[]): Map<string, NodeProblems> {
  const byNode = new Map<string, NodeProblems>();
  for (const problem of problems) {
    if (!problem.nodeId) continue;
    const entry = byNode.get(problem.nodeId);
    if (entry) {
      entry.messages.push(problem.message);
      if (problem.severity === 'error') entry.level = 'error';
    } else byNode.set(problem.nodeId, { level: problem.severity, messages: [problem.message] });
  }
  return byNode;
}
