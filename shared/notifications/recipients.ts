// Who receives the mail of each category about one account: the account's owner sets, per category, one or more of
// its people; a category nobody was chosen for goes to the owners. Every sender of account mail asks here
// (recipientsFor) and mails those people only, each in their own language.

import { BatchGetCommand, GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { MAX_ACCOUNTS_PER_PERSON, membersOfAccount } from '#shared/accounts/membership.ts';
import { personFromItem, personKey } from '#shared/accounts/person.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

export const NOTIFICATION_CATEGORIES = ['orders', 'support', 'renewals', 'security', 'complaints'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** At most this many people in one account (the invitations refuse more). */
export const MAX_PEOPLE_PER_ACCOUNT = MAX_ACCOUNTS_PER_PERSON;

/** Per category, the user ids of the people who receive it; a category missing or empty goes to the owners. */
export type NotificationRecipients = Partial<Record<NotificationCategory, string[]>>;

export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
}

const recipientsSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ categories: z.partialRecord(z.enum(NOTIFICATION_CATEGORIES), z.array(z.string())) }),
);

export function notificationRecipientsItem(accountId: string, categories: NotificationRecipients): Item {
  return { ...keys.notificationRecipients(accountId), type: 'NotificationRecipients', categories };
}

export async function getNotificationRecipients(accountId: string): Promise<NotificationRecipients> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.notificationRecipients(accountId) }));
  return found.Item ? parseItem('NotificationRecipients', recipientsSchema, found.Item).categories : {};
}

/**
 * The people who receive this category of the account's mail, with each one's language: the chosen ones who are
 * still people of the account, else the owners. Two reads side by side (the setting and the people), then one
 * BatchGet of their person items for the language.
 */
export async function recipientsFor(accountId: string, category: NotificationCategory): Promise<Recipient[]> {
  const [chosen, members] = await Promise.all([getNotificationRecipients(accountId), membersOfAccount(accountId, MAX_PEOPLE_PER_ACCOUNT)]);
  const wanted = new Set(chosen[category] ?? []);
  const picked = members.filter((member) => wanted.has(member.userId));
  const people = picked.length > 0 ? picked : members.filter((member) => member.role === 'owner');
  if (people.length === 0) return [];
  const result = await db().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: people.map((person) => personKey(person.userId)) } } }),
  );
  const locales = new Map(
    (result.Responses?.[tableName()] ?? []).map(personFromItem).map((person) => [person.userId, person.locale ?? DEFAULT_LOCALE]),
  );
  return people.map((person) => ({ userId: person.userId, email: person.email, locale: locales.get(person.userId) ?? DEFAULT_LOCALE }));
}
