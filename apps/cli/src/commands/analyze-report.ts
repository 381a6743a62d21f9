// Renders `smart analyze` results as sections (title, table, notes) that print as aligned text or
// Markdown: the full analysis, or one scenario.
import {
  DEFAULT_RUBRIC,
  type FullAnalysis,
  type FunctionOutcome,
  formatDuration,
  type Scenario,
  type SmartModel,
  type VendorPriority,
} from '@smart/core';

export interface Section {
  title: string;
  intro?: string;
  header?: string[];
  rows?: string[][];
  notes?: string[];
}

/** Rows shown per table; --format json has everything. */
const TABLE_LIMIT = 25;
/** Vendors whose rank is explained in full under the table. */
const EXPLAINED_VENDORS = 5;
/** Names listed in one cell before "and N more". */
const NAMES_PER_CELL = 8;

const hours = (h: number | undefined) => (h === undefined || !Number.isFinite(h) ? '-' : formatDuration(h));
const percent = (share: number | undefined) => (share === undefined ? '-' : `${Math.round(share * 100)}%`);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function limited<T>(items: readonly T[], limit = TABLE_LIMIT): { shown: T[]; note: string[] } {
  const rest = items.length - limit;
  return {
    shown: items.slice(0, limit),
    note: rest > 0 ? [`… and ${rest} more (use --format json for all).`] : [],
  };
}

function namesCell(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  // "and 1 more" would take as much room as the name itself.
  if (names.length <= NAMES_PER_CELL + 1) return names.join(', ');
  return `${names.slice(0, NAMES_PER_CELL).join(', ')} and ${names.length - NAMES_PER_CELL} more`;
}

export function headline(model: SmartModel): string {
  return `TLP:${model.tlp}  ${model.name ?? 'SMART model'}`;
}

function labelsOf(model: SmartModel): Map<string, string> {
  const nodes = [
    model.functions,
    model.processSteps,
    model.systems,
    model.services,
    model.vendors,
    model.hosts,
  ];
  return new Map(nodes.flat().map((n) => [n.id, n.label || n.id]));
}

/** "patient safety 2, financial 5": the dimensions above 0, named as the rubric names them. */
function levelsText(model: SmartModel, levels: Record<string, number>): string {
  const rubric = model.rubric ?? DEFAULT_RUBRIC;
  const parts = rubric.dimensions
    .filter((d) => (levels[d.id] ?? 0) > 0)
    .map((d) => `${(d.label ?? d.id).toLowerCase()} ${levels[d.id]}`);
  return parts.length ? parts.join(', ') : '-';
}

function worstText(p: VendorPriority): string {
  return p.worst && p.worst.level > 0 ? `${p.worst.levelName} ${p.worst.dimensionLabel.toLowerCase()}` : '-';
}

/** Sections of the full analysis: priorities, single points of failure, blast radius, concentration. */
export function analysisSections(model: SmartModel, analysis: FullAnalysis): Section[] {
  return [
    prioritySection(analysis),
    singlePointsSection(model, analysis),
    blastSection(analysis),
    concentrationSection(analysis),
  ];
}

function prioritySection(analysis: FullAnalysis): Section {
  const { summary, options } = analysis;
  const workarounds = options.workarounds === 'count' ? 'workarounds counted' : 'workarounds ignored';
  const shown = limited(analysis.priorities);
  return {
    title: 'Prioritized vendors',
    intro:
      `${count(summary.functions, 'critical function', 'critical functions')}, ` +
      `${count(summary.vendors, 'vendor', 'vendors')}, ${count(summary.nodes, 'node', 'nodes')}; ` +
      `an outage of ${hours(options.horizonHours)}, ${workarounds}.`,
    header: ['RANK', 'SCORE', 'VENDOR', 'STOPS', 'WORST IMPACT', 'PATIENT RECORDS', 'SECTOR'],
    rows: shown.shown.map((p) => [
      String(p.rank),
      p.score.toFixed(1),
      p.vendor.label,
      `${p.functionsTakenDown.length} of ${summary.functions}`,
      worstText(p),
      p.phiRecords > 0 ? p.phiRecords.toLocaleString('en-US') : '-',
      p.sector ? `${percent(p.sector.share)} of ${p.sector.category}` : '-',
    ]),
    notes: [
      ...shown.note,
      ...analysis.priorities
        .slice(0, EXPLAINED_VENDORS)
        .map((p) => `${p.rank}. ${p.vendor.label}: ${p.explanation.join(' ')}`),
    ],
  };
}

function singlePointsSection(model: SmartModel, analysis: FullAnalysis): Section {
  const labels = labelsOf(model);
  const shown = limited(analysis.singlePoints);
  const seen = new Set<string>();
  const falseRedundancy: string[] = [];
  for (const entry of analysis.singlePoints) {
    for (const f of entry.falseRedundancies) {
      const key = `${f.group}|${f.shared.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      falseRedundancy.push(`False redundancy: ${f.explanation}`);
    }
  }
  return {
    title: 'Single points of failure',
    intro: 'Each node whose failure alone stops the function.',
    header: ['FUNCTION', 'COUNT', 'SINGLE POINTS OF FAILURE'],
    rows: shown.shown.map((s) => [
      s.function.label,
      String(s.singlePoints.length),
      namesCell(s.singlePoints.map((id) => labels.get(id) ?? id)),
    ]),
    notes: [...shown.note, ...limited(falseRedundancy).shown],
  };
}

function blastSection(analysis: FullAnalysis): Section {
  const hit = analysis.blastRadius.filter((b) => b.functionsDown.length > 0);
  const shown = limited(hit);
  return {
    title: 'Blast radius',
    intro: hit.length
      ? 'What one vendor, service or host takes down on its own; weighted impact adds up the peak impact level of each function stopped.'
      : 'No single vendor, service or host takes a function down on its own.',
    header: ['NODE', 'KIND', 'FUNCTIONS DOWN', 'NODES DOWN', 'WEIGHTED IMPACT'],
    rows: shown.shown.map((b) => [
      b.node.label,
      b.node.kind,
      String(b.functionsDown.length),
      String(b.nodesDown),
      String(b.weightedImpact),
    ]),
    notes: shown.note,
  };
}

function concentrationSection(analysis: FullAnalysis): Section {
  const shown = limited(analysis.concentration.categories);
  return {
    title: 'Concentration by service category',
    intro: 'Our share is by services in the category; the sector figures come from the document.',
    header: ['CATEGORY', 'OUR VENDORS', 'OUR TOP-1', 'SECTOR TOP-1', 'SECTOR TOP-2', 'SECTOR HHI', 'FLAG'],
    rows: shown.shown.map((c) => [
      c.category,
      String(c.organization.vendors.length),
      percent(c.organization.vendors.length ? c.organization.top1Share : undefined),
      percent(c.sector?.top1Share),
      percent(c.sector?.top2Share),
      c.sector ? String(Math.round(c.sector.hhi)) : '-',
      c.sectorConcentrated ? 'top two hold over 90%' : '',
    ]),
    notes: shown.note,
  };
}

/** Why a function is down or degraded, and the workarounds keeping it going. */
function functionNotes(f: FunctionOutcome): string[] {
  const notes = f.explanation ? [`${f.label}: ${f.explanation}`] : [];
  for (const w of f.workarounds) {
    const staff = w.staff > 0 ? `, ${w.staff} extra staff` : '';
    notes.push(
      `${f.label} relies on the workaround "${w.label}" (${percent(w.capacity)} capacity${staff}) ` +
        `from ${hours(w.fromHours)} until ${hours(w.untilHours)}.`,
    );
  }
  return notes;
}

/** Sections of a scenario: each function's outcome, then every node the failure reached. */
export function scenarioSections(model: SmartModel, scenario: Scenario): Section[] {
  const labels = labelsOf(model);
  const failed = scenario.failed.map((id) => labels.get(id) ?? id).join(', ');
  const workarounds = scenario.workarounds === 'count' ? 'workarounds counted' : 'workarounds ignored';
  const { summary } = scenario;
  const nodes = limited(scenario.nodes, 50);
  return [
    {
      title: 'Scenario',
      intro:
        `${failed} unavailable for ${hours(scenario.durationHours)} (${workarounds}): ` +
        `${count(summary.functionsDown, 'function', 'functions')} down, ` +
        `${summary.functionsDegraded} on workarounds, ${count(summary.nodesDown, 'node', 'nodes')} down.`,
      header: [
        'FUNCTION',
        'STATE',
        'DEGRADED FROM',
        'DOWN AT',
        'TOLERANCE',
        'OVER TOLERANCE AT',
        'IMPACT AT END',
      ],
      rows: scenario.functions.map((f) => [
        f.label,
        f.state,
        hours(f.degradedFromHours),
        hours(f.downAtHours),
        hours(f.toleranceHours),
        hours(f.toleranceExceededAtHours),
        levelsText(model, f.levels),
      ]),
      notes: scenario.functions.flatMap(functionNotes),
    },
    {
      title: 'Affected nodes',
      header: ['NODE', 'KIND', 'STATE', 'NEEDS UNMET AT', 'DOWN AT', 'WORKAROUND UNTIL', 'BECAUSE'],
      rows: nodes.shown.map((n) => [
        n.label,
        n.kind,
        n.state,
        hours(n.hitAtHours),
        hours(n.downAtHours),
        hours(n.degradedUntilHours),
        n.because ? `${labels.get(n.because) ?? n.because} is down` : 'failed',
      ]),
      notes: nodes.note,
    },
  ];
}
