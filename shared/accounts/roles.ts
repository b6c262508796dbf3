// The roles a person can have in one customer account. A customer route names the roles it allows in its contract
// (shared/api/contract.ts), like a staff route names its groups; the shared handler enforces them. No dependencies, so
// the web and CDK can import it.

export const CUSTOMER_ROLES = ['owner', 'billing', 'technical', 'read-only'] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/**
 * What each role is for (docs/api.md has the route-by-route table):
 * - owner: everything, including the people of the account and its legal data;
 * - billing: orders, invoices, the balance and the billing data;
 * - technical: licences, support, contracts and tickets;
 * - read-only: sees what owner sees, changes nothing but their own settings.
 */
export const ROLE_AREAS = {
  /** Reading the account's licences, support subscriptions and contracts. */
  technicalRead: ['owner', 'technical', 'read-only'],
  /** Changing licences (transfer, deactivate), opening tickets. */
  technicalWrite: ['owner', 'technical'],
  /** Reading orders, invoices and the balance. */
  billingRead: ['owner', 'billing', 'read-only'],
  /** Buying, paying, changing billing data. */
  billingWrite: ['owner', 'billing'],
  /** Reading the account's services and subscriptions (issue #15): every role; renewing and changing them is billingWrite. */
  servicesRead: ['owner', 'billing', 'technical', 'read-only'],
  /** The people of the account, notification recipients, legal data. */
  ownerOnly: ['owner'],
  /**
   * Reading tickets: every role, each seeing what it may (owners and technical contacts the whole account's,
   * the others the tickets they opened: shared/tickets/model.ts `mayView`).
   */
  ticketRead: ['owner', 'billing', 'technical', 'read-only'],
  /** Opening and answering tickets: administrative ones for billing too; technical ones need technicalWrite. */
  ticketWrite: ['owner', 'billing', 'technical'],
} as const satisfies Record<string, readonly [CustomerRole, ...CustomerRole[]]>;

/** An old membership's role (`contact`, before roles existed) reads as read-only. */
export function roleOf(stored: string): CustomerRole {
  return CUSTOMER_ROLES.find((role) => role === stored) ?? 'read-only';
}
