/**
 * The server's password rules that a form can check before sending (docs/authentication.md):
 * 12–128 characters, upper and lower case, a digit, a special character. The server checks the
 * rest (common passwords, runs) and its message is shown as it is.
 */
/** The characters the server counts as special (PasswordPolicy.SPECIAL): a space or "/" is not one. */
export const SPECIAL_CHARACTERS = '!@#$%^&*(),.?":{}|<>-_=+[]\\;\'`~';

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('at least 12 characters');
  if (password.length > 128) problems.push('at most 128 characters');
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/\d/.test(password)) problems.push('a digit');
  if (![...password].some((c) => SPECIAL_CHARACTERS.includes(c))) problems.push('a special character such as ! @ # $ % - _ (a space or / does not count)');
  return problems;
}

/** What a new-password field says before anything is typed. */
export const PASSWORD_HINT = '12+ characters with upper and lower case, a digit and a special character';

/** The message for a new password that breaks a rule of `passwordProblems`, else null. */
export function passwordError(password: string): string | null {
  const problems = passwordProblems(password);
  return problems.length ? `Password needs ${problems.join(', ')}` : null;
}

/** The message for a confirmation that differs from the new password, else null. */
export function confirmError(password: string, confirmation: string): string | null {
  return confirmation !== password ? 'Passwords do not match' : null;
}
