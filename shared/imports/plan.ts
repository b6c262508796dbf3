// Staff import accounts from an old portal: the plan of one file. What each valid row will create, what an earlier
// import already created (skipped: the import is idempotent by natural keys), and every row error with its line. Reads
// only by key (BatchGetItem, ceil(keys / 100) calls), never a Scan; writes nothing (the dry run answers it as it is).

import { newCode } from '#shared/contracts/activation.ts';
import { contractKey } from '#shared/contracts/contract.ts';
import type { Item } from '#shared/db/entity.ts';
import { batchGetByKeys, importClaimFromItem, importClaimKey, keyId } from '#shared/imports/import-claim.ts';
import {
  type AccountRow,
  type ContractRow,
  type ImportRow,
  type LicenceRow,
  naturalKey,
  parseImportFile,
  type RecordKind,
  type RowError,
  type UserRow,
} from '#shared/imports/rows.ts';
import { newId } from '#shared/ids.ts';

export interface PlannedAccount {
  record: 'account';
  row: AccountRow;
  accountId: string;
  activationKey: string;
}
export interface PlannedUser {
  record: 'user';
  row: UserRow;
  accountId: string;
}
export interface PlannedContract {
  record: 'contract';
  row: ContractRow;
  accountId?: string | undefined;
}
export interface PlannedLicence {
  record: 'licence';
  row: LicenceRow;
  accountId: string;
}
export type Planned = PlannedAccount | PlannedUser | PlannedContract | PlannedLicence;

/** One row as the dry run lists it. */
export interface PlanEntry {
  line: number;
  record: RecordKind;
  /** What the operator knows the row by: old account id, e-mail, contract number, serial. */
  key: string;
  /** The old account id the row belongs to, if any. */
  account?: string | undefined;
  action: 'create' | 'skip';
}

export interface ImportPlan {
  rowCount: number;
  errors: RowError[];
  /** In write order: accounts, then users, contracts and licences (which may need an account created before them). */
  create: Planned[];
  skipped: PlanEntry[];
}

const WRITE_ORDER: Record<RecordKind, number> = { account: 0, user: 1, contract: 2, licence: 3 };

/** The plan of a file: parses it, reads what exists by key, and sorts every valid row into create or skip. */
export async function planImport(csv: string): Promise<ImportPlan> {
  const parsed = parseImportFile(csv);
  const errors = [...parsed.errors];
  const rows = parsed.rows;

  // Every key the plan needs, read in one pass: accounts by old id (for account rows and for every row naming one),
  // user and licence claims, contracts by number.
  const accountRefs = new Set(rows.flatMap((row) => (row.accountRef === undefined ? [] : [row.accountRef])));
  const wanted = [
    ...[...accountRefs].map((ref) => importClaimKey('account', ref)),
    ...rows.flatMap((row) => {
      if (row.record === 'user') return [importClaimKey('user', naturalKey(row))];
      if (row.record === 'licence') return [importClaimKey('licence', row.serial)];
      if (row.record === 'contract') return [contractKey(row.number)];
      return [];
    }),
  ];
  const existing = rows.length ? await batchGetByKeys(wanted) : new Map<string, Item>();
  const exists = (key: { PK: string; SK: string }) => existing.get(keyId(key));

  const create: Planned[] = [];
  const skipped: PlanEntry[] = [];
  // The account id each old account id resolves to: one imported before, or one this plan creates.
  const accountIds = new Map<string, string>();
  for (const ref of accountRefs) {
    const claim = exists(importClaimKey('account', ref));
    if (claim) accountIds.set(ref, importClaimFromItem(claim).accountId);
  }

  for (const row of rows) {
    if (row.record !== 'account') continue;
    if (accountIds.has(row.accountRef)) {
      skipped.push(entryOf(row, 'skip'));
      continue;
    }
    const accountId = newId();
    accountIds.set(row.accountRef, accountId);
    create.push({ record: 'account', row, accountId, activationKey: newCode(3) });
  }

  for (const row of rows) {
    if (row.record === 'account') continue;
    const accountId = row.accountRef === undefined ? undefined : accountIds.get(row.accountRef);
    if (row.accountRef !== undefined && accountId === undefined) {
      errors.push({
        line: row.line,
        column: 'account_id',
        code: 'UNKNOWN_ACCOUNT',
        message: `No account "${row.accountRef}" in this file, and none imported before.`,
      });
      continue;
    }
    const already =
      row.record === 'user'
        ? exists(importClaimKey('user', naturalKey(row)))
        : row.record === 'licence'
          ? exists(importClaimKey('licence', row.serial))
          : exists(contractKey(row.number));
    if (already) {
      skipped.push(entryOf(row, 'skip'));
      continue;
    }
    if (row.record === 'contract') create.push({ record: 'contract', row, accountId });
    else if (accountId !== undefined)
      create.push(row.record === 'user' ? { record: 'user', row, accountId } : { record: 'licence', row, accountId });
  }

  create.sort((a, b) => WRITE_ORDER[a.record] - WRITE_ORDER[b.record] || a.row.line - b.row.line);
  errors.sort((a, b) => a.line - b.line);
  return { rowCount: parsed.rowCount, errors, create, skipped };
}

export function entryOf(row: ImportRow, action: PlanEntry['action']): PlanEntry {
  const key =
    row.record === 'account' ? row.accountRef : row.record === 'user' ? row.email : row.record === 'contract' ? row.number : row.serial;
  return { line: row.line, record: row.record, key, ...(row.record === 'account' ? {} : { account: row.accountRef }), action };
}

export type PlanCounts = Record<RecordKind, number>;

export function countsOf(entries: Array<{ record: RecordKind }>): PlanCounts {
  const counts: PlanCounts = { account: 0, user: 0, contract: 0, licence: 0 };
  for (const entry of entries) counts[entry.record] += 1;
  return counts;
}

/** The dry run's answer: every row's entry in line order, the counts, and the errors. */
export function planView(plan: ImportPlan) {
  const entries = [...plan.create.map((planned) => entryOf(planned.row, 'create')), ...plan.skipped].sort((a, b) => a.line - b.line);
  return {
    rows: plan.rowCount,
    entries,
    create: countsOf(plan.create),
    skip: countsOf(plan.skipped),
    errors: plan.errors,
  };
}
