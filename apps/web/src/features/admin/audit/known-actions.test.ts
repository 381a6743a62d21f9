import { describe, expect, it } from 'vitest';
import { actionLabel, withSeen } from './known-actions';

describe('audit action names', () => {
  it('reads an action in words', () => {
    expect(actionLabel('member.role_changed')).toBe('Member role changed');
    expect(actionLabel('invitation.revoked')).toBe('Invitation revoked');
  });

  it('offers the known choices plus those seen, sorted and without duplicates', () => {
    expect(withSeen(['b.x', 'a.y'], ['c.z', 'a.y', ''], 'd.w')).toEqual(['a.y', 'b.x', 'c.z', 'd.w']);
  });
});
