// Who receives the mail of each category about one account: the account's owner sets, per category, one or more of
// its people; a category nobody was chosen for goes to the owners. Every sender of account mail asks here
// (recipientsFor) and mails those people only, each in their own language.

import { notificationCategories } from '#shared/api/notifications.ts';
import { BatchGetCommand, GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { MAX_ACCOUNTS_PER_PERSON, type Membership, membersOfAccount } from '#shared/accounts/membership.ts';
import { type Person, personFromItem, personKey } from '#shared/accounts/person.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { now } from '#shared/time.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

/** The categories of account mail; declared with the contracts (pure, so the web reads the same list). */
export const NOTIFICATION_CATEGORIES = notificationCategories;
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

/** The person items of these people (at most MAX_PEOPLE_PER_ACCOUNT keys: one BatchGet, one retry of what it left). */
async function peopleOf(userIds: string[]): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  if (userIds.length === 0) return found;
  let keysLeft: Array<Record<string, unknown>> = userIds.map((userId) => personKey(userId));
  for (let attempt = 0; attempt < 2 && keysLeft.length > 0; attempt += 1) {
    const result = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keysLeft } } }));
    for (const person of (result.Responses?.[tableName()] ?? []).map(personFromItem)) found.set(person.userId, person);
    keysLeft = result.UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return found;
}

/** Who receives a category: the chosen people still in the account, else its owners. */
function effectiveRecipients(chosen: NotificationRecipients, members: Membership[], category: NotificationCategory): Membership[] {
  const wanted = new Set(chosen[category] ?? []);
  const picked = members.filter((member) => wanted.has(member.userId));
  return picked.length > 0 ? picked : members.filter((member) => member.role === 'owner');
}

/**
 * The people who receive this category of the account's mail, with each one's language: the chosen ones who are
 * still people of the account, else the owners. Two reads side by side (the setting and the people), then one
 * BatchGet of their person items for the language. A person who never chose a language gets `fallbackLocale` (e.g. the
 * language staff chose for an order), else the default.
 */
export async function recipientsFor(
  accountId: string,
  category: NotificationCategory,
  fallbackLocale: Locale = DEFAULT_LOCALE,
): Promise<Recipient[]> {
  const [chosen, members] = await Promise.all([getNotificationRecipients(accountId), membersOfAccount(accountId, MAX_PEOPLE_PER_ACCOUNT)]);
  const people = effectiveRecipients(chosen, members, category);
  const persons = await peopleOf(people.map((person) => person.userId));
  return people.map((person) => ({
    userId: person.userId,
    email: person.email,
    locale: persons.get(person.userId)?.locale ?? fallbackLocale,
  }));
}

export interface AccountPerson {
  userId: string;
  email: string;
  role: CustomerRole;
  firstName?: string;
  lastName?: string;
}

export interface NotificationSettings {
  /** Per category, who receives it now (the chosen people still in the account, else the owners). */
  categories: Record<NotificationCategory, string[]>;
  /** Whether the owner chose the category's recipients (false: it goes to the owners by default). */
  chosen: Record<NotificationCategory, boolean>;
  /** The account's people, who can be chosen. */
  people: AccountPerson[];
}

/** The setting as the page shows it: three reads (setting and members side by side, then the people's names). */
export async function notificationSettings(accountId: string): Promise<NotificationSettings> {
  const [chosen, members] = await Promise.all([getNotificationRecipients(accountId), membersOfAccount(accountId, MAX_PEOPLE_PER_ACCOUNT)]);
  const persons = await peopleOf(members.map((member) => member.userId));
  const perCategory = (pick: (category: NotificationCategory) => string[] | boolean) =>
    Object.fromEntries(NOTIFICATION_CATEGORIES.map((category) => [category, pick(category)]));
  return {
    categories: perCategory((category) => effectiveRecipients(chosen, members, category).map((member) => member.userId)) as Record<
      NotificationCategory,
      string[]
    >,
    chosen: perCategory((category) => members.some((member) => (chosen[category] ?? []).includes(member.userId))) as Record<
      NotificationCategory,
      boolean
    >,
    people: members.map((member) => {
      const person = persons.get(member.userId);
      return {
        userId: member.userId,
        email: member.email,
        role: member.role,
        ...(person?.firstName ? { firstName: person.firstName } : {}),
        ...(person?.lastName ? { lastName: person.lastName } : {}),
      };
    }),
  };
}

/**
 * The owner chooses, per category, one or more of the account's people. Every id must be a current person of the
 * account (400 otherwise, naming the category). One Query of the members, one Put. A person removed later simply stops
 * receiving (recipientsFor reads the members at each send).
 */
export async function setNotificationRecipients(
  accountId: string,
  categories: Record<NotificationCategory, string[]>,
): Promise<NotificationSettings> {
  const members = await membersOfAccount(accountId, MAX_PEOPLE_PER_ACCOUNT);
  const memberIds = new Set(members.map((member) => member.userId));
  const problems = NOTIFICATION_CATEGORIES.flatMap((category) =>
    categories[category]
      .map((userId, index) => ({ userId, index }))
      .filter(({ userId }) => !memberIds.has(userId))
      .map(({ index }) => ({ path: `body.categories.${category}.${index}`, message: 'not a person of this account' })),
  );
  if (problems.length > 0) throw new ValidationError('Every recipient must be a person of this account.', problems);
  const stored = Object.fromEntries(NOTIFICATION_CATEGORIES.map((category) => [category, [...new Set(categories[category])]]));
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...notificationRecipientsItem(accountId, stored as NotificationRecipients), updatedAt: now().toISOString() },
    }),
  );
  return notificationSettings(accountId);
}
