// The audit trail of staff actions: append-only entries written in the same transaction as the change they describe.
//
// A staff write declares its audit in its contract (`audit: { action, reason }`); the shared handler gives the use case
// an AuditTrail that already knows who is acting (staff user, groups), from where (source IP), the request id and
// the reason; the use case names the target and the changed fields and hands its own writes to `commit`, which adds
// the entry's items to one TransactWriteItems. Nothing else writes these keys, and every write is a conditional Put
// (`attribute_not_exists`), so no route can update or delete an entry (docs/data-model.md, "Audit entry").

import type { AuditDeclaration, AuditTargetKind } from '#shared/api/contract.ts';
import type { StaffCaller } from '#shared/accounts/caller.ts';
import { TransactWriteCommand, type TransactWriteCommandInput } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { encodeTime } from 'ulid';
import { newId } from '#shared/ids.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';
import { AUDIT_TARGET_KINDS } from '#shared/api/contract.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit of items in one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;
/** An entry is at most three items: the entry, its target's copy, its account's copy. */
export const AUDIT_ITEMS_PER_ENTRY = 3;

export interface AuditTarget {
  kind: AuditTargetKind;
  /** The target's own id: licence id, order id, contract number, staff user id, SKU, ... (the account id for `account`). */
  id: string;
  /** The customer account the target belongs to: the entry then shows on the customer page and in their activity. */
  accountId?: string;
  /** What people call it (a serial, an order reference, an e-mail), so the list reads without a lookup. */
  label?: string;
}

export type AuditValue = string | number | boolean | null;

export interface AuditChange {
  field: string;
  before?: AuditValue;
  after?: AuditValue;
}

export interface AuditEntry {
  /** A ULID of the entry's time. */
  auditId: string;
  at: string;
  action: string;
  actor: { userId: string; email?: string; groups: string[] };
  target: AuditTarget;
  changes: AuditChange[];
  reason?: string;
  sourceIp: string;
  requestId: string;
}

// --- The audit entry entity ------------------------------------------------------------------------------------------

const auditValue = () => z.union([z.string(), z.number(), z.boolean(), z.null()]);

const auditEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    auditId: z.string(),
    at: z.string(),
    action: z.string(),
    actor: z.object({ userId: z.string(), email: z.optional(z.string()), groups: z.array(z.string()) }),
    target: z.object({
      kind: z.enum(AUDIT_TARGET_KINDS),
      id: z.string(),
      accountId: z.optional(z.string()),
      label: z.optional(z.string()),
    }),
    changes: z.array(z.object({ field: z.string(), before: z.optional(auditValue()), after: z.optional(auditValue()) })),
    reason: z.optional(z.string()),
    sourceIp: z.string(),
    requestId: z.string(),
  }),
);

export const auditEntryKey = keys.auditEntry;

/**
 * The entry's items: the entry in the AUDIT partition (indexed by staff user in GSI1), a copy under its target, and a
 * copy in the customer's account partition when it concerns one (for an `account` target that copy is the target's).
 */
export function auditItems(entry: AuditEntry): Item[] {
  const fields = { type: 'AuditEntry', ...entry, targetKind: entry.target.kind, actorUserId: entry.actor.userId };
  const items: Item[] = [{ ...keys.auditEntry(entry.auditId), ...keys.auditByStaff(entry.actor.userId, entry.auditId), ...fields }];
  if (entry.target.kind !== 'account') items.push({ ...keys.auditByTarget(entry.target.kind, entry.target.id, entry.auditId), ...fields });
  if (entry.target.accountId) items.push({ ...keys.accountAudit(entry.target.accountId, entry.auditId), ...fields });
  return items;
}

export function auditEntryFromItem(item: Item): AuditEntry {
  return parseItem('AuditEntry', auditEntrySchema, item);
}

// --- Recording -------------------------------------------------------------------------------------------------------

function auditValueOf(value: unknown): AuditValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** The fields that differ between two versions of a record, as the audit shows them (objects as short JSON). */
export function changesBetween<T extends object>(
  before: T | undefined,
  after: T | undefined,
  fields: readonly (keyof T & string)[],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = auditValueOf(before?.[field]);
    const is = auditValueOf(after?.[field]);
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes.push({ field, ...(was !== undefined ? { before: was } : {}), ...(is !== undefined ? { after: is } : {}) });
  }
  return changes;
}

/** What a staff write's use case receives (see the contract's AuditDeclaration). */
export interface AuditTrail {
  /** The staff user acting: groups and revocation already checked. */
  readonly staff: StaffCaller;
  /**
   * Writes the use case's items and the audit entry in one TransactWriteItems, so there is never one without the
   * other. Call it exactly once per successful request. The SDK's error comes back unchanged (for a cancelled
   * transaction, `CancellationReasons[i]` is the use case's own item i).
   */
  commit(input: { target: AuditTarget; changes?: AuditChange[]; items: readonly TransactItem[] }): Promise<AuditEntry>;
  /**
   * Instead of `commit`, for a retry that repeats an audited request (the same idempotency key) and changes nothing:
   * the first request's entry stands, and no second one is written.
   */
  replayed(): void;
}

export interface RecordingAuditTrail extends AuditTrail {
  /** How many times `commit` wrote (or `replayed` was said): the shared handler answers a success only after exactly one. */
  readonly commits: number;
}

export function startAuditTrail(context: {
  declaration: AuditDeclaration;
  staff: StaffCaller;
  reason: string | undefined;
  sourceIp: string;
  requestId: string;
}): RecordingAuditTrail {
  let commits = 0;
  return {
    staff: context.staff,
    get commits() {
      return commits;
    },
    replayed() {
      commits += 1;
    },
    async commit({ target, changes = [], items }) {
      if (items.length + AUDIT_ITEMS_PER_ENTRY > MAX_TRANSACTION_ITEMS) {
        throw new Error(`An audited write of ${items.length} items does not fit one transaction with its audit entry`);
      }
      const at = now();
      const entry: AuditEntry = {
        auditId: newId(at),
        at: at.toISOString(),
        action: context.declaration.action,
        actor: {
          userId: context.staff.userId,
          ...(context.staff.email ? { email: context.staff.email } : {}),
          groups: context.staff.groups,
        },
        target,
        changes,
        ...(context.reason ? { reason: context.reason } : {}),
        sourceIp: context.sourceIp,
        requestId: context.requestId,
      };
      const auditPuts: TransactItem[] = auditItems(entry).map((Item) => ({
        Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' },
      }));
      await db().send(new TransactWriteCommand({ TransactItems: [...items, ...auditPuts] }));
      commits += 1;
      return entry;
    },
  };
}

// --- Reading ---------------------------------------------------------------------------------------------------------

export interface AuditFilter {
  staffUserId?: string;
  action?: string;
  target?: { kind: AuditTargetKind; id: string };
  /** ISO dates or timestamps; `to` is inclusive up to the end of that instant's millisecond. */
  from?: string;
  to?: string;
}

/** The latest time a ULID can carry (48 bits of milliseconds). */
const MAX_ULID_TIME = 2 ** 48 - 1;

/** The ULID time prefix of an instant, clamped to what a ULID can carry (a filter from the year 1004 means "all"). */
function timePrefix(iso: string): string {
  const ms = Math.min(Math.max(new Date(iso).getTime(), 0), MAX_ULID_TIME);
  return encodeTime(ms, 10);
}

/** The smallest and largest ULID of an instant's millisecond: the sort-key range of a date filter. */
function idRange(from: string | undefined, to: string | undefined): [string, string] {
  const lowest = from ? timePrefix(from) + '0'.repeat(16) : '0';
  const highest = to ? timePrefix(to) + 'Z'.repeat(16) : 'Z';
  return [`${SK_PREFIX.audit}${lowest}`, `${SK_PREFIX.audit}${highest}`];
}

/**
 * Audit entries, newest first, in one Query: under the target when one is named, else the staff user's GSI1
 * partition, else the AUDIT partition; the date range is the sort-key range (entry ids are ULIDs of their time), and
 * the remaining filters are equality filters inside that one partition.
 */
export async function listAuditEntries(filter: AuditFilter, page: { limit?: number; cursor?: string }): Promise<Page<AuditEntry>> {
  const where: Record<string, string> = {};
  if (filter.action) where.action = filter.action;
  let partition: { index?: 'GSI1'; partition: string };
  if (filter.target) {
    partition =
      filter.target.kind === 'account'
        ? { partition: accountPartition(filter.target.id) }
        : { partition: keys.auditByTarget(filter.target.kind, filter.target.id, '').PK };
    if (filter.staffUserId) where.actorUserId = filter.staffUserId;
  } else if (filter.staffUserId) {
    partition = { index: 'GSI1', partition: keys.auditByStaff(filter.staffUserId, '').GSI1PK };
  } else {
    partition = { partition: keys.auditEntry('').PK };
  }
  return queryPage(
    {
      ...partition,
      sortKeyPrefix: SK_PREFIX.audit,
      sortKeyBetween: idRange(filter.from, filter.to),
      where,
      newestFirst: true,
      ...page,
    },
    auditEntryFromItem,
  );
}

/** One customer account's audit entries, newest first: the customer page's audit section and the customer's activity. */
export function listAccountAudit(accountId: string, page: { limit?: number; cursor?: string }): Promise<Page<AuditEntry>> {
  return listAuditEntries({ target: { kind: 'account', id: accountId } }, page);
}
