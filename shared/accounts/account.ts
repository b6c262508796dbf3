// The account entity: a customer organisation. Owns its keys, its item and the reads of it (docs/data-model.md).

import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys } from '#shared/db/keys.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import * as z from '#shared/validation.ts';

export interface Account {
  accountId: string;
  name: string;
  /** Entered in the vendor's software to activate its licences. */
  activationKey: string;
  contactEmail: string;
  country?: string;
  /** The company's VAT id as the customer wrote it (e.g. `PL 521-345-67-89`); searchable. */
  vatId?: string;
  createdAt: string;
  /** How many licences the account has (absent: none), kept by every write that adds or moves licences. */
  licenceCount?: number;
  /** The newest order, kept by every write that places one: the staff search shows it without reading the orders. */
  lastOrder?: AccountLastOrder;
  /**
   * How many of its people are owners, kept by every change of a role or a membership (shared/people/): the last
   * owner cannot leave, be removed or be demoted. Accounts written before it have none: read as 1 (one owner).
   */
  ownerCount?: number;
  /** Individual or company (absent: never chosen, read as individual). With `name`, `vatId` and `registeredAddress`,
   * the verified legal data (shared/accounts/verification.ts); `name` is then the company's name. */
  profileType?: ProfileType;
  registeredAddress?: Address;
  /** Correspondence address; the billing address is the one invoices print. Both in the account's country. */
  postalAddress?: Address;
  billingAddress?: Address;
  /** The latest verification of submitted legal data (the item itself: shared/accounts/verification.ts). */
  verification?: AccountVerification;
  /** A distributor (reseller): staff mark it; it has client accounts (shared/accounts/distributors.ts, issue #15). */
  distributor?: boolean;
  /** A distributor's clients, kept by every assignment and unassignment (at most MAX_DISTRIBUTOR_CLIENTS). */
  clientCount?: number;
  /** A client's one distributor, which orders its upgrades and renewals. */
  distributorId?: string;
}

export type ProfileType = 'individual' | 'company';

export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
}

/** Legal data as verified, or as submitted for verification. */
export interface LegalData {
  profileType: ProfileType;
  companyName?: string;
  vatId?: string;
  registeredAddress?: Address;
}

export interface AccountVerification {
  verificationId: string;
  status: 'awaiting' | 'verified' | 'rejected';
  submittedAt: string;
  submitted: LegalData;
  decidedAt?: string;
  /** The staff's reason, shown to the customer. */
  reason?: string;
}

export interface AccountLastOrder {
  reference: string;
  orderedAt: string;
}

// Key builders are defined in shared/db/keys.ts, the one list of the table's keys, and used through this module.
export const accountKey = keys.account;
export const accountsIndexKey = keys.accountsIndex;
/** The one GSI1 partition holding every account (pattern 4). */
export const ACCOUNTS_PARTITION = keys.accountsIndex('', '').GSI1PK;
/** The partition of one account: its account item, memberships, orders, licences, subscriptions and events. */
export { accountPartition };

const accountSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    name: z.string(),
    activationKey: z.string(),
    contactEmail: z.string(),
    country: z.optional(z.string()),
    vatId: z.optional(z.string()),
    createdAt: z.string(),
    licenceCount: z.optional(z.number().check(z.int())),
    lastOrder: z.optional(z.object({ reference: z.string(), orderedAt: z.string() })),
    ownerCount: z.optional(z.number().check(z.int())),
    profileType: z.optional(z.enum(['individual', 'company'])),
    registeredAddress: z.optional(addressItemSchema()),
    postalAddress: z.optional(addressItemSchema()),
    billingAddress: z.optional(addressItemSchema()),
    verification: z.optional(
      z.object({
        verificationId: z.string(),
        status: z.enum(['awaiting', 'verified', 'rejected']),
        submittedAt: z.string(),
        submitted: legalDataItemSchema(),
        decidedAt: z.optional(z.string()),
        reason: z.optional(z.string()),
      }),
    ),
    distributor: z.optional(z.boolean()),
    clientCount: z.optional(z.number().check(z.int())),
    distributorId: z.optional(z.string()),
  }),
);

function addressItemSchema() {
  return z.object({ line1: z.string(), line2: z.optional(z.string()), postalCode: z.string(), city: z.string() });
}

/** Legal data inside an item (the account's verification summary, the verification item). */
export function legalDataItemSchema() {
  return z.object({
    profileType: z.enum(['individual', 'company']),
    companyName: z.optional(z.string()),
    vatId: z.optional(z.string()),
    registeredAddress: z.optional(addressItemSchema()),
  });
}

/** The account's verified legal data: a company's name, VAT id and registered address, or an individual. */
export function legalDataOf(account: Account): LegalData {
  if (account.profileType !== 'company') return { profileType: 'individual' };
  return {
    profileType: 'company',
    companyName: account.name,
    ...(account.vatId ? { vatId: account.vatId } : {}),
    ...(account.registeredAddress ? { registeredAddress: account.registeredAddress } : {}),
  };
}

export function accountItem(account: Account): Item {
  return { ...accountKey(account.accountId), ...accountsIndexKey(account.createdAt, account.accountId), type: 'Account', ...account };
}

export function accountFromItem(item: Item): Account {
  return parseItem('Account', accountSchema, item);
}

/**
 * The account's summary after a purchase on an existing account, as one transaction item: `licenceCount` grows by the
 * licences issued and `lastOrder` becomes this order. Conditional on the account existing, so it never creates a bare
 * item. (A new account is written whole, with both fields, by `accountItem`.)
 */
export function accountPurchaseUpdate(
  tableName: string,
  accountId: string,
  purchase: { licencesAdded: number; lastOrder: AccountLastOrder },
) {
  return {
    Update: {
      TableName: tableName,
      Key: accountKey(accountId),
      UpdateExpression: 'ADD licenceCount :added SET lastOrder = :lastOrder',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':added': purchase.licencesAdded, ':lastOrder': purchase.lastOrder },
    },
  };
}

/**
 * The transaction item that moves the account's owner count by `delta` (+1 or -1), conditional on the count being what
 * was read (`stored`), so two changes at the same moment cannot both take an owner away. An account from before the
 * count has none: it is initialised from `counted` (its owners counted from the memberships). The last owner stays:
 * undefined when the change would leave none.
 */
export function ownerCountUpdate(accountId: string, change: { stored: number | undefined; counted: number; delta: 1 | -1 }) {
  const before = change.stored ?? change.counted;
  if (before + change.delta < 1) return undefined;
  return {
    Update: {
      TableName: tableName(),
      Key: accountKey(accountId),
      UpdateExpression: 'SET ownerCount = :after',
      ConditionExpression:
        change.stored === undefined ? 'attribute_exists(PK) AND attribute_not_exists(ownerCount)' : 'ownerCount = :before',
      ExpressionAttributeValues: {
        ':after': before + change.delta,
        ...(change.stored === undefined ? {} : { ':before': change.stored }),
      },
    },
  };
}

/** One account by id (pattern 2), or undefined; strongly consistent when a write is decided on it. */
export async function getAccount(accountId: string, consistent = false): Promise<Account | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: accountKey(accountId), ConsistentRead: consistent }));
  return result.Item ? accountFromItem(result.Item) : undefined;
}

/** BatchGetItem may leave keys unprocessed under throttling: they are asked for again, a bounded number of times. */
const MAX_BATCH_GET_ATTEMPTS = 3;

/**
 * Accounts by id (at most 100, BatchGetItem's limit): one BatchGetItem, again only for keys left unprocessed. Unknown
 * ids are simply absent from the map.
 */
export async function accountsById(accountIds: readonly string[]): Promise<Map<string, Account>> {
  const accounts = new Map<string, Account>();
  if (accountIds.length === 0) return accounts;
  let keys: Array<Record<string, unknown>> | undefined = [...new Set(accountIds)].map((accountId) => accountKey(accountId));
  for (let attempt = 0; keys?.length && attempt < MAX_BATCH_GET_ATTEMPTS; attempt += 1) {
    const result: Omit<BatchGetCommandOutput, '$metadata'> = await db().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
    );
    for (const item of result.Responses?.[tableName()] ?? []) {
      const account = accountFromItem(item);
      accounts.set(account.accountId, account);
    }
    keys = result.UnprocessedKeys?.[tableName()]?.Keys;
  }
  // Still throttled after the retries: the client may try again in a moment (it is not the request's fault).
  if (keys?.length) throw new TooManyRequestsError('Busy. Try again in a moment.', 1);
  return accounts;
}
