// The password policy, the same as the Cognito pools' (infra/constructs/portal-user-pool.ts), so the local adapter
// refuses what Cognito would refuse.

export const PASSWORD_POLICY = { minLength: 12 } as const;

/** The rules this password breaks; empty when it is acceptable. */
export function passwordPolicyProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) problems.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/\d/.test(password)) problems.push('a digit');
  if (!/[^A-Za-z0-9]/.test(password)) problems.push('a symbol');
  return problems;
}
