// Reading the account's subscriptions (the services pages): a page of them, newest start first, optionally only one
// status or kind; one subscription with the first page of its history; a page of that history. A distributor's people
// read a client's the same way (`clientId`: shared/accounts/distributors.ts viewedAccount, 404 for a non-client).

import { getAccount } from '#shared/accounts/account.ts';
import { assertMayOrderForItself, type ClientRef, viewedAccount } from '#shared/accounts/distributors.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { listSubscriptionEvents, type SubscriptionEvent } from '#shared/subscriptions/events.ts';
import type { SubscriptionKind, SubscriptionStatus } from '#shared/subscriptions/fields.ts';
import {
  getSubscription,
  SUBSCRIPTION_PREFIX,
  subscriptionFromItem,
  toSubscriptionView,
  type SubscriptionView,
} from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface SubscriptionFilter {
  status?: SubscriptionStatus;
  kind?: SubscriptionKind;
}

/** Events the detail shows before "more". */
export const DETAIL_HISTORY_PAGE = 20;

/**
 * A page of the account's subscriptions, newest start first (ids are ULIDs of the start). One Query in the account's
 * partition; a filter is a FilterExpression there, so a filtered page may hold fewer items and still go on.
 */
export async function listSubscriptions(
  accountId: string,
  page: PageRequest,
  filter: SubscriptionFilter = {},
): Promise<Page<SubscriptionView>> {
  const at = now();
  const where: Record<string, string> = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: SUBSCRIPTION_PREFIX,
      newestFirst: true,
      ...(Object.keys(where).length ? { where } : {}),
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => toSubscriptionView(subscriptionFromItem(item), at),
  );
}

export interface SubscriptionDetail {
  subscription: SubscriptionView;
  history: Page<SubscriptionEvent>;
}

/** One subscription (404 unless the account's) and the newest page of its history: one GetItem and one Query at once. */
export async function subscriptionDetail(
  accountId: string,
  subscriptionId: string,
  viewerAccountId = accountId,
): Promise<SubscriptionDetail> {
  const [subscription, history] = await Promise.all([
    getSubscription(accountId, subscriptionId),
    listSubscriptionEvents(accountId, subscriptionId, { limit: DETAIL_HISTORY_PAGE }),
  ]);
  const view = toSubscriptionView(subscription, now());
  // The invoice that paid the period is offered to the account that holds it only (a client whose distributor paid
  // could not open the distributor's invoice; the distributor sees its own).
  const { lastInvoice, ...rest } = view;
  const held = lastInvoice && (lastInvoice.accountId ?? accountId) === viewerAccountId;
  return { subscription: held ? view : rest, history };
}

/** A page of one subscription's history, newest first; 404 unless the subscription is the account's. */
export async function subscriptionHistory(accountId: string, subscriptionId: string, page: PageRequest): Promise<Page<SubscriptionEvent>> {
  const [, history] = await Promise.all([
    getSubscription(accountId, subscriptionId),
    listSubscriptionEvents(accountId, subscriptionId, page),
  ]);
  return history;
}

// --- A distributor's view of its clients' subscriptions -------------------------------------------------------------

/**
 * Whose subscriptions the caller reads: their own account's without `clientId` (no read), else a client of the
 * caller's distributor account (404 for any other account), named so each row can say whose it is.
 */
export async function subscriptionsOwner(
  callerAccountId: string,
  clientId: string | undefined,
): Promise<{ accountId: string; client?: ClientRef }> {
  if (clientId === undefined || clientId === callerAccountId) return { accountId: callerAccountId };
  const client = await viewedAccount(callerAccountId, clientId);
  return { accountId: client.accountId, client };
}

/**
 * Whose subscription the caller switches auto-renew of: a client's (`clientId`, 404 unless the caller's client), whose
 * distributor pays its auto-renew (shared/subscriptions/auto-renew.ts); else the caller's own, unless the caller's
 * account is a distributor's client, which sees it read-only (403 ORDERED_BY_DISTRIBUTOR, as for its renewals).
 */
export async function autoRenewOwner(callerAccountId: string, clientId: string | undefined): Promise<string> {
  const owner = await subscriptionsOwner(callerAccountId, clientId);
  if (!owner.client) {
    const account = await getAccount(callerAccountId);
    if (account) await assertMayOrderForItself(account);
  }
  return owner.accountId;
}
