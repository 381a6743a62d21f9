// The organization-wide analysis API as the web app sees it (/work/plan/analysis-contract.md):
// the full analysis, a scenario run, saved scenarios, the score's weights and dated snapshots of
// the prioritized list. Engine types come from @smart/core, so pages and server agree on shapes.
import type {
  Concentration,
  FullAnalysis,
  FunctionSinglePoints,
  NodeKind,
  Scenario,
  ScoreWeights,
  Tlp,
  VendorPriority,
} from '@smart/core';
import type { ReviewStatus } from '../maps/types';

export type WorkaroundChoice = 'ignore' | 'count';

export interface RubricLevel {
  level: number;
  label: string;
}

export interface AnalysisDimension {
  id: string;
  label: string;
  levels: RubricLevel[];
}

export interface AnalysisMap {
  id: string;
  name: string;
  reviewStatus: ReviewStatus;
  tlp: Tlp;
  /** False when the map's draft does not convert to a model; `problem` says why. */
  included: boolean;
  problem?: string;
  functions: number;
}

export interface AnalysisNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** The maps the node appears in (vendors and hosts are shared across maps). */
  mapIds: string[];
  category?: string;
}

export interface OrgAnalysis {
  generatedAt: string;
  modelHash: string;
  tlp: Tlp;
  rubric: { source: 'approved' | 'default'; version?: number; dimensions: AnalysisDimension[] };
  maps: AnalysisMap[];
  nodes: AnalysisNode[];
  weights: ScoreWeights;
  savedWeights: ScoreWeights;
  options: { workarounds: WorkaroundChoice; horizonHours: number };
  summary: FullAnalysis['summary'];
  singlePoints: FunctionSinglePoints[];
  concentration: Concentration;
  priorities: VendorPriority[];
}

export interface ScenarioScope {
  mapId?: string;
  functionId?: string;
}

export interface ScenarioInput {
  failed: string[];
  durationHours: number;
  workarounds?: WorkaroundChoice;
  scope?: ScenarioScope;
}

export interface ImpactPoint {
  atHours: number;
  levels: Record<string, number>;
}

export interface ScenarioResult {
  scenario: Scenario;
  impact: { dimensions: { id: string; label: string }[]; points: ImpactPoint[] };
  scope: ScenarioScope;
  tlp: Tlp;
  modelHash: string;
}

export interface SavedScenario {
  id: string;
  name: string;
  note: string | null;
  failed: string[];
  durationHours: number;
  workarounds: WorkaroundChoice;
  version: number;
  createdAt: string;
  createdByName: string | null;
  updatedAt: string;
}

export interface SavedScenarioInput {
  name: string;
  note?: string;
  failed: string[];
  durationHours: number;
  workarounds?: WorkaroundChoice;
}

export interface SavedWeights {
  weights: ScoreWeights;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface SnapshotSummary {
  id: string;
  name: string | null;
  takenAt: string;
  takenByName: string | null;
  vendorCount: number;
  tlp: Tlp;
}

export interface Snapshot {
  id: string;
  name: string | null;
  takenAt: string;
  takenByName: string | null;
  weights: ScoreWeights;
  options: { workarounds: WorkaroundChoice; horizonHours: number };
  modelHash: string;
  tlp: Tlp;
  maps: { id: string; name: string; version: number }[];
  priorities: VendorPriority[];
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
