// Changing a subscription's settings from the services pages: auto-renew from the balance on or off (the customer's
// owner or billing people), and the identifier the table shows (staff: hosting sets the server's IP address). Each
// change is the subscription's versioned write and its history event in one transaction, retried on a lost race.

import { isIP } from 'node:net';
import type { TransactItem } from '#shared/audit/audit.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { ConflictError, ValidationError } from '#shared/http/errors.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import {
  getSubscription,
  isRenewable,
  type Subscription,
  type SubscriptionIdentifier,
  subscriptionPut,
  toSubscriptionView,
  type SubscriptionView,
} from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';

const ended = () => new ConflictError('The subscription has ended: it can no longer be changed.', 'SUBSCRIPTION_ENDED');

/**
 * Turns auto-renew on or off; the 'auto-renew-changed' event records it. Asking for what is already set writes
 * nothing (a double click changes it once). An ended subscription: 409 SUBSCRIPTION_ENDED.
 */
export async function setAutoRenew(accountId: string, subscriptionId: string, autoRenew: boolean): Promise<SubscriptionView> {
  return transactWithRetry(async () => {
    const read = await getSubscription(accountId, subscriptionId);
    const at = now();
    if (read.autoRenew === autoRenew) return { items: [], retryOnConditionAt: [], result: toSubscriptionView(read, at) };
    if (!isRenewable(read)) throw ended();
    const next: Subscription = { ...read, autoRenew, updatedAt: at.toISOString() };
    return {
      items: [
        subscriptionPut(read, next),
        subscriptionEventPut(accountId, { subscriptionId, kind: 'auto-renew-changed', at: at.toISOString(), by: 'customer', autoRenew }),
      ],
      retryOnConditionAt: [0],
      result: toSubscriptionView({ ...next, version: read.version + 1 }, at),
    };
  }, writeUnlessEmpty);
}

/** An empty build (nothing to change) writes nothing. */
function writeUnlessEmpty(items: TransactItem[]): Promise<unknown> {
  if (items.length === 0) return Promise.resolve();
  return db().send(new TransactWriteCommand({ TransactItems: items }));
}

/** A host name as DNS allows it: labels of letters, digits and hyphens, dot-separated, 253 characters at most. */
const HOST = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const SERIAL = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The identifier as written (trimmed; host names in lower case), or 400 when the value is not of its kind. */
export function normalisedIdentifier(identifier: SubscriptionIdentifier): SubscriptionIdentifier {
  const value = identifier.value.trim();
  const valid = identifier.kind === 'ip' ? isIP(value) !== 0 : identifier.kind === 'host' ? HOST.test(value) : SERIAL.test(value);
  if (!valid) {
    throw new ValidationError(`The value is not ${identifier.kind === 'ip' ? 'an IP address' : `a valid ${identifier.kind}`}.`, [
      { path: 'body.value', message: `not a valid ${identifier.kind}` },
    ]);
  }
  return { kind: identifier.kind, value: identifier.kind === 'host' ? value.toLowerCase() : value };
}

export interface IdentifierChange {
  subscription: Subscription;
  before?: SubscriptionIdentifier;
  items: TransactItem[];
}

/**
 * Staff set the identifier (the server's IP address, its host name, or a serial): the subscription's write and an
 * 'identifier-changed' event, handed to `write` (the audit trail's commit) in one transaction. The same value again
 * still writes (the audit records that staff confirmed it).
 */
export async function setIdentifier(
  accountId: string,
  subscriptionId: string,
  identifier: SubscriptionIdentifier,
  write: (change: IdentifierChange) => Promise<unknown>,
): Promise<SubscriptionView> {
  const wanted = normalisedIdentifier(identifier);
  let change: IdentifierChange | undefined;
  return transactWithRetry(
    async () => {
      const read = await getSubscription(accountId, subscriptionId);
      if (!isRenewable(read)) throw ended();
      const at = now();
      const next: Subscription = { ...read, identifier: wanted, updatedAt: at.toISOString() };
      const items = [
        subscriptionPut(read, next),
        subscriptionEventPut(accountId, {
          subscriptionId,
          kind: 'identifier-changed',
          at: at.toISOString(),
          by: 'staff',
          identifier: { ...(read.identifier ? { from: read.identifier.value } : {}), to: wanted.value, kind: wanted.kind },
        }),
      ];
      change = { subscription: next, ...(read.identifier ? { before: read.identifier } : {}), items };
      return { items, retryOnConditionAt: [0], result: toSubscriptionView({ ...next, version: read.version + 1 }, at) };
    },
    () => write(change!),
  );
}
