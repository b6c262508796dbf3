// The person entity: one customer user (the identity provider's `sub`) and the settings that are theirs whatever
// account they act for: name, phone, language, time zone, their IP allow-list and the time their sessions were revoked.
// The item may not exist yet (a user who never changed a setting): every field but the id is optional, and a missing
// item reads as a person with no settings.

import { GetCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { localeSchema, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

export interface Person {
  userId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  /** E.164, e.g. +48601234567 (validated, not verified: there is no SMS verification). */
  phone?: string;
  /** Every mail to this person is in this language. */
  locale?: Locale;
  /** IANA time zone, e.g. Europe/Warsaw. */
  timeZone?: string;
  /**
   * The addresses this person may use Atrium from (one address, a range `a-b` or a CIDR block, IPv4 or IPv6); none or
   * empty means any. Checked at sign-in, at refresh and by customerCaller on every customer call
   * (shared/security/ip-allow-list.ts).
   */
  ipAllowList?: string[];
  /** Epoch seconds: access tokens issued earlier are refused (sign-out everywhere, a new password). */
  revokedBefore?: number;
  /** The latest successful sign-in (the dashboard shows its address). */
  lastSignIn?: { at: string; sourceIp: string };
  updatedAt?: string;
}

export const personKey = keys.person;

const personSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    userId: z.string(),
    email: z.optional(z.string()),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
    phone: z.optional(z.string()),
    locale: z.optional(localeSchema),
    timeZone: z.optional(z.string()),
    ipAllowList: z.optional(z.array(z.string())),
    revokedBefore: z.optional(z.number()),
    lastSignIn: z.optional(z.object({ at: z.string(), sourceIp: z.string() })),
    updatedAt: z.optional(z.string()),
  }),
);

/** Whether a GSI1 item under `USER#<sub>` is the person (the rest are memberships). */
export function isPersonItem(item: Item): boolean {
  return item.GSI1SK === keys.personByUser('').GSI1SK;
}

export function personItem(person: Person): Item {
  return { ...personKey(person.userId), ...keys.personByUser(person.userId), type: 'Person', ...person };
}

export function personFromItem(item: Item): Person {
  return parseItem('Person', personSchema, item);
}

/** The person, or one with no settings if they never saved any. One strongly consistent GetItem. */
export async function getPerson(userId: string): Promise<Person> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: personKey(userId), ConsistentRead: true }));
  return found.Item ? personFromItem(found.Item) : { userId };
}

/**
 * Sets some of a person's fields (and removes those given as `undefined`), creating the item if there is none: one
 * UpdateItem. The key, GSI1 keys and type are set too, so a first update makes a whole item.
 */
export function personUpdate(userId: string, fields: Partial<Omit<Person, 'userId'>>) {
  const names: Record<string, string> = { '#type': 'type', '#userId': 'userId', '#gpk': 'GSI1PK', '#gsk': 'GSI1SK' };
  const values: Record<string, unknown> = { ':type': 'Person', ':userId': userId, ...prefixed(keys.personByUser(userId)) };
  const sets = ['#type = :type', '#userId = :userId', '#gpk = :GSI1PK', '#gsk = :GSI1SK'];
  const removes: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    names[`#${field}`] = field;
    if (value === undefined) removes.push(`#${field}`);
    else {
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
  }
  return {
    TableName: tableName(),
    Key: personKey(userId),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function prefixed(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [`:${key}`, value]));
}

/** Saves some of a person's fields (see personUpdate) and answers the person as stored. */
export async function updatePerson(userId: string, fields: Partial<Omit<Person, 'userId'>>): Promise<Person> {
  const result = await db().send(new UpdateCommand({ ...personUpdate(userId, fields), ReturnValues: 'ALL_NEW' }));
  return result.Attributes ? personFromItem(result.Attributes) : { userId };
}
