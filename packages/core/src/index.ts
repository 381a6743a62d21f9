// @smart/core: the SMART model document and the analysis engine. Pure TypeScript, no I/O.

export type { AnalysisOptions, FullAnalysis } from './analysis/analyze';
export { analyzeModel, DEFAULT_HORIZON_HOURS, resolveAnalysisOptions } from './analysis/analyze';
export type { BlastRadius } from './analysis/blast-radius';
export { blastRadii } from './analysis/blast-radius';
export type {
  CategoryConcentration,
  Concentration,
  ShareSummary,
  VendorConcentration,
} from './analysis/concentration';
export { SECTOR_CONCENTRATION_THRESHOLD, shareSummary } from './analysis/concentration';
export type { AnalysisErrorCode } from './analysis/errors';
export { AnalysisError } from './analysis/errors';
export type { ReasonStep } from './analysis/explain';
export { describeReasonChain, reasonPath } from './analysis/explain';
export type { FailOneSweep } from './analysis/fail-one';
export { sweepFailOne } from './analysis/fail-one';
export type { ScoreFactor, ScoreWeights, VendorPriority } from './analysis/priority';
export {
  DEFAULT_SCORE_WEIGHTS,
  SCORE_FACTOR_DESCRIPTIONS,
  SCORE_FACTORS,
  scoreOf,
  scoreWeightsSchema,
} from './analysis/priority';
export type { SectorExposure, WorstImpact } from './analysis/priority-factors';
export type { PropagationOptions, Propagator, WorkaroundMode } from './analysis/propagate';
export { createPropagator } from './analysis/propagate';
export type {
  FunctionOutcome,
  NodeCondition,
  NodeOutcome,
  Scenario,
  ScenarioOptions,
  TimelinePoint,
} from './analysis/scenario';
export { runScenario, scenarioReasonPath } from './analysis/scenario';
export type { FalseRedundancy, FunctionSinglePoints, NodeRef } from './analysis/single-points-of-failure';
export { singlePointsOfFailure } from './analysis/single-points-of-failure';
export type { WorkaroundInUse } from './analysis/workarounds-in-use';
export type { CompiledGraph } from './graph/compile';
export { compileModel } from './graph/compile';
export type { AlternativeGroup } from './model/alternative-group';
export { alternativeGroupSchema } from './model/alternative-group';
export type { CriticalFunction, ImpactStep } from './model/critical-function';
export { criticalFunctionSchema, impactStepSchema } from './model/critical-function';
export type { Dependency, FlowType } from './model/dependency';
export { dependencySchema, FLOW_TYPES } from './model/dependency';
export type { ChangeEntity, ModelChange } from './model/diff';
export { modelDiff, sameValue, summarizeChanges } from './model/diff';
export type { NodeKind, SmartModel, SmartModelInput } from './model/document';
export { MODEL_FORMAT, MODEL_VERSION, NODE_KINDS, smartModelSchema } from './model/document';
export type { DraftModel, DraftNode, DraftProblem } from './model/draft';
export {
  draftModelSchema,
  draftNodeIds,
  draftNodes,
  draftProblems,
  draftToModel,
  emptyDraft,
  stepsDependingOn,
} from './model/draft';
export { durationSchema, formatDuration, parseDuration } from './model/duration';
export type { Host } from './model/host';
export { hostSchema } from './model/host';
export type { InternalSystem } from './model/internal-system';
export { internalSystemSchema } from './model/internal-system';
export type { ProcessStep } from './model/process-step';
export { processStepSchema } from './model/process-step';
export type { Rubric } from './model/rubric';
export { DEFAULT_RUBRIC, rubricSchema } from './model/rubric';
export type { SectorConcentration } from './model/sector';
export { sectorConcentrationSchema } from './model/sector';
export type { Service } from './model/service';
export { serviceSchema } from './model/service';
export type { Tlp } from './model/tlp';
export { TLP_LEVELS, tlpSchema } from './model/tlp';
export type { ModelIssue, ParseModelResult } from './model/validate';
export { formatIssue, formatPath, parseModel, referentialIssues } from './model/validate';
export type { Vendor } from './model/vendor';
export { vendorSchema } from './model/vendor';
export type { Workaround } from './model/workaround';
export { workaroundSchema } from './model/workaround';
