// The staff groups of the staff user pool; a staff route names the ones it allows. No dependencies, so CDK can import it.

export const STAFF_GROUPS = ['admin', 'support', 'billing'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** API Gateway flattens list claims to a string like "[admin support]"; the local server mirrors that. */
export function groupsOf(claims: Record<string, unknown>): string[] {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}
