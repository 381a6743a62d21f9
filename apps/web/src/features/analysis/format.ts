// Pure helpers of the analysis pages: hours in the words a board member reads ("day 14"), the
// weights as the API's query parameter, a node's condition at a moment of the outage, the chain
// of reasons behind a down node, and the org-wide node ids matched back to a map's own ids.
import type { FunctionOutcome, NodeCondition, NodeOutcome, Scenario, ScoreWeights } from '@smart/core';
import { SCORE_FACTORS } from '@smart/core';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const round = (n: number) => Math.round(n * 10) / 10;

/** A length of time: "21 days", "1 day 6 hours", "12 hours". */
export function formatHours(hours: number): string {
  if (hours < 24) return plural(round(hours), 'hour');
  const days = Math.floor(hours / 24);
  const rest = round(hours - days * 24);
  return rest === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(rest, 'hour')}`;
}

/** A moment of the outage, counted from the failure: "day 0", "day 14", "day 2, hour 6". */
export function formatMoment(hours: number): string {
  const days = Math.floor(hours / 24);
  const rest = round(hours - days * 24);
  return rest === 0 ? `day ${days}` : `day ${days}, hour ${rest}`;
}

/** The weights as GET /analysis?weights= takes them: "blastRadius:35,impact:25,...". */
export function weightsParam(weights: ScoreWeights): string {
  return SCORE_FACTORS.map((f) => `${f}:${weights[f]}`).join(',');
}

export function sameWeights(a: ScoreWeights, b: ScoreWeights): boolean {
  return SCORE_FACTORS.every((f) => a[f] === b[f]);
}

/** A node of the scenario at `atHours`: down once it went down, degraded while a workaround holds. */
export function nodeConditionAt(node: NodeOutcome, atHours: number): NodeCondition {
  if (node.downAtHours !== undefined && atHours >= node.downAtHours) return 'down';
  return atHours >= node.hitAtHours ? 'degraded' : 'up';
}

/** A function at `atHours`, from its timeline: the last event at or before that moment. */
export function functionAt(
  fn: FunctionOutcome,
  atHours: number,
): { state: NodeCondition; levels: Record<string, number> } {
  let current = fn.timeline[0];
  for (const point of fn.timeline) if (point.atHours <= atHours) current = point;
  return { state: current?.state ?? 'up', levels: current?.levels ?? {} };
}

/** When the function's state next changes, in words for its row ("down from day 14"). */
export function functionStory(fn: FunctionOutcome): string {
  const parts: string[] = [];
  if (fn.degradedFromHours !== undefined) {
    const until = Math.max(...fn.workarounds.map((w) => w.untilHours), fn.degradedFromHours);
    parts.push(`on a workaround from ${formatMoment(fn.degradedFromHours)} until ${formatMoment(until)}`);
  }
  if (fn.downAtHours !== undefined) parts.push(`down from ${formatMoment(fn.downAtHours)}`);
  if (fn.toleranceExceededAtHours !== undefined)
    parts.push(`past what it can tolerate from ${formatMoment(fn.toleranceExceededAtHours)}`);
  if (parts.length === 0) return 'not affected';
  const text = parts.join(', then ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ChainLink {
  id: string;
  label: string;
  kind: string;
  state: NodeCondition;
  /** Why this link is affected, in words. */
  why: string;
}

/**
 * Why a node is down or degraded: the node, then what it lost, down to what failed. Follows each
 * node's `because` through the scenario; stops on a loop (the engine never makes one, but a
 * chain is shown, never a hang).
 */
export function reasonChain(scenario: Scenario, id: string): ChainLink[] {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const failed = new Set(scenario.failed);
  const chain: ChainLink[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const cause = current.because ? byId.get(current.because) : undefined;
    const why = failed.has(current.id)
      ? 'unavailable from day 0 (part of this scenario)'
      : cause
        ? `lost ${cause.label}${current.degradedUntilHours !== undefined ? `; a workaround holds it until ${formatMoment(current.degradedUntilHours)}` : current.downAtHours !== undefined && current.downAtHours > current.hitAtHours ? `; its workaround ran out on ${formatMoment(current.downAtHours)}` : ''}`
        : 'affected';
    chain.push({ id: current.id, label: current.label, kind: current.kind, state: current.state, why });
    current = cause;
  }
  return chain;
}

/**
 * The id a map uses for a node of the organization's model. The server keeps a map's ids unless
 * they collide with another map's, then writes `<id>@<map key>`: the part before the last "@" is
 * the map's own id.
 */
export function mapNodeId(orgId: string, mapIds: ReadonlySet<string>): string | undefined {
  if (mapIds.has(orgId)) return orgId;
  const at = orgId.lastIndexOf('@');
  if (at > 0 && mapIds.has(orgId.slice(0, at))) return orgId.slice(0, at);
  return undefined;
}

/** Stepped chart rows: one per event time plus the end, with each dimension's worst level. */
export function chartRows(
  points: { atHours: number; levels: Record<string, number> }[],
  dimensions: { id: string; label: string }[],
  durationHours: number,
): Record<string, number>[] {
  const rows = points.map((p) => {
    const row: Record<string, number> = { day: round(p.atHours / 24) };
    for (const d of dimensions) row[d.label] = p.levels[d.id] ?? 0;
    return row;
  });
  const last = points[points.length - 1];
  if (last && last.atHours < durationHours) {
    const row: Record<string, number> = { day: round(durationHours / 24) };
    for (const d of dimensions) row[d.label] = last.levels[d.id] ?? 0;
    rows.push(row);
  }
  return rows;
}

/** The worst level per dimension across a scenario's functions (for comparing two scenarios). */
export function worstLevels(functions: FunctionOutcome[]): Record<string, number> {
  const worst: Record<string, number> = {};
  for (const fn of functions) {
    for (const [dimension, level] of Object.entries(fn.levels)) {
      worst[dimension] = Math.max(worst[dimension] ?? 0, level);
    }
  }
  return worst;
}
