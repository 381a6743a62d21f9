// The live what-if of the map being edited: per function, the nodes whose failure alone stops it
// (single points of failure) and the alternatives that are not really redundant, computed by the
// same engine the analysis uses (core's compileModel and fail-one sweep). Pure, so the web worker
// runs it and the tests call it directly.
//
// A draft with problems is analysed as far as it can be: a service without a vendor yet is
// analysed without one, a function without a tolerance with a placeholder (single points of
// failure do not depend on it), and what cannot be read at all (a line to nowhere, an unknown
// member of a group) is set aside and said so. Only when even that fails does the answer ask
// for the problems to be fixed first.
import {
  type CompiledGraph,
  compileModel,
  type DraftModel,
  type DraftProblem,
  draftProblems,
  NODE_KINDS,
  type NodeKind,
  type SmartModel,
  singlePointsOfFailure,
  smartModelSchema,
  sweepFailOne,
} from '@smart/core';
import { DRAFT_LISTS } from '../../draft';

export interface WhatIfNode {
  id: string;
  label: string;
  kind: NodeKind;
}

export interface WhatIfFalseRedundancy {
  /** The group of alternatives that one failure defeats. */
  group: string;
  /** The node whose failure alone defeats it (a shared host or supplier). */
  shared: WhatIfNode;
  explanation: string;
}

export interface WhatIfFunction {
  function: WhatIfNode;
  /** Third-party services, vendors and hosts whose failure alone stops the function. */
  thirdParty: WhatIfNode[];
  /** The organization's own steps and systems whose failure alone stops it. */
  internal: WhatIfNode[];
  falseRedundancies: WhatIfFalseRedundancy[];
}

export type WhatIfResult =
  | {
      /** 'complete': the draft has no problems; 'partial': some of it was set aside (see setAside). */
      status: 'complete' | 'partial';
      functions: WhatIfFunction[];
      /** Third parties that are a single point of failure of some function: highlighted on the map. */
      chokepoints: string[];
      /** The problems worked around or left out to analyse the rest, in the editor's words. */
      setAside: DraftProblem[];
      /** Milliseconds the analysis took (compile and sweep). */
      ms: number;
    }
  | {
      status: 'blocked';
      /** What keeps the map from being analysed at all. */
      problems: DraftProblem[];
      ms: number;
    };

const THIRD_PARTY: ReadonlySet<NodeKind> = new Set(['service', 'vendor', 'host']);

/** Ids of the stand-in vendors given to services that have none yet: never shown. */
const STAND_IN = 'what-if:no-vendor:';

/** Rounds of setting aside: each can leave lines to what it removed, which the next removes. */
const ROUNDS = 4;

type Lists = Pick<DraftModel, 'functions' | 'processSteps' | 'systems' | 'services' | 'vendors' | 'hosts'> &
  Pick<DraftModel, 'workarounds' | 'dependencies' | 'alternatives' | 'sector'>;
const LIST_FIELDS = new Set<keyof Lists>(DRAFT_LISTS);

/** The draft with placeholders for what a draft may leave out, and without the items at `drop`. */
function withoutProblems(draft: DraftModel, drop: Map<keyof Lists, Set<number>>): DraftModel {
  const keep = <T>(field: keyof Lists, list: T[]): T[] => {
    const gone = drop.get(field);
    return gone ? list.filter((_, i) => !gone.has(i)) : list;
  };
  const services = keep('services', draft.services);
  const standIns = services
    .filter((s) => !s.vendor)
    .map((s) => ({ id: `${STAND_IN}${s.id}`, label: 'no vendor yet' }));
  return {
    ...draft,
    functions: keep('functions', draft.functions).map((fn) =>
      fn.maxTolerableDowntime ? fn : { ...fn, maxTolerableDowntime: '0h' },
    ),
    processSteps: keep('processSteps', draft.processSteps),
    systems: keep('systems', draft.systems),
    services: services.map((s) => (s.vendor ? s : { ...s, vendor: `${STAND_IN}${s.id}` })),
    vendors: [...keep('vendors', draft.vendors), ...standIns],
    hosts: keep('hosts', draft.hosts),
    workarounds: keep('workarounds', draft.workarounds),
    dependencies: keep('dependencies', draft.dependencies),
    alternatives: keep('alternatives', draft.alternatives),
    sector: keep('sector', draft.sector),
  };
}

/** A strict model from the draft, setting aside what it must; undefined when that is not enough. */
export function analysableModel(draft: DraftModel): SmartModel | undefined {
  let current = withoutProblems(draft, new Map());
  for (let round = 0; round < ROUNDS; round++) {
    const errors = draftProblems(current).filter((p) => p.severity === 'error');
    if (errors.length === 0) {
      const parsed = smartModelSchema.safeParse(current);
      return parsed.success ? parsed.data : undefined;
    }
    const drop = new Map<keyof Lists, Set<number>>();
    for (const error of errors) {
      const match = /^(\w+)\[(\d+)\]/.exec(error.path);
      const field = match?.[1] as keyof Lists | undefined;
      if (!match || !field || !LIST_FIELDS.has(field)) return undefined;
      const set = drop.get(field) ?? new Set<number>();
      set.add(Number(match[2]));
      drop.set(field, set);
    }
    current = withoutProblems(current, drop);
  }
  return undefined;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** The single points of failure and false redundancies of every function of the draft. */
export function whatIf(draft: DraftModel): WhatIfResult {
  const started = now();
  const errors = draftProblems(draft).filter((p) => p.severity === 'error');
  const model = analysableModel(draft);
  if (!model) return { status: 'blocked', problems: errors, ms: now() - started };
  const graph = compileModel(model);
  // Structural single points of failure: workarounds do not count, as in the analysis's default.
  const sweep = sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 14 * 24 });
  const reports = singlePointsOfFailure(graph, sweep);
  const nodeOf = new Map<string, WhatIfNode>();
  for (let i = 0; i < graph.nodeCount; i++) {
    const id = graph.ids[i] ?? '';
    nodeOf.set(id, { id, label: graph.labels[i] || id, kind: kindAt(graph, i) });
  }
  const chokepoints = new Set<string>();
  const functions = reports.map((report): WhatIfFunction => {
    const points = report.singlePoints
      .filter((id) => !id.startsWith(STAND_IN))
      .flatMap((id) => nodeOf.get(id) ?? []);
    const thirdParty = points.filter((n) => THIRD_PARTY.has(n.kind));
    for (const n of thirdParty) chokepoints.add(n.id);
    // One report per shared node and group, however many ways it reaches the function.
    const seen = new Set<string>();
    const falseRedundancies = report.falseRedundancies.flatMap((r) => {
      const key = `${r.group}:${r.shared.id}`;
      if (r.shared.id.startsWith(STAND_IN) || seen.has(key)) return [];
      seen.add(key);
      return [{ group: r.group, shared: r.shared, explanation: r.explanation }];
    });
    return {
      function: report.function,
      thirdParty,
      internal: points.filter((n) => !THIRD_PARTY.has(n.kind)),
      falseRedundancies,
    };
  });
  return {
    status: errors.length > 0 ? 'partial' : 'complete',
    functions,
    chokepoints: [...chokepoints],
    setAside: errors,
    ms: now() - started,
  };
}

/** The compiled graph keeps kinds as their index in NODE_KINDS. */
function kindAt(graph: CompiledGraph, node: number): NodeKind {
  return NODE_KINDS[graph.kinds[node] ?? 0] ?? 'function';
}
