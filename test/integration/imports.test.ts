// Importing accounts from an old portal through the local API Gateway: the dry run (what will be created, row errors
// with line and column, nothing written), the import (accounts, migrated users, memberships, contracts, licences and
// support), idempotency (a second run creates nothing), batches, and the imported user's way in: "forgot password".

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetCommand, QueryCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { hashActivationCode } from '#shared/contracts/activation.ts';
import { localUserFromItem } from '#shared/identity/local-entities.ts';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { importClaimFromItem } from '#shared/imports/import-claim.ts';
import { searchCustomers } from '#shared/search/search-customers.ts';
import { importAuditTarget, runImportBatch } from '#shared/imports/run-import.ts';
import { awaitMailTo } from '../support/mailbox.ts';
import { call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';

const EXAMPLE = readFileSync(new URL('../../docs/import-example.csv', import.meta.url), 'utf8');
const HEADER = EXAMPLE.split('\r\n')[0]!;
const NEW_PASSWORD = 'Lakeside-Import-2026!';

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signIn(api, 'staff', await createStaff(['admin']));
});
afterAll(() => api.stop());

/** The documented example with its ids, e-mails, serials and contract numbers made unique to one test. */
function uniqueExample(): { csv: string; tag: string } {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const csv = EXAMPLE.replaceAll('OLD-', `OLD${tag}-`)
    .replaceAll('lakeside-tools.example', `lakeside-${tag.toLowerCase()}.example`)
    .replaceAll('lodz-software.example', `lodz-${tag.toLowerCase()}.example`)
    .replaceAll('LT-', `LT${tag}-`)
    .replaceAll('CT-', `CT${tag}-`);
  return { csv, tag };
}

const dryRun = (csv: string, token = admin) => call(api, 'POST', '/api/admin/imports/dry-run', { token, body: { csv } });
const runImport = (csv: string, token = admin) =>
  call(api, 'POST', '/api/admin/imports', { token, body: { csv, fileName: 'old-portal.csv' } });

async function getItem(key: { PK: string; SK: string }) {
  return (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
}

async function importedAccountId(oldId: string): Promise<string> {
  const claim = await getItem(keys.importClaim('account', oldId));
  if (!claim) throw new Error(`account ${oldId} was not imported`);
  return importClaimFromItem(claim).accountId;
}

describe('import dry run', () => {
  it('lists what the file would create and a bad row with its line and column, and writes nothing', async () => {
    const { csv, tag } = uniqueExample();
    // Line 11: a licence whose user count is not a number.
    const withBadRow = `${csv}licence,OLD${tag}-1001,,,,,,,Remote Access,Enterprise,ten,LT${tag}-0003,2024-03-01,1,,,,,\r\n`;

    const answer = await dryRun(withBadRow);

    expect(answer.status).toBe(200);
    expect(answer.body.rows).toBe(10);
    expect(answer.body.errors).toEqual([{ line: 11, column: 'users', code: 'INVALID_VALUE', message: expect.any(String) }]);
    expect(answer.body.create).toEqual({ account: 2, user: 3, contract: 2, licence: 2 });
    expect(answer.body.skip).toEqual({ account: 0, user: 0, contract: 0, licence: 0 });
    expect(answer.body.entries[0]).toEqual({ line: 2, record: 'account', key: `OLD${tag}-1001`, action: 'create' });
    expect(answer.body.entries.map((entry: { line: number }) => entry.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Nothing was written: no claim, no contract, no identity user.
    expect(await getItem(keys.importClaim('account', `OLD${tag}-1001`))).toBeUndefined();
    expect(await getItem(keys.contract(`CT${tag}-2024-001`))).toBeUndefined();
    expect(await getItem(keys.localUser('customer', `dana@lakeside-${tag.toLowerCase()}.example`))).toBeUndefined();
  });

  it('reports a row naming an account that is neither in the file nor imported before', async () => {
    const answer = await dryRun(`${HEADER}\r\nuser,NO-SUCH-${randomUUID()},,x@example.com,,owner,,,,,,,,,,,,,\r\n`);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([expect.objectContaining({ line: 2, column: 'account_id', code: 'UNKNOWN_ACCOUNT' })]);
  });

  it('plans a full file of 1,000 rows (past the shared 64 KB body limit) in one request, and refuses one row more', async () => {
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const name = 'Długa Nazwa Firmy Importowanej '.repeat(5);
    const rows = Array.from(
      { length: 1000 },
      (_, index) => `account,F${tag}-${index},"${name}${index}",f${index}@${tag.toLowerCase()}.example,PL,`,
    );
    const csv = ['record,account_id,name,email,country,role', ...rows].join('\r\n');
    expect(Buffer.byteLength(JSON.stringify({ csv }))).toBeGreaterThan(64 * 1024);

    const full = await dryRun(csv);
    const tooMany = await dryRun(`${csv}\r\naccount,F${tag}-x,X,x@example.com,,`);

    expect(full.status).toBe(200);
    expect(full.body.create.account).toBe(1000);
    expect(full.body.errors).toEqual([]);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ line: 1002, code: 'TOO_MANY_ROWS' })]);
  });

  it('is for admins only, and refuses a body that is not a file', async () => {
    const support = await signIn(api, 'staff', await createStaff(['support']));
    const customer = await createCustomer([]);
    const customerToken = await signIn(api, 'customer', customer.login);
    expect((await dryRun(EXAMPLE, support)).status).toBe(403);
    expect((await dryRun(EXAMPLE, customerToken)).status).toBe(401);
    const empty = await call(api, 'POST', '/api/admin/imports/dry-run', { token: admin, body: { csv: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('import', () => {
  it('refuses a file with row errors and imports nothing of it', async () => {
    const { csv, tag } = uniqueExample();
    const answer = await runImport(`${csv}user,OLD${tag}-1001,,not-an-email,,,,,,,,,,,,,,,\r\n`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(answer.body.error.details).toEqual([expect.objectContaining({ line: 11, column: 'email' })]);
    expect(await getItem(keys.importClaim('account', `OLD${tag}-1001`))).toBeUndefined();
  });

  it('creates the accounts, migrated users, memberships, contracts, licences and support; a second run creates nothing', async () => {
    const { csv, tag } = uniqueExample();
    const lower = tag.toLowerCase();

    const first = await runImport(csv);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: { account: 2, user: 3, contract: 2, licence: 2 }, remaining: 0, skipped: 0 });
    const accountId = await importedAccountId(`OLD${tag}-1001`);
    const account = await getItem(keys.account(accountId));
    expect(account).toMatchObject({ name: 'Lakeside Tools, Inc.', contactEmail: `office@lakeside-${lower}.example`, country: 'US' });
    // The activation key finds the account (the licensing API's way in).
    const activationKey = String(account!.activationKey).replaceAll('-', '');
    expect(await getItem(keys.activationKey(activationKey))).toMatchObject({ accountId });
    // Users: migrated (a password must be set first), members of their account with their role.
    const dana = localUserFromItem((await getItem(keys.localUser('customer', `dana@lakeside-${lower}.example`)))!);
    expect(dana.status).toBe('RESET_REQUIRED');
    expect(dana.passwordHash).toBeUndefined();
    expect(await getItem(keys.membership(accountId, dana.sub))).toMatchObject({ role: 'owner', email: `dana@lakeside-${lower}.example` });
    const erik = localUserFromItem((await getItem(keys.localUser('customer', `erik@lakeside-${lower}.example`)))!);
    expect(erik.locale).toBe('pl');
    expect(await getItem(keys.membership(accountId, erik.sub))).toMatchObject({ role: 'read-only' });
    // Licences with their support, in the account's partition.
    const licences = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':sk': 'LICENCE#' },
      }),
    );
    expect(licences.Items?.map((item) => [item.serial, item.users, item.orderReference, item.supportEndsAt ?? null]).sort()).toEqual([
      [`LT${tag}-0001`, 10, `OLD${tag}-ORD-77`, '2025-05-17T00:00:00.000Z'],
      [`LT${tag}-0002`, 3, 'IMPORT', null],
    ]);
    const support = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':sk': 'SUPPORT#' },
      }),
    );
    expect(support.Items?.map((item) => [item.serial, item.years])).toEqual([[`LT${tag}-0001`, 2]]);
    // Contracts: one claimed by its account, one unassigned with the old portal's activation code.
    expect(await getItem(keys.contract(`CT${tag}-2024-001`))).toMatchObject({ accountId, product: 'Premium Support' });
    expect(await getItem(keys.accountContract(accountId, `CT${tag}-2024-001`))).toMatchObject({ endsOn: '2026-12-31' });
    const unassigned = await getItem(keys.contract(`CT${tag}-2024-002`));
    expect(unassigned).toMatchObject({ activationCodeHash: hashActivationCode('ABCD-EFGH-JKMN') });
    expect(unassigned?.accountId).toBeUndefined();

    // The staff customer search finds the imported account by a licence serial and by its name.
    for (const query of [`LT${tag}-0001`, 'Lakeside Tools']) {
      const found = await searchCustomers(query);
      expect(
        found.items.map((match) => match.accountId),
        query,
      ).toContain(accountId);
    }

    const second = await runImport(csv);
    const again = await dryRun(csv);

    expect(second.status).toBe(200);
    expect(second.body).toEqual({ entries: [], created: { account: 0, user: 0, contract: 0, licence: 0 }, remaining: 0, skipped: 9 });
    expect(again.body.create).toEqual({ account: 0, user: 0, contract: 0, licence: 0 });
    expect(again.body.entries.every((entry: { action: string }) => entry.action === 'skip')).toBe(true);
    // Still one of each: the same account id, the same user, one membership per user.
    expect(await importedAccountId(`OLD${tag}-1001`)).toBe(accountId);
    const members = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':sk': 'MEMBER#' },
      }),
    );
    expect(members.Items).toHaveLength(2);
    // Each run left one audit entry on the file, the first with what it created, the second with nothing.
    const audit = await listAuditEntries({ target: importAuditTarget(csv, 'old-portal.csv') }, { limit: 10 });
    expect(
      audit.items.map((entry) => [entry.action, entry.target.label, entry.changes.find((c) => c.field === 'accounts created')?.after]),
    ).toEqual([
      ['import.run', 'old-portal.csv', 0],
      ['import.run', 'old-portal.csv', 2],
    ]);
  });

  it('adds users and licences to an account a previous file imported, by its old id', async () => {
    const { csv, tag } = uniqueExample();
    await runImport(csv);
    const later = `${HEADER}\r\nlicence,OLD${tag}-1002,,,,,,,Advanced Security,Ultimate,50,LT${tag}-0099,2025-02-14,1,,,,,\r\n`;

    const answer = await runImport(later);

    expect(answer.status).toBe(200);
    expect(answer.body.created).toEqual({ account: 0, user: 0, contract: 0, licence: 1 });
    const claim = importClaimFromItem((await getItem(keys.importClaim('licence', `LT${tag}-0099`)))!);
    expect(claim.accountId).toBe(await importedAccountId(`OLD${tag}-1002`));
  });

  it('imports a file too large for one transaction in batches the client sends one by one, each of them whole', async () => {
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const rows = Array.from(
      { length: 40 },
      (_, index) => `account,B${tag}-${index},Batch ${index},b${index}@${tag.toLowerCase()}.example,,`,
    );
    const csv = ['record,account_id,name,email,country,role', ...rows].join('\n');

    const answers = [await runImport(csv)];
    while (answers.at(-1)!.body.remaining > 0 && answers.length < 10) answers.push(await runImport(csv));

    // 40 accounts with their search entries are more than one transaction holds: several requests, each a whole batch.
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.at(-1)!.body.remaining).toBe(0);
    expect(answers.reduce((sum, answer) => sum + answer.body.created.account, 0)).toBe(40);
    for (const [index, answer] of answers.entries()) {
      expect(answer.body.remaining + answer.body.created.account + answer.body.skipped, `request ${index}`).toBe(40);
    }
    const claims = await Promise.all(rows.map((_, index) => getItem(keys.importClaim('account', `B${tag}-${index}`))));
    expect(claims.every((claim) => claim !== undefined)).toBe(true);
  });

  it('writes nothing of a batch that lost the race to another import of the same file, and answers 409', async () => {
    const { csv, tag } = uniqueExample();
    // The other admin's import lands between this request's plan and its transaction.
    const raced = runImportBatch(csv, async (items) => {
      expect((await runImport(csv)).body.created.account).toBe(2);
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    });

    await expect(raced).rejects.toMatchObject({ statusCode: 409, code: 'IMPORT_CONFLICT' });
    // One account per old id, not two: the loser's account (with a new id) was not written.
    const accounts = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: GSI1.name,
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: '#name = :name',
        ExpressionAttributeNames: { '#name': 'contactEmail' },
        ExpressionAttributeValues: { ':pk': 'ACCOUNTS', ':name': `office@lakeside-${tag.toLowerCase()}.example` },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    expect(accounts.Items?.map((item) => item.accountId)).toEqual([await importedAccountId(`OLD${tag}-1001`)]);
  });

  it('lets an imported user in only after a new password is set through "forgot password"', async () => {
    const { csv, tag } = uniqueExample();
    await runImport(csv);
    const email = `ola@lodz-${tag.toLowerCase()}.example`;

    // A guess answers exactly as for an unknown address: the import is not revealed.
    const guess = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Guess-Password-1!' } });
    const unknown = await call(api, 'POST', '/api/auth/customer/sign-in', {
      body: { email: `nobody-${tag.toLowerCase()}@example.com`, password: 'Guess-Password-1!' },
    });
    expect(guess.status).toBe(401);
    expect(guess.body.error.code).toBe(unknown.body.error.code);

    await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email } });
    const mail = await awaitMailTo(inject('mailUrl'), email, /Ustaw nowe hasło|Set a new password/);
    const code = /code=(\d{6})/.exec(mail.body.text ?? '')?.[1];
    const reset = await call(api, 'POST', '/api/auth/customer/reset-password', { body: { email, code, newPassword: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    const user = localUserFromItem((await getItem(keys.localUser('customer', email)))!);
    expect(user.status).toBe('CONFIRMED');

    const token = await signIn(api, 'customer', { email, password: NEW_PASSWORD });
    const me = await call(api, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.account.name).toBe('Łódź Software Sp. z o.o.');
  });

  it('keeps an existing portal user as they are and makes them a member of the imported account', async () => {
    const customer = await createCustomer([]);
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const csv = [
      HEADER,
      `account,E${tag},Existing Co,office@e${tag.toLowerCase()}.example,,,,,,,,,,,,,,,`,
      `user,E${tag},,${customer.login.email},,contact,,,,,,,,,,,,,`,
    ].join('\r\n');

    const answer = await runImport(csv);

    expect(answer.body.created).toEqual({ account: 1, user: 1, contract: 0, licence: 0 });
    const accountId = await importedAccountId(`E${tag}`);
    expect(await getItem(keys.membership(accountId, customer.userId))).toMatchObject({ role: 'read-only' });
    // Their password still works: the import did not make them reset it.
    expect(typeof (await signIn(api, 'customer', customer.login))).toBe('string');
    const memberships = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: GSI1.name,
        // Their memberships (the person item, written at sign-in, shares the partition).
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :accounts)',
        ExpressionAttributeValues: { ':pk': `USER#${customer.userId}`, ':accounts': 'ACCOUNT#' },
      }),
    );
    expect(memberships.Items?.length).toBe(2);
  });
});
