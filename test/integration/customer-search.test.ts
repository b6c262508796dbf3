// Staff customer search through the local API Gateway, against DynamoDB Local: every key kind (name and e-mail prefix,
// order reference, serial, contract number, activation key, VAT id), accent and case folding, results that name only
// the matching accounts with their licence count and newest order, the index written by sign-up and staff orders, the
// bound of 25, bad queries, and the DynamoDB round trips of one search.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountItem } from '#shared/accounts/account.ts';
import { hashActivationCode } from '#shared/contracts/activation.ts';
import { contractItem } from '#shared/contracts/contract.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountSearchItems } from '#shared/search/search-entry.ts';
import { backfillSearchIndex } from '#infra/ops/backfill-search-index.ts';
import { batchPut, itemsFor, putDemoAccount, seedDemoData, type DemoAccount, type DemoPurchase } from '#infra/local/seed.ts';
import {
  call,
  createCustomer,
  createStaff,
  latestMailTo,
  purchases,
  signIn,
  startTestApi,
  uniqueEmail,
  type TestApi,
} from '../support/api.ts';

let api: TestApi;
/** Support staff search; admin staff place the orders that write index entries. */
let staffToken: string;
let adminToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
  adminToken = await signIn(api, 'staff', await createStaff(['admin']));
});
afterAll(() => api.stop());

/** Letters only, so a name built from it folds to itself and no other test's data shares the prefix. */
function token(length = 8): string {
  return Array.from(randomUUID().replace(/-/g, '').slice(0, length), (digit) =>
    String.fromCharCode(97 + (Number.parseInt(digit, 16) % 26)),
  ).join('');
}

interface Match {
  accountId: string;
  name: string;
  country?: string;
  contactEmail: string;
  licenceCount: number;
  lastOrder?: { reference: string; orderedAt: string };
  matched: { kind: string; value: string };
}

async function search(q: string, bearer = staffToken) {
  const response = await call(api, 'GET', `/api/admin/customers/search?q=${encodeURIComponent(q)}`, { token: bearer });
  return {
    status: response.status,
    items: (response.body?.items ?? []) as Match[],
    more: response.body?.more as boolean,
    body: response.body,
  };
}

async function customer(account: Partial<DemoAccount['account']> & { name: string }, bought: DemoPurchase[] = []): Promise<DemoAccount> {
  const id = randomUUID();
  const email = uniqueEmail(token(6));
  const demo: DemoAccount = {
    account: {
      accountId: `acc-${id}`,
      activationKey: `${token(4)}-${token(4)}`.toUpperCase(),
      contactEmail: email,
      ...account,
    },
    login: { email, password: 'correct horse battery' },
    userId: id,
    contact: { name: 'Test Person', email, country: 'PL', city: 'Kraków' },
    purchases: bought,
  };
  await putDemoAccount(demo);
  return demo;
}

function purchase(reference: string, serial: string, date: string): DemoPurchase {
  return { reference, date, product: 'Remote Access', edition: 'Enterprise', users: 5, serial, unitPriceMinor: 10_000, supportYears: 1 };
}

describe('customer search by each key', () => {
  let nordic: DemoAccount;
  let other: DemoAccount;
  const suffix = token(6).toUpperCase();
  beforeAll(async () => {
    nordic = await customer({ name: `Fjordline ${suffix} Data AS`, country: 'NO', vatId: `NO 9${suffix.length}1-234-567` }, [
      purchase(`QA${suffix}1`, `SRL-${suffix}-01`, '2024-03-01'),
      purchase(`QA${suffix}2`, `SRL-${suffix}-02`, '2025-06-30'),
      purchase(`QA${suffix}3`, `SRL-${suffix}-03`, '2025-01-15'),
    ]);
    other = await customer({ name: `Fjordline ${suffix} Other`, country: 'SE' }, [
      purchase(`QB${suffix}1`, `SRM-${suffix}-01`, '2023-05-05'),
    ]);
  });

  it('finds the account by a licence serial, with its country, e-mail, licence count and newest order', async () => {
    const found = await search(`srl-${suffix}-02`);
    expect(found.status).toBe(200);
    expect(found.items).toEqual([
      {
        accountId: nordic.account.accountId,
        name: nordic.account.name,
        country: 'NO',
        contactEmail: nordic.account.contactEmail,
        licenceCount: 3,
        lastOrder: { reference: `QA${suffix}2`, orderedAt: '2025-06-30T10:30:00.000Z' },
        matched: { kind: 'serial', value: `SRL-${suffix}-02` },
      },
    ]);
    expect(found.more).toBe(false);
  });

  it('finds by a serial prefix without its dashes, and only the accounts whose serials match', async () => {
    const found = await search(`SRL${suffix}`);
    expect(found.items.map((item) => item.accountId)).toEqual([nordic.account.accountId]);
    const both = await search(`fjordline ${suffix}`);
    expect(both.items.map((item) => item.accountId).sort()).toEqual([nordic.account.accountId, other.account.accountId].sort());
  });

  it('finds by name prefix and by a later word of the name', async () => {
    const byPrefix = await search(`Fjordline ${suffix} Da`);
    expect(byPrefix.items.map((item) => [item.accountId, item.matched])).toEqual([
      [nordic.account.accountId, { kind: 'name', value: nordic.account.name }],
    ]);
    const byWord = await search(suffix);
    expect(byWord.items.map((item) => item.accountId).sort()).toEqual([nordic.account.accountId, other.account.accountId].sort());
  });

  it('finds by an e-mail prefix', async () => {
    const prefix = nordic.account.contactEmail.split('@')[0]!;
    const found = await search(prefix.toUpperCase());
    expect(found.items.map((item) => [item.accountId, item.matched])).toEqual([
      [nordic.account.accountId, { kind: 'email', value: nordic.account.contactEmail }],
    ]);
  });

  it('finds by an order reference, whole or a prefix, in any case', async () => {
    const whole = await search(`qa${suffix.toLowerCase()}3`);
    expect(whole.items.map((item) => [item.accountId, item.matched])).toEqual([
      [nordic.account.accountId, { kind: 'order', value: `QA${suffix}3` }],
    ]);
    // Three references of one account are one result.
    const prefix = await search(`QA${suffix}`);
    expect(prefix.items.map((item) => item.accountId)).toEqual([nordic.account.accountId]);
  });

  it('finds by the activation key typed with spaces instead of dashes, in lower case', async () => {
    const found = await search(nordic.account.activationKey.replace('-', ' ').toLowerCase());
    expect(found.items.map((item) => [item.accountId, item.matched])).toEqual([
      [nordic.account.accountId, { kind: 'activation-key', value: nordic.account.activationKey }],
    ]);
  });

  it('finds by the VAT id with or without its country prefix and separators', async () => {
    const vatId = nordic.account.vatId!;
    const digits = vatId.replace(/\D/g, '');
    for (const query of [vatId, vatId.replace(/[\s-]/g, '').toLowerCase(), digits]) {
      const found = await search(query);
      expect(
        found.items.map((item) => [item.accountId, item.matched]),
        query,
      ).toEqual([[nordic.account.accountId, { kind: 'vat', value: vatId }]]);
    }
  });

  it('answers nothing (and no other account) for a key nobody has', async () => {
    const found = await search(`SRL-${suffix}-99`);
    expect(found).toMatchObject({ status: 200, items: [], more: false });
  });
});

describe('accent and case folding', () => {
  it('finds "Łódź Software" by "lodz" and "Zürich" by "ZURICH"', async () => {
    const lodz = await customer({ name: `Łódź Software ${token()}`, country: 'PL' });
    const zurich = await customer({ name: `Zürich Rückversicherung ${token()}`, country: 'CH' });

    const byLodz = await search('lodz');
    const byZurich = await search('ZURICH');

    expect(byLodz.items.find((item) => item.accountId === lodz.account.accountId)?.matched).toEqual({
      kind: 'name',
      value: lodz.account.name,
    });
    expect(byLodz.items.map((item) => item.accountId)).not.toContain(zurich.account.accountId);
    expect(byZurich.items.find((item) => item.accountId === zurich.account.accountId)?.matched).toEqual({
      kind: 'name',
      value: zurich.account.name,
    });
    // A later word, folded too: "ruckversicherung" finds "Rückversicherung".
    const byWord = await search('RUCKVERSICH');
    expect(byWord.items.map((item) => item.accountId)).toContain(zurich.account.accountId);
  });
});

describe('the index written with the entities', () => {
  it('a sign-up with a contract is found by its name, e-mail and contract number, with no licences', async () => {
    const contractNumber = `CTR-${token(6).toUpperCase()}`;
    await batchPut([
      contractItem({
        contractNumber,
        product: 'Remote Access Support',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        activationCodeHash: hashActivationCode('ABCD-EFGH-JKMN'),
      }),
    ]);
    const email = uniqueEmail(token(6));
    const name = `Gdańska Spółka ${token()}`;

    const signedUp = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: {
        email,
        password: 'Correct-Horse-9-battery',
        name,
        locale: 'pl',
        contract: { contractNumber, activationCode: 'abcd efgh jkmn' },
      },
    });
    expect(signedUp.status).toBe(201);
    expect(await latestMailTo(email)).toBeDefined();

    const byContract = await search(contractNumber.toLowerCase());
    expect(byContract.items).toHaveLength(1);
    expect(byContract.items[0]).toMatchObject({
      name,
      contactEmail: email,
      licenceCount: 0,
      matched: { kind: 'contract', value: contractNumber },
    });
    expect(byContract.items[0]).not.toHaveProperty('lastOrder');
    const accountId = byContract.items[0]!.accountId;
    expect((await search(name.replace('ń', 'n').replace('ó', 'o').replace('ł', 'l'))).items.map((item) => item.accountId)).toEqual([
      accountId,
    ]);
    expect((await search(email.slice(0, 12))).items.map((item) => item.accountId)).toContain(accountId);
  });

  it('a staff order for a new customer is found by its reference and serial; a second order updates the summary', async () => {
    const email = uniqueEmail(token(6));
    const order = (lines: Array<{ sku: string; quantity: number }>) =>
      call(api, 'POST', '/api/admin/orders', {
        token: adminToken,
        body: { email, contact: { name: `Órla Ní ${token()}`, country: 'IE', city: 'Cork' }, lines, idempotencyKey: randomUUID() },
      });
    const first = await order([{ sku: 'RA-ENT-10-S1Y', quantity: 2 }]);
    expect(first.status).toBe(201);
    const { accountId, reference, issued } = first.body.order;

    const bySerial = await search(issued[1].serial);
    expect(bySerial.items).toEqual([
      expect.objectContaining({
        accountId,
        country: 'IE',
        contactEmail: email,
        licenceCount: 2,
        lastOrder: { reference, orderedAt: first.body.order.orderedAt },
        matched: { kind: 'serial', value: issued[1].serial },
      }),
    ]);

    const second = await order([{ sku: 'RA-DSK-3', quantity: 1 }]);
    expect(second.status).toBe(201);
    const byReference = await search(second.body.order.reference);
    expect(byReference.items).toEqual([
      expect.objectContaining({
        accountId,
        licenceCount: 3,
        lastOrder: { reference: second.body.order.reference, orderedAt: second.body.order.orderedAt },
        matched: { kind: 'order', value: second.body.order.reference },
      }),
    ]);
    // The first reference still finds the account.
    expect((await search(reference)).items.map((item) => item.accountId)).toEqual([accountId]);
  });

  it('the demo seed indexes its accounts: a demo serial and the VAT id find Nordwind', async () => {
    await seedDemoData();
    for (const [query, kind] of [
      ['p62 7731', 'serial'],
      ['5213456789', 'vat'],
      ['JWT1016', 'order'],
      ['naqrhvw5', 'activation-key'],
    ] as const) {
      const found = await search(query);
      expect(
        found.items.map((item) => [item.accountId, item.matched.kind]),
        query,
      ).toEqual([['demo-nordwind', kind]]);
      expect(found.items[0]).toMatchObject({ name: 'Nordwind Systems Sp. z o.o.', country: 'PL', licenceCount: 4 });
    }
  });
});

describe('backfill of accounts written before the search index', () => {
  it('writes the entries and the summary of an account that has neither, and a second run changes nothing', async () => {
    // Prepare: an account with two orders and licences as the code before the index wrote it.
    const suffix = token(6).toUpperCase();
    const demo: DemoAccount = {
      account: {
        accountId: `acc-${randomUUID()}`,
        name: `Oldtimer ${suffix}`,
        activationKey: `${token(4)}-${token(4)}`.toUpperCase(),
        contactEmail: uniqueEmail('old'),
      },
      login: { email: uniqueEmail('old'), password: 'x' },
      userId: randomUUID(),
      contact: { name: 'Old Person', email: 'old@example.test', country: 'PL', city: 'Łódź' },
      purchases: [purchase(`OLD${suffix}1`, `SN-${suffix}-1`, '2021-01-01'), purchase(`OLD${suffix}2`, `SN-${suffix}-2`, '2022-02-02')],
    };
    const before = itemsFor(demo)
      .filter((item) => !String(item.PK).startsWith('SEARCH#'))
      .map((item) => {
        if (item.type !== 'Account') return item;
        const { licenceCount: _count, lastOrder: _last, ...old } = item;
        return old;
      });
    await batchPut(before);
    expect((await search(`sn-${suffix}-2`)).items).toEqual([]);

    // Act
    const first = await backfillSearchIndex({ client: db(), tableName: tableName() });
    const second = await backfillSearchIndex({ client: db(), tableName: tableName() });

    // Assess
    expect(first.accounts).toBeGreaterThan(0);
    expect(second).toEqual(first);
    const found = await search(`sn-${suffix}-2`);
    expect(found.items).toEqual([
      expect.objectContaining({
        accountId: demo.account.accountId,
        licenceCount: 2,
        lastOrder: { reference: `OLD${suffix}2`, orderedAt: '2022-02-02T10:30:00.000Z' },
        matched: { kind: 'serial', value: `SN-${suffix}-2` },
      }),
    ]);
    expect((await search(`Oldtimer ${suffix}`)).items.map((item) => item.accountId)).toEqual([demo.account.accountId]);
  });
});

describe('bounds and bad queries', () => {
  it('answers at most 25 accounts and says there are more', async () => {
    const prefix = `Bulkco${token()}`;
    const accounts = Array.from({ length: 27 }, (_, index) => ({
      accountId: `acc-${randomUUID()}`,
      name: `${prefix} ${String(index).padStart(2, '0')}`,
      activationKey: `${token(4)}-${token(4)}`.toUpperCase(),
      contactEmail: uniqueEmail('bulk'),
      createdAt: '2026-01-01T00:00:00.000Z',
    }));
    await batchPut(accounts.flatMap((account) => [accountItem(account), ...accountSearchItems(account)]));

    const found = await search(prefix);

    expect(found.status).toBe(200);
    expect(found.items).toHaveLength(25);
    expect(found.more).toBe(true);
    expect(new Set(found.items.map((item) => item.accountId)).size).toBe(25);
    expect(found.items.every((item) => item.name.startsWith(prefix) && item.licenceCount === 0)).toBe(true);
  });

  it.each([
    ['one character', 'a'],
    ['spaces around one character', '  a  '],
    ['only separators', '-- --'],
    ['one letter and punctuation', 'ł.'],
  ])('refuses a query of %s with 400 VALIDATION_FAILED', async (_, q) => {
    const found = await search(q);
    expect(found.status).toBe(400);
    expect(found.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), requestId: expect.any(String) });
  });

  it('refuses a query without q, and a customer token', async () => {
    const missing = await call(api, 'GET', '/api/admin/customers/search', { token: staffToken });
    expect(missing.status).toBe(400);
    const buyer = await createCustomer(purchases(1));
    const customerToken = await signIn(api, 'customer', buyer.login);
    const refused = await search(buyer.purchases[0]!.serial, customerToken);
    expect(refused.status).toBe(401);
  });

  it('lets billing staff search too', async () => {
    const billing = await signIn(api, 'staff', await createStaff(['billing']));
    const buyer = await createCustomer(purchases(1));
    const found = await search(buyer.purchases[0]!.reference, billing);
    expect(found.items.map((item) => item.accountId)).toEqual([buyer.account.accountId]);
  });
});

describe('DynamoDB round trips of one search', () => {
  it('reads the index with one Query and the accounts with one BatchGetItem (besides the staff session check)', async () => {
    const name = `Roundtrip ${token()}`;
    const target = await customer({ name, country: 'DE' }, [purchase(`RT${token(5).toUpperCase()}`, `RT-${token(5)}`, '2025-01-01')]);
    const sent: Array<{ command: string; input: Record<string, unknown> }> = [];
    const middleware = 'count-search-round-trips';
    db().middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({ command: context.commandName ?? 'unknown', input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: middleware },
    );
    let found: Awaited<ReturnType<typeof search>>;
    try {
      found = await search(name);
    } finally {
      db().middlewareStack.remove(middleware);
    }

    expect(found.items.map((item) => item.accountId)).toEqual([target.account.accountId]);
    // The staff session check (one Query of the staff user's own partition: user and revocation) is every staff
    // route's; the search itself is one Query of the search index and one BatchGetItem of the accounts.
    const session = sent.filter((call) =>
      String((call.input.ExpressionAttributeValues as Record<string, unknown>)?.[':pk']).startsWith('USER#'),
    );
    const searchCalls = sent.filter((call) => !session.includes(call));
    expect(session).toHaveLength(1);
    expect(searchCalls.map((call) => call.command)).toEqual(['QueryCommand', 'BatchGetItemCommand']);
    expect((searchCalls[0]!.input.ExpressionAttributeValues as Record<string, unknown>)[':pk']).toBe(`SEARCH#ro`);
    expect(searchCalls.length).toBeLessThanOrEqual(2);
  });
});
