// Distributors and their clients (issue #15, seeds 003 and 000): staff mark an account as a distributor and assign it
// client accounts (audited); a client has at most one distributor, which sees the client's licences and orders its
// upgrades and renewals, so the client may not order those itself (assertMayOrderForItself).
//
// The relation is two items written in one transaction: `distributorId` on the client's account item, and a
// `DISTCLIENT#<clientId>` item in the distributor's partition (its clients in one Query). The distributor's account
// item counts them (`clientCount`, at most MAX_DISTRIBUTOR_CLIENTS), so a distributor with clients cannot be unmarked
// and a page of clients is always a bounded read. One level only: a client cannot be a distributor, nor the reverse.

import { type Account, accountsById, accountKey, getAccount } from '#shared/accounts/account.ts';
import type { AuditCommit, TransactItem } from '#shared/accounts/audited.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { getLicence, type LicenceDetail } from '#shared/licences/get-licence.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import type { LicenceView } from '#shared/licences/model.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** The most clients one distributor has: its "all clients" list stays a few pages, each one BatchGetItem. */
export const MAX_DISTRIBUTOR_CLIENTS = 200;
/** Clients one page lists (BatchGetItem reads at most 100 keys). */
export const CLIENTS_PAGE_SIZE = 100;
/** A conflicting write between the read and the transaction: read again and decide again, a few times. */
const MAX_ATTEMPTS = 3;

// --- The relation item ---------------------------------------------------------------------------------------------

export interface DistributorClient {
  distributorId: string;
  clientId: string;
  assignedAt: string;
}

export const distributorClientKey = keys.distributorClient;

const distributorClientSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ distributorId: z.string(), clientId: z.string(), assignedAt: z.string() }),
);

export function distributorClientItem(relation: DistributorClient): Item {
  return { ...distributorClientKey(relation.distributorId, relation.clientId), type: 'DistributorClient', ...relation };
}

export function distributorClientFromItem(item: Item): DistributorClient {
  return parseItem('DistributorClient', distributorClientSchema, item);
}

// --- Errors ----------------------------------------------------------------------------------------------------------

/** Who to ask: the distributor's name and contact e-mail, shown to its clients. */
export interface DistributorContact {
  accountId: string;
  name: string;
  contactEmail: string;
}

function contactOf(account: Account): DistributorContact {
  return { accountId: account.accountId, name: account.name, contactEmail: account.contactEmail };
}

/** 403: the client of a distributor orders upgrades and renewals through it; the details say whom to contact. */
export class OrderedByDistributorError extends AppError {
  constructor(distributor: DistributorContact) {
    super(
      403,
      'ORDERED_BY_DISTRIBUTOR',
      `Upgrades and renewals of this account are ordered by its distributor, ${distributor.name} (${distributor.contactEmail}).`,
      { distributorName: distributor.name, distributorEmail: distributor.contactEmail },
    );
  }
}

const clientHasDistributor = (distributor: Account | undefined) =>
  new ConflictError(
    `The account already has a distributor${distributor ? ` (${distributor.name})` : ''}: unassign it there first.`,
    'CLIENT_HAS_DISTRIBUTOR',
    distributor ? { distributorId: distributor.accountId, distributorName: distributor.name } : undefined,
  );
const notADistributor = () => new ConflictError('The account is not a distributor: mark it as one first.', 'NOT_A_DISTRIBUTOR');
const clientIsDistributor = () =>
  new ConflictError('The account is a distributor itself and cannot be another distributor’s client.', 'CLIENT_IS_DISTRIBUTOR');
const distributorIsClient = () =>
  new ConflictError('The account is a distributor’s client and cannot be a distributor: unassign it first.', 'DISTRIBUTOR_IS_CLIENT');
const hasClients = () =>
  new ConflictError('The distributor still has clients: unassign them before unmarking it.', 'DISTRIBUTOR_HAS_CLIENTS');
const tooManyClients = () => new ConflictError(`A distributor has at most ${MAX_DISTRIBUTOR_CLIENTS} clients.`, 'TOO_MANY_CLIENTS');
const notAClient = () => new ConflictError('The account is not a client of this distributor.', 'NOT_A_CLIENT');
const changedMeanwhile = () => new ConflictError('The accounts changed meanwhile. Try again.', 'CHANGED_MEANWHILE');

function isCancelled(error: unknown): boolean {
  return (error as Error).name === 'TransactionCanceledException';
}

async function accountOrNotFound(accountId: string): Promise<Account> {
  const account = await getAccount(accountId, true);
  if (!account) throw new NotFoundError('No such account.');
  return account;
}

/**
 * Reads, decides and writes, again after a transaction cancelled by a write in between (a race with another
 * assignment): the next read sees the winner, and `decide` refuses with its clear code.
 */
async function decideAndCommit<T>(attempt: () => Promise<{ commit: () => Promise<unknown>; result: T }>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    const { commit, result } = await attempt();
    try {
      await commit();
      return result;
    } catch (error) {
      if (!isCancelled(error)) throw error;
      if (tries >= MAX_ATTEMPTS) throw changedMeanwhile();
    }
  }
}

// --- Staff writes (audited) ----------------------------------------------------------------------------------------

export interface DistributorStatus {
  accountId: string;
  distributor: boolean;
  clientCount: number;
}

/** Staff mark an account as a distributor, or unmark one that has no clients left ('distributor.mark'). */
export async function markDistributor(input: { accountId: string; distributor: boolean; commit: AuditCommit }): Promise<DistributorStatus> {
  return decideAndCommit(async () => {
    const account = await accountOrNotFound(input.accountId);
    if (input.distributor && account.distributorId) throw distributorIsClient();
    if (!input.distributor && (account.clientCount ?? 0) > 0) throw hasClients();
    const item: TransactItem = {
      Update: {
        TableName: tableName(),
        Key: accountKey(account.accountId),
        UpdateExpression: 'SET distributor = :distributor',
        ConditionExpression: input.distributor
          ? 'attribute_exists(PK) AND attribute_not_exists(distributorId)'
          : 'attribute_exists(PK) AND (attribute_not_exists(clientCount) OR clientCount = :none)',
        ExpressionAttributeValues: { ':distributor': input.distributor, ...(input.distributor ? {} : { ':none': 0 }) },
      },
    };
    return {
      commit: () =>
        input.commit({
          target: { kind: 'distributor', id: account.accountId, accountId: account.accountId, label: account.name },
          changes: [{ field: 'distributor', before: account.distributor ?? false, after: input.distributor }],
          items: [item],
        }),
      result: { accountId: account.accountId, distributor: input.distributor, clientCount: account.clientCount ?? 0 },
    };
  });
}

/**
 * The distributor's `clientCount` moved by one, in the relation's transaction: a new client only while the account is
 * a distributor under MAX_DISTRIBUTOR_CLIENTS; a client taken away only while it counts one.
 */
function clientCountUpdate(distributorId: string, delta: 1 | -1): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: accountKey(distributorId),
      UpdateExpression: 'ADD clientCount :delta',
      ConditionExpression:
        delta > 0 ? 'distributor = :yes AND (attribute_not_exists(clientCount) OR clientCount < :max)' : 'clientCount > :none',
      ExpressionAttributeValues:
        delta > 0 ? { ':delta': delta, ':yes': true, ':max': MAX_DISTRIBUTOR_CLIENTS } : { ':delta': delta, ':none': 0 },
    },
  };
}

/**
 * Staff assign a client account to a distributor ('distributor.assign'): the client's `distributorId`, the relation
 * item and the distributor's count in one transaction, each conditional, so of two assignments of one client at the
 * same moment exactly one is written. Assigning a client to the distributor it already has changes nothing.
 */
export async function assignClient(input: {
  distributorId: string;
  clientId: string;
  commit: AuditCommit;
  replayed: () => void;
}): Promise<DistributorClient> {
  if (input.distributorId === input.clientId) {
    throw new AppError(400, 'DISTRIBUTOR_OWN_CLIENT', 'A distributor cannot be its own client.');
  }
  return decideAndCommit(async () => {
    const [distributor, client] = await Promise.all([accountOrNotFound(input.distributorId), getAccount(input.clientId, true)]);
    if (!client) throw new ValidationError('No account has this id.', [{ path: 'body.clientId', message: 'no such account' }]);
    if (!distributor.distributor) throw notADistributor();
    if (client.distributor) throw clientIsDistributor();
    if (client.distributorId === distributor.accountId) {
      const existing = await relationOf(distributor.accountId, client.accountId);
      if (existing) {
        return {
          commit: async () => input.replayed(),
          result: existing,
        };
      }
    }
    if (client.distributorId) throw clientHasDistributor(await getAccount(client.distributorId));
    if ((distributor.clientCount ?? 0) >= MAX_DISTRIBUTOR_CLIENTS) throw tooManyClients();
    const relation: DistributorClient = {
      distributorId: distributor.accountId,
      clientId: client.accountId,
      assignedAt: now().toISOString(),
    };
    const items: TransactItem[] = [
      {
        Update: {
          TableName: tableName(),
          Key: accountKey(client.accountId),
          UpdateExpression: 'SET distributorId = :distributorId',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(distributorId) AND (attribute_not_exists(distributor) OR distributor = :no)',
          ExpressionAttributeValues: { ':distributorId': distributor.accountId, ':no': false },
        },
      },
      { Put: { TableName: tableName(), Item: distributorClientItem(relation), ConditionExpression: 'attribute_not_exists(PK)' } },
      clientCountUpdate(distributor.accountId, 1),
    ];
    return {
      commit: () =>
        input.commit({
          target: { kind: 'distributor', id: distributor.accountId, accountId: client.accountId, label: client.name },
          changes: [{ field: 'distributorId', after: distributor.accountId }],
          items,
        }),
      result: relation,
    };
  });
}

/** Staff take a client away from its distributor ('distributor.unassign'): the reverse of assignClient, in one transaction. */
export async function unassignClient(input: { distributorId: string; clientId: string; commit: AuditCommit }): Promise<void> {
  await decideAndCommit(async () => {
    const [distributor, client] = await Promise.all([accountOrNotFound(input.distributorId), getAccount(input.clientId, true)]);
    if (!client || client.distributorId !== distributor.accountId) throw notAClient();
    const items: TransactItem[] = [
      {
        Update: {
          TableName: tableName(),
          Key: accountKey(client.accountId),
          UpdateExpression: 'REMOVE distributorId',
          ConditionExpression: 'distributorId = :distributorId',
          ExpressionAttributeValues: { ':distributorId': distributor.accountId },
        },
      },
      {
        Delete: {
          TableName: tableName(),
          Key: distributorClientKey(distributor.accountId, client.accountId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      clientCountUpdate(distributor.accountId, -1),
    ];
    return {
      commit: () =>
        input.commit({
          target: { kind: 'distributor', id: distributor.accountId, accountId: client.accountId, label: client.name },
          changes: [{ field: 'distributorId', before: distributor.accountId }],
          items,
        }),
      result: undefined,
    };
  });
}

// --- Reads -----------------------------------------------------------------------------------------------------------

async function relationOf(distributorId: string, clientId: string): Promise<DistributorClient | undefined> {
  const result = await db().send(
    new GetCommand({ TableName: tableName(), Key: distributorClientKey(distributorId, clientId), ConsistentRead: true }),
  );
  return result.Item ? distributorClientFromItem(result.Item) : undefined;
}

export interface ClientSummary {
  accountId: string;
  name: string;
  contactEmail: string;
  country?: string;
  licenceCount: number;
  assignedAt: string;
}

/**
 * A page of a distributor's clients with their licence counts: one Query of the relation items and one BatchGetItem
 * of the clients' account items (a page is at most CLIENTS_PAGE_SIZE). An account that is no distributor has none.
 */
export async function listClients(distributorId: string, page: { limit?: number; cursor?: string }): Promise<Page<ClientSummary>> {
  const relations = await queryPage(
    {
      partition: accountPartition(distributorId),
      sortKeyPrefix: SK_PREFIX.distributorClient,
      limit: Math.min(page.limit ?? CLIENTS_PAGE_SIZE, CLIENTS_PAGE_SIZE),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    distributorClientFromItem,
  );
  const accounts = await accountsById(relations.items.map((relation) => relation.clientId));
  const items = relations.items.flatMap((relation): ClientSummary[] => {
    const account = accounts.get(relation.clientId);
    if (!account) return [];
    return [
      {
        accountId: account.accountId,
        name: account.name,
        contactEmail: account.contactEmail,
        ...(account.country ? { country: account.country } : {}),
        licenceCount: account.licenceCount ?? 0,
        assignedAt: relation.assignedAt,
      },
    ];
  });
  return { items, ...(relations.nextCursor ? { nextCursor: relations.nextCursor } : {}) };
}

/** What the staff's customer page shows: whether the account is a distributor, its clients, or its own distributor. */
export interface DistributorSection {
  distributor: boolean;
  clientCount: number;
  clients: Page<ClientSummary>;
  distributorOf?: DistributorContact;
}

export async function distributorSection(accountId: string, page: { limit?: number; cursor?: string }): Promise<DistributorSection> {
  const account = await getAccount(accountId);
  if (!account) throw new NotFoundError('No such account.');
  const [clients, distributor] = await Promise.all([
    account.distributor || (account.clientCount ?? 0) > 0 ? listClients(accountId, page) : Promise.resolve({ items: [] }),
    account.distributorId ? getAccount(account.distributorId) : Promise.resolve(undefined),
  ]);
  return {
    distributor: account.distributor ?? false,
    clientCount: account.clientCount ?? 0,
    clients,
    ...(distributor ? { distributorOf: contactOf(distributor) } : {}),
  };
}

/** Who the caller's licences view is about: their own account, or (for a distributor) one of its clients. */
export interface ClientRef {
  accountId: string;
  name: string;
}

/**
 * The account whose licences a distributor's user reads: the caller's own without a client, else a client of the
 * caller's account (one consistent GetItem of the relation, then the client's name). Not a client: 404, like any id
 * of another account.
 */
export async function viewedAccount(callerAccountId: string, clientId: string | undefined): Promise<ClientRef> {
  const accountId = clientId ?? callerAccountId;
  const [relation, account] = await Promise.all([
    accountId === callerAccountId ? Promise.resolve(true) : relationOf(callerAccountId, accountId),
    getAccount(accountId),
  ]);
  if (!relation || !account) throw new NotFoundError('No such client.');
  return { accountId: account.accountId, name: account.name };
}

export type ClientLicenceView = LicenceView & { client: ClientRef };

/** A page of the licences of the caller's account or of one of its clients, each with the client it belongs to. */
export async function listClientLicences(
  callerAccountId: string,
  query: { clientId?: string; limit?: number; cursor?: string },
): Promise<Page<ClientLicenceView>> {
  const client = await viewedAccount(callerAccountId, query.clientId);
  const page = await listLicences(client.accountId, {
    ...(query.limit ? { limit: query.limit } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { ...page, items: page.items.map((licence) => ({ ...licence, client })) };
}

/** One licence of the caller's account or of one of its clients (the licence view's detail), else 404. */
export async function getClientLicence(
  callerAccountId: string,
  clientId: string | undefined,
  licenceId: string,
): Promise<LicenceDetail & { client: ClientRef }> {
  const client = await viewedAccount(callerAccountId, clientId);
  return { ...(await getLicence(client.accountId, licenceId)), client };
}

/** The account's distributor, whom its people contact for upgrades and renewals; undefined without one. */
export async function distributorOf(account: Pick<Account, 'distributorId'>): Promise<DistributorContact | undefined> {
  if (!account.distributorId) return undefined;
  const distributor = await getAccount(account.distributorId);
  return distributor ? contactOf(distributor) : undefined;
}

/**
 * The guard of the shop's upgrade and renewal lines: a distributor's client may not order them itself (its
 * distributor does, as the buyer): 403 ORDERED_BY_DISTRIBUTOR with the distributor's name and contact e-mail in the
 * details. An account without a distributor passes without a read. New programs are not guarded.
 */
export async function assertMayOrderForItself(account: Pick<Account, 'accountId' | 'distributorId'>): Promise<void> {
  if (!account.distributorId) return;
  const distributor = await getAccount(account.distributorId);
  throw new OrderedByDistributorError(
    distributor
      ? contactOf(distributor)
      : // The distributor's account went away (never deleted today): still refuse, and say so plainly.
        { accountId: account.distributorId, name: account.distributorId, contactEmail: '' },
  );
}
