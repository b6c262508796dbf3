// The mailing-list use cases the routes call: a person's own state, opting in or out, and the signed link's checks.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { AppError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { MailingList } from '#shared/notifications/consent-wording.ts';
import { getSubscription, type MailingSubscription, subscribe, unsubscribe } from '#shared/notifications/mailing.ts';
import { isValidUnsubscribeToken, type UnsubscribeToken } from '#shared/notifications/unsubscribe-link.ts';

export interface MailingState {
  list: MailingList;
  subscribed: boolean;
  consentedAt?: string;
  wording?: string;
  wordingVersion?: string;
  unsubscribedAt?: string;
}

function stateOf(list: MailingList, subscription: MailingSubscription | undefined): MailingState {
  if (!subscription) return { list, subscribed: false };
  return {
    list,
    subscribed: subscription.status === 'subscribed',
    consentedAt: subscription.consentedAt,
    wording: subscription.wording,
    wordingVersion: subscription.wordingVersion,
    ...(subscription.unsubscribedAt ? { unsubscribedAt: subscription.unsubscribedAt } : {}),
  };
}

export async function myMailingState(userId: string, list: MailingList = 'news'): Promise<MailingState> {
  return stateOf(list, await getSubscription(userId, list));
}

/** Joins with the wording shown in `locale` (joining again renews the consent with the current wording), or leaves. */
export async function setMyMailing(caller: CustomerCaller, subscribed: boolean, locale: Locale, list: MailingList = 'news') {
  if (subscribed) {
    const { firstName, lastName } = caller.person;
    return stateOf(list, await subscribe({ userId: caller.userId, email: caller.email, firstName, lastName, locale, list }));
  }
  await unsubscribe(caller.userId, list);
  return myMailingState(caller.userId, list);
}

const invalidLink = () =>
  new AppError(400, 'INVALID_UNSUBSCRIBE_LINK', 'This unsubscribe link is not valid. Use the link from the latest e-mail.');

/** A signed link's person and list, once its signature is checked; a forged or damaged link is a 400. */
async function checked(token: UnsubscribeToken): Promise<{ userId: string; list: MailingList }> {
  if (!(await isValidUnsubscribeToken(token))) throw invalidLink();
  return { userId: token.u, list: token.l as MailingList };
}

export async function unsubscribeLinkState(token: UnsubscribeToken): Promise<{ list: MailingList; subscribed: boolean }> {
  const { userId, list } = await checked(token);
  const state = await myMailingState(userId, list);
  return { list, subscribed: state.subscribed };
}

/** One-click unsubscribe: idempotent (an ended or unknown subscription stays as it is). */
export async function unsubscribeByLink(token: UnsubscribeToken): Promise<{ list: MailingList; subscribed: false }> {
  const { userId, list } = await checked(token);
  await unsubscribe(userId, list);
  return { list, subscribed: false };
}
