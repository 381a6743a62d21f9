// A simple, honest password strength hint: length matters most; variety helps a little.

export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordStrength {
  /** 0–100, for a progress bar. */
  score: number;
  label: 'Too short' | 'Fair' | 'Good' | 'Strong';
  color: 'red' | 'yellow' | 'teal' | 'green';
}

export function passwordStrength(password: string): PasswordStrength {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      score: Math.round((password.length / MIN_PASSWORD_LENGTH) * 40),
      label: 'Too short',
      color: 'red',
    };
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const lengthBonus = Math.min(password.length - MIN_PASSWORD_LENGTH, 12) * 2.5;
  const score = Math.min(100, 40 + classes * 7.5 + lengthBonus);
  if (score >= 85) return { score, label: 'Strong', color: 'green' };
  if (score >= 60) return { score, label: 'Good', color: 'teal' };
  return { score, label: 'Fair', color: 'yellow' };
}

export function newPasswordError(password: string): string | null {
  return password.length >= MIN_PASSWORD_LENGTH ? null : `Use at least ${MIN_PASSWORD_LENGTH} characters`;
}
