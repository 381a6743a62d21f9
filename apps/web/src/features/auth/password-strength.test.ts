import { describe, expect, it } from 'vitest';
import { newPasswordError, passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('calls anything under 12 characters too short', () => {
    expect(passwordStrength('Sh0rt!').label).toBe('Too short');
    expect(newPasswordError('elevenchars')).not.toBeNull();
  });
  it('rates longer and more varied passwords higher', () => {
    const plain = passwordStrength('aaaaaaaaaaaa');
    const varied = passwordStrength('Correct-Horse-Battery-9');
    expect(plain.label).toBe('Fair');
    expect(varied.score).toBeGreaterThan(plain.score);
    expect(varied.label).toBe('Strong');
    expect(newPasswordError('aaaaaaaaaaaa')).toBeNull();
  });
});
