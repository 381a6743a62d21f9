import { describe, expect, it } from 'vitest';
import { ROLES } from '../../api/types';
import { canSaveScenarios, canSetWeights, canTakeSnapshots } from './permissions';

describe('analysis permissions', () => {
  it('lets administrators and risk leads set weights and take snapshots, and no one else', () => {
    expect(ROLES.filter(canSetWeights)).toEqual(['admin', 'risk_lead']);
    expect(ROLES.filter(canTakeSnapshots)).toEqual(['admin', 'risk_lead']);
  });

  it('lets business owners save scenarios too', () => {
    expect(ROLES.filter(canSaveScenarios)).toEqual(['admin', 'risk_lead', 'business_owner']);
  });
});
