// The staff groups of the staff user pool; a staff route needs at least one. No dependencies, so CDK can import it.

export const STAFF_GROUPS = ['admin', 'support', 'billing'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];
