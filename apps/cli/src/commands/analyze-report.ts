// Renders `smart analyze` results as sections (title, table, notes) that print as aligned text or
// Markdown: the full analysis, or one scenario.
import {
  type FullAnalysis,
  type FunctionOutcome,
  formatDuration,
  type Scenario,
  type SmartModel,
} from '@smart/core';

export interface Section {
  title: string;
  intro?: string;
  header?: string[];
  rows?: string[][];
  notes?: string[];
}

const TABLE_LIMIT = 25;

const hours = (h: number | undefined) => (h === undefined || !Number.isFinite(h) ? '-' : formatDuration(h));

function levelsText(levels: Record<string, number>): string {
  const parts = Object.entries(levels)
    .filter(([, level]) => level > 0)
    .map(([dimension, level]) => `${dimension} ${level}`);
  return parts.length ? parts.join(', ') : '-';
}

function limited<T>(items: readonly T[], limit = TABLE_LIMIT): { shown: T[]; note: string[] } {
  const rest = items.length - limit;
  return {
    shown: items.slice(0, limit),
    note: rest > 0 ? [`… and ${rest} more (use --format json for all).`] : [],
  };
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

/** Sections of the full analysis: priorities, single points of failure, blast radius, concentration. */
export function analysisSections(model: SmartModel, analysis: FullAnalysis): Section[] {
  const labels = labelsOf(model);
  const { summary, options } = analysis;
  const workarounds = options.workarounds === 'count' ? 'workarounds counted' : 'workarounds ignored';
  const priorities = limited(analysis.priorities);
  const sections: Section[] = [
    {
      title: 'Prioritized vendors',
      intro: `${summary.functions} critical functions, ${summary.vendors} vendors, ${summary.nodes} nodes; outage of ${hours(options.horizonHours)}, ${workarounds}.`,
      header: ['RANK', 'SCORE', 'VENDOR', 'FUNCTIONS DOWN', 'WORST IMPACT', 'PATH'],
      rows: priorities.shown.map((p) => [
        String(p.rank),
        p.score.toFixed(1),
        p.vendor.label,
        `${p.functionsTakenDown.length} of ${summary.functions}`,
        p.worst && p.worst.level > 0 ? `${p.worst.levelName} ${p.worst.dimensionLabel.toLowerCase()}` : '-',
        p.pathText || '-',
      ]),
      notes: [
        ...priorities.note,
        ...analysis.priorities
          .slice(0, 5)
          .map((p) => `#${p.rank} ${p.vendor.label}: ${p.explanation.join(' ')}`),
      ],
    },
  ];
  const spofs = limited(analysis.singlePoints);
  sections.push({
    title: 'Single points of failure',
    header: ['FUNCTION', 'COUNT', 'SINGLE POINTS OF FAILURE'],
    rows: spofs.shown.map((s) => [
      s.function.label,
      String(s.singlePoints.length),
      s.singlePoints.map((id) => labels.get(id) ?? id).join(', ') || 'none',
    ]),
    notes: [...spofs.note, ...falseRedundancyNotes(analysis)],
  });
  sections.push(blastSection(analysis), concentrationSection(analysis));
  return sections;
}

function falseRedundancyNotes(analysis: FullAnalysis): string[] {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const entry of analysis.singlePoints) {
    for (const f of entry.falseRedundancies) {
      const key = `${f.group}|${f.shared.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      notes.push(`False redundancy: ${f.explanation}`);
    }
  }
  return limited(notes).shown;
}

function blastSection(analysis: FullAnalysis): Section {
  const hit = analysis.blastRadius.filter((b) => b.functionsDown.length > 0);
  const shown = limited(hit);
  return {
    title: 'Blast radius',
    intro: hit.length ? undefined : 'No single vendor, service or host takes a function down on its own.',
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

const pct = (share: number | undefined) => (share === undefined ? '-' : `${Math.round(share * 100)}%`);

function concentrationSection(analysis: FullAnalysis): Section {
  const shown = limited(analysis.concentration.categories);
  return {
    title: 'Concentration by service category',
    header: ['CATEGORY', 'OUR VENDORS', 'OUR TOP-1', 'SECTOR TOP-1', 'SECTOR TOP-2', 'SECTOR HHI', 'FLAG'],
    rows: shown.shown.map((c) => [
      c.category,
      String(c.organization.vendors.length),
      pct(c.organization.vendors.length ? c.organization.top1Share : undefined),
      pct(c.sector?.top1Share),
      pct(c.sector?.top2Share),
      c.sector ? String(Math.round(c.sector.hhi)) : '-',
      c.sectorConcentrated ? 'SECTOR > 90% TOP-2' : '',
    ]),
    notes: shown.note,
  };
}

const percentOf = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** Why a function is down or degraded, and the workarounds keeping it going. */
function functionNotes(f: FunctionOutcome): string[] {
  const notes = f.explanation ? [`${f.label}: ${f.explanation}`] : [];
  for (const w of f.workarounds) {
    const staff = w.staff > 0 ? `, ${w.staff} extra staff` : '';
    notes.push(
      `${f.label} relies on the workaround "${w.label}" (${percentOf(w.capacity)} capacity${staff}) from ${hours(w.fromHours)} until ${hours(w.untilHours)}.`,
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
      intro: `${failed} unavailable for ${hours(scenario.durationHours)} (${workarounds}): ${summary.functionsDown} functions down, ${summary.functionsDegraded} on workarounds, ${summary.nodesDown} nodes down.`,
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
        levelsText(f.levels),
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
        n.because ? (labels.get(n.because) ?? n.because) : 'failed',
      ]),
      notes: nodes.note,
    },
  ];
}
