// Who may change what in the analysis (the server enforces the same rules; every role reads).
import type { Role } from '../../api/types';

/** The score's weights and the dated snapshots Phase 2 tiers from: administrators and risk leads. */
export function canSetWeights(role: Role): boolean {
  return role === 'admin' || role === 'risk_lead';
}

export const canTakeSnapshots = canSetWeights;

/** Saved scenarios: also business owners, who know what their workflows can survive. */
export function canSaveScenarios(role: Role): boolean {
  return role === 'admin' || role === 'risk_lead' || role === 'business_owner';
}
