// The renewable support subscription of a licence: the Subscription written with its first support term (the same id).
// Upgrades move it to the new edition; staff extending support move its paid-until with the term.

import { NotFoundError } from '#shared/http/errors.ts';
import { getSubscription, type Subscription } from '#shared/subscriptions/model.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import type { SupportSubscription } from '#shared/support/model.ts';

/**
 * The renewable support subscription of a licence (issue #15: the id of its first support term), or none: licences
 * without support, and those bought before subscriptions existed, have none.
 */
export async function renewableSupportOf(accountId: string, licenceId: string): Promise<Subscription | undefined> {
  return renewableSupportAmong(accountId, licenceId, await listLicenceSupport(accountId, licenceId));
}

/** The same, from the licence's support terms already read (newest first, as `listLicenceSupport` answers). */
export async function renewableSupportAmong(
  accountId: string,
  licenceId: string,
  terms: ReadonlyArray<Pick<SupportSubscription, 'subscriptionId'>>,
): Promise<Subscription | undefined> {
  const first = terms.at(-1);
  if (!first) return undefined;
  try {
    const subscription = await getSubscription(accountId, first.subscriptionId);
    return subscription.kind === 'support' && subscription.licenceId === licenceId ? subscription : undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
