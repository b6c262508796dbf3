// The subscription's enumerations, pure: the entity modules (model.ts, events.ts) and the API contracts
// (shared/api/subscriptions.ts, which the web imports) share them.

export const SUBSCRIPTION_KINDS = ['support', 'service'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const SUBSCRIPTION_STATUSES = ['active', 'due', 'overdue', 'suspended', 'cancelled', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIPTION_EVENT_KINDS = [
  'created',
  'renewed',
  'plan-changed',
  'plan-change-scheduled',
  'cancel-requested',
  'cancelled',
  'status-changed',
  'reminded',
  'auto-renew-failed',
  'auto-renew-changed',
  'identifier-changed',
] as const;
export type SubscriptionEventKind = (typeof SUBSCRIPTION_EVENT_KINDS)[number];
