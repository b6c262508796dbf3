// Staff import accounts from an old portal: one batch of the file's plan, written in one transaction with its audit
// entry. The client sends the same file again until nothing is left: each request plans the file anew (what earlier
// batches wrote is skipped by its claims), creates the identity users of its batch first, then writes the batch.

import { createHash } from 'node:crypto';
import { accountItem } from '#shared/accounts/account.ts';
import { activationKeyItem } from '#shared/accounts/activation-key.ts';
import { isMember, membershipItem } from '#shared/accounts/membership.ts';
import { hashActivationCode, newCode } from '#shared/contracts/activation.ts';
import { accountContractItem, contractItem, contractNumberItem } from '#shared/contracts/contract.ts';
import { tableName } from '#shared/db/client.ts';
import type { TransactWriteCommandInput } from '#shared/db/commands.ts';
import type { Item } from '#shared/db/entity.ts';
import { AppError, ConflictError } from '#shared/http/errors.ts';
import { identity } from '#shared/identity/index.ts';
import { newId } from '#shared/ids.ts';
import { importClaimItem } from '#shared/imports/import-claim.ts';
import {
  countsOf,
  entryOf,
  type ImportPlan,
  type PlanCounts,
  type PlanEntry,
  type Planned,
  type PlannedAccount,
  planImport,
} from '#shared/imports/plan.ts';
import { naturalKey, RECORD_KINDS } from '#shared/imports/rows.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { accountSearchItems, contractSearchItems, licenceSearchItems } from '#shared/search/search-entry.ts';
import { nowIso } from '#shared/time.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Items of one batch: DynamoDB takes 100 per transaction, and the audit entry rides along in the same one. */
export const MAX_BATCH_ITEMS = 90;
/** New identity users per batch: each is one or two calls to the identity provider before the transaction. */
export const MAX_BATCH_USERS = 25;
/** What an imported licence names as its order: it came from the old portal, not from an order placed here. */
export const IMPORTED_ORDER_ID = 'imported';
export const IMPORTED_ORDER_REFERENCE = 'IMPORT';

/** The customer search's entries of an imported account (name, e-mail, activation key). */
function accountSearchOf(planned: PlannedAccount) {
  return accountSearchItems({
    accountId: planned.accountId,
    name: planned.row.name,
    contactEmail: planned.row.email,
    activationKey: planned.activationKey,
  });
}

/** Items each planned record writes, search entries included (the user's identity record is outside the table). */
function itemCount(planned: Planned): number {
  switch (planned.record) {
    case 'account':
      return 3 + accountSearchOf(planned).length;
    case 'user':
      return 2;
    case 'contract':
      return planned.accountId ? 3 : 1;
    case 'licence':
      return planned.row.supportYears > 0 ? 4 : 3;
  }
}

/** The first records of the plan that fit one transaction, in the plan's order (accounts before what names them). */
export function nextBatch(plan: ImportPlan): Planned[] {
  const batch: Planned[] = [];
  let items = 0;
  let users = 0;
  for (const planned of plan.create) {
    const count = itemCount(planned);
    if (items + count > MAX_BATCH_ITEMS || (planned.record === 'user' && users + 1 > MAX_BATCH_USERS)) break;
    batch.push(planned);
    items += count;
    if (planned.record === 'user') users += 1;
  }
  return batch;
}

/** Search entries are plain Puts (as sign-up and staff orders write them): an entry is the same for the same value. */
const searchPut = (Item: Item): TransactItem => ({ Put: { TableName: tableName(), Item } });
const put = (Item: Item): TransactItem => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' } });

async function writesOf(planned: Planned, importedAt: string): Promise<TransactItem[]> {
  switch (planned.record) {
    case 'account': {
      const { row, accountId, activationKey } = planned;
      const account = {
        accountId,
        name: row.name,
        activationKey,
        contactEmail: row.email,
        ...(row.country ? { country: row.country } : {}),
        createdAt: importedAt,
      };
      return [
        put(accountItem(account)),
        put(activationKeyItem(account)),
        put(importClaimItem({ record: 'account', naturalKey: row.accountRef, accountId, createdId: accountId, importedAt })),
        // The customer search's entries, written with the account as every writer of accounts does.
        ...accountSearchOf(planned).map(searchPut),
      ];
    }
    case 'user': {
      const { row, accountId } = planned;
      // Migrated: they set a password through "forgot password" before they can sign in with one (the identity port).
      const { userId, created } = await (await identity()).ensureCustomerUser({ email: row.email, locale: row.locale, migrated: true });
      const claim = put(importClaimItem({ record: 'user', naturalKey: naturalKey(row), accountId, createdId: userId, importedAt }));
      // A person who already had a portal user keeps it as it is; a membership they already have is not replaced.
      if (!created && (await isMember(accountId, userId))) return [claim];
      return [put(membershipItem({ accountId, userId, email: row.email, role: row.role, createdAt: importedAt })), claim];
    }
    case 'contract': {
      const { row, accountId } = planned;
      // The old portal's code when the file has it; otherwise one nobody knows, which staff regenerate to hand out.
      const activationCodeHash = hashActivationCode(row.activationCode ?? newCode(4));
      const contract = { contractNumber: row.number, product: row.product, startsOn: row.startsOn, endsOn: row.endsOn };
      // The old portal has no SLA levels: imported contracts start at `standard`, which staff change on the contract's
      // page. With `createdAt` and the number entry they are in the staff list and its number search.
      const staffFields = { sla: 'standard' as const, createdAt: importedAt, createdBy: 'import' };
      const numberEntry = put(contractNumberItem(row.number));
      if (!accountId) return [put(contractItem({ ...contract, ...staffFields, activationCodeHash })), numberEntry];
      return [
        put(contractItem({ ...contract, ...staffFields, activationCodeHash, accountId, claimedAt: importedAt })),
        numberEntry,
        put(accountContractItem(accountId, { ...contract, sla: staffFields.sla, claimedAt: importedAt })),
        ...contractSearchItems(accountId, { contractNumber: row.number }).map(searchPut),
      ];
    }
    case 'licence': {
      const { row, accountId } = planned;
      const purchasedAt = new Date(`${row.purchasedOn}T00:00:00.000Z`);
      const licenceId = newId(purchasedAt);
      const purchase = licencePurchase({
        accountId,
        licenceId,
        subscriptionId: newId(purchasedAt),
        orderId: IMPORTED_ORDER_ID,
        orderReference: row.order ?? IMPORTED_ORDER_REFERENCE,
        purchasedAt,
        product: row.product,
        edition: row.edition,
        users: row.users,
        serial: row.serial,
        ...(row.days ? { days: row.days } : {}),
        supportYears: row.supportYears,
      });
      return [
        ...purchase.items.map(put),
        put(importClaimItem({ record: 'licence', naturalKey: row.serial, accountId, createdId: licenceId, importedAt })),
        ...licenceSearchItems(accountId, { serial: row.serial }).map(searchPut),
      ];
    }
  }
}

export interface ImportBatchResult {
  /** The rows this request created. */
  entries: PlanEntry[];
  created: PlanCounts;
  /** Rows still to create: send the file again while this is more than 0. */
  remaining: number;
  /** Rows an earlier import had created already. */
  skipped: number;
}

/** What the audit entry of a batch records, besides its items: how many of each record, and from which lines. */
export interface BatchSummary {
  changes: Array<{ field: string; after: string | number }>;
}

/**
 * The audit target of an import: the file, by the SHA-256 of its text (every batch of one file shares it), labelled
 * with its name.
 */
export function importAuditTarget(csv: string, fileName: string | undefined): { kind: 'import'; id: string; label: string } {
  const id = createHash('sha256').update(csv).digest('hex').slice(0, 16);
  return { kind: 'import', id, label: fileName ?? `import-${id}.csv` };
}

/**
 * Plans the file and writes its next batch through `commit` (the route's audit.commit: the items and the audit entry
 * in one transaction). A file with row errors writes nothing: 400 IMPORT_HAS_ERRORS lists them, as the dry run does.
 * When nothing is left to create, `commit` gets no items (the audit records that the import was run).
 */
export async function runImportBatch(
  csv: string,
  commit: (items: TransactItem[], summary: BatchSummary) => Promise<void>,
): Promise<ImportBatchResult> {
  const plan = await planImport(csv);
  if (plan.errors.length) {
    throw new AppError(
      400,
      'IMPORT_HAS_ERRORS',
      'The file has errors; nothing was imported. Fix the rows and run the dry run again.',
      plan.errors.map((error) => ({ ...error })),
    );
  }
  const batch = nextBatch(plan);
  const importedAt = nowIso();
  // Identity users first (an external side effect, idempotent by e-mail), then the table items that record them.
  const items: TransactItem[] = [];
  for (const planned of batch) items.push(...(await writesOf(planned, importedAt)));
  const lines = batch.map((planned) => planned.row.line);
  const created = countsOf(batch);
  try {
    const changes: BatchSummary['changes'] = [
      ...RECORD_KINDS.map((record) => ({ field: `${record}s created`, after: created[record] })),
      ...(lines.length ? [{ field: 'lines', after: `${Math.min(...lines)}-${Math.max(...lines)}` }] : []),
      { field: 'rows left', after: plan.create.length - batch.length },
    ];
    await commit(items, { changes });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError(
        'Another import or change wrote some of these records meanwhile; nothing of this batch was written. Run the import again.',
        'IMPORT_CONFLICT',
      );
    }
    throw error;
  }
  return {
    entries: batch.map((planned) => entryOf(planned.row, 'create')),
    created,
    remaining: plan.create.length - batch.length,
    skipped: plan.skipped.length,
  };
}
