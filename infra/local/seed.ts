// Demo data for the local portal: the catalogue (from the code catalogue, into an empty table only), two customer
// accounts with orders, licences and support subscriptions, and one staff user. Idempotent.

import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
} from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { stableId } from '#shared/ids.ts';
import { now, nowIso } from '#shared/time.ts';
import { putLocalUser } from '#shared/identity/local.ts';
import { accountItem } from '#shared/accounts/account.ts';
import { activationKeyItem } from '#shared/accounts/activation-key.ts';
import { membershipItem } from '#shared/accounts/membership.ts';
import { hashActivationCode } from '#shared/contracts/activation.ts';
import { contractItem, contractNumberItem } from '#shared/contracts/contract.ts';
import { seedDemoTickets } from '#infra/local/seed-tickets.ts';
import { money, sum } from '#shared/money.ts';
import type { Account } from '#shared/accounts/model.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import type { Order, OrderLine } from '#shared/orders/model.ts';
import { issuedLicence, orderItem } from '#shared/orders/model.ts';
import { orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { advanceOrderReferenceCounter } from '#shared/orders/order-reference.ts';
import { accountSearchItems, licenceSearchItems, orderSearchItems } from '#shared/search/search-entry.ts';
import { seedCatalogue } from '#shared/catalogue/seed.ts';
import { seedKnowledge } from '#shared/knowledge/seed.ts';
import type { StaffGroup } from '#shared/accounts/groups.ts';
import { staffUserItem } from '#shared/staff/staff-user.ts';
import { distributorClientItem } from '#shared/accounts/distributors.ts';
import { CATALOGUE } from '#shared/catalogue/products.ts';
import { balanceAttribute, balancesOf } from '#shared/billing/ledger.ts';
import { slugOf } from '#shared/catalogue/seed.ts';
import { supportYearlyPrice } from '#shared/orders/issue-licences.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { subscriptionItem } from '#shared/subscriptions/model.ts';
import { remindersPassed, seedDemoServices, statusOn } from '#infra/local/seed-services.ts';

export const DEMO_LOGINS = {
  customer: { email: 'anna@nordwind.example', password: 'atrium-demo-1' },
  secondCustomer: { email: 'ben@harbour.example', password: 'atrium-demo-2' },
  staff: { email: 'staff@atrium.example', password: 'atrium-staff-1' },
  // A distributor (issue #15) and its one client: the partner signs in through the sign-in page's Partners entry.
  partner: { email: 'partner@reseller.example', password: 'atrium-partner-1' },
  partnerClient: { email: 'olga@orchard.example', password: 'atrium-client-1' },
} as const;

/** The demo staff users, one per staff group; a restart puts each back as it is here (password, groups, enabled). */
export const DEMO_STAFF = [
  { ...DEMO_LOGINS.staff, groups: ['admin'], sub: '7c1e0d2a-0000-4000-8000-00000000f001' },
  { email: 'support@atrium.example', password: 'atrium-support-1', groups: ['support'], sub: '7c1e0d2a-0000-4000-8000-00000000f002' },
  { email: 'billing@atrium.example', password: 'atrium-billing-1', groups: ['billing'], sub: '7c1e0d2a-0000-4000-8000-00000000f003' },
] as const satisfies ReadonlyArray<{ email: string; password: string; groups: readonly StaffGroup[]; sub: string }>;

/** A staff user in the identity provider (local) and their staff user item, active, for demos and tests. */
export async function putDemoStaffUser(staff: {
  email: string;
  password: string;
  groups: readonly StaffGroup[];
  sub?: string;
  createdAt?: string;
}): Promise<string> {
  const userId = await putLocalUser({
    pool: 'staff',
    email: staff.email,
    password: staff.password,
    groups: [...staff.groups],
    ...(staff.sub ? { sub: staff.sub } : {}),
  });
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: staffUserItem({
        userId,
        email: staff.email,
        groups: [...staff.groups],
        status: 'active',
        locale: 'en',
        createdAt: staff.createdAt ?? '2024-01-15T09:00:00.000Z',
      }),
    }),
  );
  return userId;
}

export interface DemoPurchase {
  reference: string;
  date: string;
  product: string;
  edition: string;
  users: number;
  serial: string;
  unitPriceMinor: number;
  supportYears?: number;
  days?: number;
}

export interface DemoAccount {
  account: Omit<Account, 'createdAt'>;
  login: { email: string; password: string };
  userId: string;
  contact: Order['contact'];
  purchases: DemoPurchase[];
}

/**
 * A purchase date `days` before today (when this module loads, just before seeding). Support shows as active, expiring
 * or expired by today's clock, so the purchases that must stay active or expiring are dated from it; the copies an
 * earlier day's start wrote are dropped (dropStaleCopies).
 */
function daysAgo(days: number): string {
  return new Date(now().getTime() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const demoAccounts: DemoAccount[] = [
  {
    account: {
      accountId: 'demo-nordwind',
      name: 'Nordwind Systems Sp. z o.o.',
      activationKey: 'NAQR-HVW5',
      contactEmail: DEMO_LOGINS.customer.email,
      country: 'PL',
      vatId: 'PL 521-345-67-89',
    },
    login: DEMO_LOGINS.customer,
    userId: '7c1e0d2a-0000-4000-8000-00000000a001',
    contact: { name: 'Anna Nowak', email: DEMO_LOGINS.customer.email, country: 'PL', city: 'Gdańsk' },
    purchases: [
      {
        reference: 'JWT1016',
        date: '2023-09-30',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 5,
        serial: 'P62-7731',
        unitPriceMinor: 89_900,
        supportYears: 1,
      },
      {
        reference: 'JWT1017',
        date: '2024-09-25',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 10,
        serial: 'P6E-1180',
        unitPriceMinor: 149_900,
        supportYears: 3,
      },
      // Support active for about 11 more months, and support ending in about 20 days (expiring), whenever the demo runs.
      {
        reference: 'JWT1018',
        date: daysAgo(400),
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 25,
        serial: 'P24-9921',
        unitPriceMinor: 299_900,
        supportYears: 2,
      },
      {
        reference: 'JWT1019',
        date: daysAgo(345),
        product: 'Server Monitoring',
        edition: 'Standard',
        users: 3,
        serial: 'P65-0457',
        unitPriceMinor: 39_900,
        days: 365,
        supportYears: 1,
      },
    ],
  },
  {
    account: {
      accountId: 'demo-harbour',
      name: 'Harbour Analytics Ltd',
      activationKey: 'HBR7-K2QX',
      contactEmail: DEMO_LOGINS.secondCustomer.email,
      country: 'GB',
      vatId: 'GB 123 4567 89',
    },
    login: DEMO_LOGINS.secondCustomer,
    userId: '7c1e0d2a-0000-4000-8000-00000000b001',
    contact: { name: 'Ben Carter', email: DEMO_LOGINS.secondCustomer.email, country: 'GB', city: 'Bristol' },
    purchases: [
      {
        reference: 'JWT2001',
        date: '2025-02-14',
        product: 'Advanced Security',
        edition: 'Ultimate',
        users: 50,
        serial: 'PF3-5510',
        unitPriceMinor: 459_000,
        supportYears: 1,
      },
    ],
  },
  // A distributor and its client (issue #15): the partner sees Orchard's licences; Orchard's pages name the partner.
  {
    account: {
      accountId: 'demo-reseller',
      name: 'Baltic Software Partners Sp. z o.o.',
      activationKey: 'BSP4-R7TN',
      contactEmail: DEMO_LOGINS.partner.email,
      country: 'PL',
      vatId: 'PL 584-271-33-90',
      distributor: true,
      clientCount: 1,
    },
    login: DEMO_LOGINS.partner,
    userId: '7c1e0d2a-0000-4000-8000-00000000e001',
    contact: { name: 'Piotr Zieliński', email: DEMO_LOGINS.partner.email, country: 'PL', city: 'Gdynia' },
    purchases: [
      {
        reference: 'JWT1500',
        date: '2024-03-11',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 2,
        serial: 'P71-2040',
        unitPriceMinor: 49_900,
      },
    ],
  },
  {
    account: {
      accountId: 'demo-orchard',
      name: 'Orchard Dental Clinic',
      activationKey: 'ORC2-M8WD',
      contactEmail: DEMO_LOGINS.partnerClient.email,
      country: 'PL',
      distributorId: 'demo-reseller',
    },
    login: DEMO_LOGINS.partnerClient,
    userId: '7c1e0d2a-0000-4000-8000-00000000e002',
    contact: { name: 'Olga Wiśniewska', email: DEMO_LOGINS.partnerClient.email, country: 'PL', city: 'Sopot' },
    purchases: [
      {
        reference: 'JWT1501',
        date: '2024-06-03',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 15,
        serial: 'P72-8815',
        unitPriceMinor: 219_900,
        supportYears: 2,
      },
      {
        reference: 'JWT1502',
        date: '2025-01-20',
        product: 'Server Monitoring',
        edition: 'Standard',
        users: 5,
        serial: 'P73-1029',
        unitPriceMinor: 59_900,
      },
      // Renewable support and an edition below the top (issue #15): the partner renews it and upgrades it for Orchard.
      {
        reference: 'JWT1503',
        date: daysAgo(300),
        product: 'Remote Access',
        edition: 'Mobile Web',
        users: 5,
        serial: 'P74-3306',
        unitPriceMinor: 45_500,
        supportYears: 1,
      },
    ],
  },
];

/**
 * The table items of one account: the account (with its licence count and newest order), its owner's membership,
 * orders, licences, support subscriptions and the search index entries of all of them.
 */
export function itemsFor(demo: DemoAccount): Record<string, unknown>[] {
  const { accountId } = demo.account;
  // An account exists from its first purchase; one without purchases was created just now.
  const createdAt = demo.purchases[0] ? `${demo.purchases[0].date}T09:00:00.000Z` : nowIso();
  const newest = demo.purchases.toSorted((a, b) => a.date.localeCompare(b.date)).at(-1);
  const items: Record<string, unknown>[] = [
    accountItem({
      ...demo.account,
      createdAt,
      licenceCount: demo.purchases.length,
      ...(newest ? { lastOrder: { reference: newest.reference, orderedAt: `${newest.date}T10:30:00.000Z` } } : {}),
    }),
    activationKeyItem(demo.account),
    membershipItem({ accountId, userId: demo.userId, email: demo.login.email, role: 'owner', createdAt }),
    ...accountSearchItems(demo.account),
  ];
  for (const purchase of demo.purchases) {
    const orderedAt = new Date(`${purchase.date}T10:30:00.000Z`);
    const orderId = stableId(orderedAt, `order:${purchase.reference}`);
    const licenceLine: OrderLine = {
      product: purchase.product,
      sku: `${purchase.product.replace(/\s+/g, '-').toUpperCase()}-${purchase.edition.toUpperCase()}-${purchase.users}U`,
      edition: purchase.edition,
      users: purchase.users,
      quantity: 1,
      unitPrice: money(purchase.unitPriceMinor, 'EUR'),
      subtotal: money(purchase.unitPriceMinor, 'EUR'),
    };
    const lines = [licenceLine];
    if (purchase.supportYears) {
      const supportPrice = Math.round(purchase.unitPriceMinor * 0.2) * purchase.supportYears;
      lines.push({
        ...licenceLine,
        product: `${purchase.product} Support & Updates`,
        sku: `${licenceLine.sku}-SUP${purchase.supportYears}Y`,
        unitPrice: money(supportPrice, 'EUR'),
        subtotal: money(supportPrice, 'EUR'),
      });
    }
    const order: Order = {
      orderId,
      reference: purchase.reference,
      orderedAt: orderedAt.toISOString(),
      total: sum(
        lines.map((line) => line.subtotal),
        'EUR',
      ),
      lines,
      contact: demo.contact,
    };
    // The same builders as staff-created orders (shared/orders/create-staff-order.ts): one shape for every order.
    const purchased = licencePurchase({
      accountId,
      licenceId: stableId(orderedAt, `licence:${purchase.reference}`),
      subscriptionId: stableId(orderedAt, `support:${purchase.reference}`),
      orderId,
      orderReference: purchase.reference,
      purchasedAt: orderedAt,
      product: purchase.product,
      edition: purchase.edition,
      users: purchase.users,
      serial: purchase.serial,
      ...(purchase.days ? { days: purchase.days } : {}),
      ...(purchase.supportYears ? { supportYears: purchase.supportYears } : {}),
      // Support is renewable (issue #15): a year at the stage's share of the licence's price in the account's currency.
      ...(purchase.supportYears ? { renewal: demoRenewal(purchase, accountCurrency(demo.account)) } : {}),
    });
    // Its status as the daily job would have moved it by today (support long over is suspended, soon over is due).
    const renewable = purchased.renewable && {
      ...purchased.renewable,
      status: statusOn(purchased.renewable.paidUntil, now()),
      remindersSent: remindersPassed(purchased.renewable.paidUntil, now()),
    };
    if (renewable) purchased.items.splice(-1, 1, subscriptionItem(renewable));
    const issued = [issuedLicence(purchased, licenceLine.sku)];
    items.push(orderItem({ accountId, order, locale: demo.contact.country === 'PL' ? 'pl' : 'en', issued }));
    // The reference's claim: unique table-wide, and how sign-in with e-mail + order number finds the account.
    items.push(orderReferenceItem(accountId, order), ...purchased.items);
    items.push(...orderSearchItems(accountId, order), ...licenceSearchItems(accountId, purchased.licence));
  }
  return withoutRepeatedSearchEntries(items);
}

/**
 * A demo licence's support renewal: the catalogue's SKU of the same product, edition and seats (its price in the
 * account's currency), else the purchase's EUR price at the ratio of that edition's catalogue prices in the currency.
 */
function demoRenewal(purchase: DemoPurchase, currency: string) {
  const sameEdition = CATALOGUE.filter((entry) => entry.product === purchase.product && entry.edition === purchase.edition);
  const priceOf = (entry: (typeof CATALOGUE)[number], code: string) =>
    [entry.unitPrice, ...(entry.otherPrices ?? [])].find((price) => price.currency === code)?.amountMinor;
  const exact = sameEdition.find((entry) => entry.users === purchase.users && priceOf(entry, currency) !== undefined);
  const reference = sameEdition.find((entry) => priceOf(entry, currency) !== undefined && priceOf(entry, 'EUR') !== undefined);
  const licencePriceMinor = exact
    ? priceOf(exact, currency)!
    : reference
      ? Math.round((purchase.unitPriceMinor * priceOf(reference, currency)!) / priceOf(reference, 'EUR')!)
      : purchase.unitPriceMinor;
  const known = exact || reference;
  return {
    productId: slugOf(purchase.product),
    sku: exact?.sku ?? `${purchase.product.replace(/\s+/g, '-').toUpperCase()}-${purchase.edition.toUpperCase()}-${purchase.users}U`,
    yearlyPrice: supportYearlyPrice(money(licencePriceMinor, known ? currency : 'EUR')),
  };
}

/** Two purchases with one serial (test data does that) index it once: a BatchWrite refuses a key twice. */
function withoutRepeatedSearchEntries(items: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.type !== 'SearchEntry') return true;
    const key = `${item.PK}|${item.SK}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

async function batchWrite(requests: WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending: WriteRequest[] | undefined = requests.slice(start, start + 25);
    for (let attempt = 0; pending?.length && attempt < 5; attempt += 1) {
      const result: Omit<BatchWriteCommandOutput, '$metadata'> = await db().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }),
      );
      pending = result.UnprocessedItems?.[tableName()];
    }
    if (pending?.length) throw new Error('Seeding left items unwritten');
  }
}

export async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  await batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
}

/** Writes one account with its data, and its owner as a local customer user; returns the items written. */
export async function putDemoAccount(demo: DemoAccount): Promise<Record<string, unknown>[]> {
  const items = itemsFor(demo);
  // The account item is written again on every start: it keeps the balances the demo (or its services' seed) gave it.
  const existing = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.account(demo.account.accountId), ConsistentRead: true }),
  );
  if (existing.Item) {
    const account = items.find((item) => item.PK === existing.Item!.PK && item.SK === existing.Item!.SK);
    if (account)
      Object.assign(
        account,
        Object.fromEntries(Object.entries(balancesOf(existing.Item)).map(([code, amount]) => [balanceAttribute(code), amount])),
      );
  }
  await batchPut(items);
  await putLocalUser({ pool: 'customer', email: demo.login.email, password: demo.login.password, sub: demo.userId });
  return items;
}

const PURCHASE_PREFIXES = [SK_PREFIX.order, SK_PREFIX.licence, SK_PREFIX.supportSubscription];

/**
 * Ids are ULIDs of their dates, so a purchase dated relative to today gets new ids on a later day. This deletes the
 * orders, licences and subscriptions of the demo's own references that the latest seed did not write: a restart on
 * another day replaces them instead of adding copies. Anything else in the account is left alone.
 */
async function dropStaleCopies(demo: DemoAccount, written: Record<string, unknown>[]): Promise<void> {
  const references = new Set(demo.purchases.map((purchase) => purchase.reference));
  const serials = new Set(demo.purchases.map((purchase) => purchase.serial));
  const current = new Set(written.map((item) => item.SK as string));
  const stale: WriteRequest[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#pk, #sk, #reference, #orderReference, #kind, #identifier',
        ExpressionAttributeNames: {
          '#pk': 'PK',
          '#sk': 'SK',
          '#reference': 'reference',
          '#orderReference': 'orderReference',
          '#kind': 'kind',
          '#identifier': 'identifier',
        },
        ExpressionAttributeValues: { ':pk': accountPartition(demo.account.accountId) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const sortKey = item.SK as string;
      const reference = (item.reference ?? item.orderReference) as string | undefined;
      // A demo licence's renewable support (issue #15) names its licence's serial, not the order's reference.
      const renewable =
        sortKey.startsWith(SK_PREFIX.subscription) &&
        item.kind === 'support' &&
        serials.has((item.identifier as { value?: string } | undefined)?.value ?? '');
      const ours =
        renewable ||
        (reference !== undefined && references.has(reference) && PURCHASE_PREFIXES.some((prefix) => sortKey.startsWith(prefix)));
      if (ours && !current.has(sortKey)) stale.push({ DeleteRequest: { Key: { PK: item.PK, SK: sortKey } } });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await batchWrite(stale);
}

/** Support contracts sold but not yet claimed: sign up with the number and the activation code to claim one. */
export const DEMO_CONTRACTS = [
  { contractNumber: 'CTR-2026-0001', activationCode: 'K7QD-4M2X-P9TB', product: 'Remote Access Support Premium', sla: 'priority' },
  { contractNumber: 'CTR-2026-0002', activationCode: 'W3HN-8RJC-V6ZE', product: 'Advanced Security Support', sla: 'critical' },
  { contractNumber: 'CTR-2026-0003', activationCode: 'B5TF-2GKY-M8QA', product: 'Server Monitoring Support', sla: 'standard' },
] as const;

/**
 * A customer imported from the old portal with that portal's password: it only tells her to set a new one through
 * "forgot password" (a wrong one answers as for an unknown e-mail).
 */
export const DEMO_MIGRATED_USER = {
  email: 'carol@lakeside.example',
  oldPassword: 'Lakeside-old-2019',
  name: 'Lakeside Clinic',
  accountId: 'demo-lakeside',
} as const;

function contractItems(): Record<string, unknown>[] {
  return DEMO_CONTRACTS.map((contract, index) =>
    contractItem({
      contractNumber: contract.contractNumber,
      product: contract.product,
      sla: contract.sla,
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      activationCodeHash: hashActivationCode(contract.activationCode),
      codeIssuedAt: `2026-01-0${index + 1}T09:00:00.000Z`,
      createdAt: `2026-01-0${index + 1}T09:00:00.000Z`,
      createdBy: DEMO_LOGINS.staff.email,
    }),
  );
}

export async function seedDemoData(): Promise<void> {
  // The catalogue staff sell from, unless the table already has one (staff edits survive a restart).
  await seedCatalogue();
  for (const demo of demoAccounts) await dropStaleCopies(demo, await putDemoAccount(demo));
  // The demo orders bypass the reference counter: move it past them, so a new order is numbered above every one.
  const highest = demoAccounts
    .flatMap((demo) => demo.purchases.map((purchase) => purchase.reference))
    .sort((a, b) => Number(/\d+$/.exec(a)?.[0]) - Number(/\d+$/.exec(b)?.[0]))
    .at(-1);
  if (highest) await advanceOrderReferenceCounter(highest);
  for (const staff of DEMO_STAFF) await putDemoStaffUser(staff);
  await seedAccountDemos();
  // The demo distributor's relation item (its account item and the client's carry the two other halves).
  await batchPut([
    distributorClientItem({ distributorId: 'demo-reseller', clientId: 'demo-orchard', assignedAt: '2024-06-01T08:00:00.000Z' }),
  ]);
  const nordwind = demoAccounts[0]!;
  await seedDemoTickets({
    accountId: nordwind.account.accountId,
    accountName: nordwind.account.name,
    userId: nordwind.userId,
    email: nordwind.login.email,
    name: nordwind.contact.name,
  });
  // The knowledge base's demo articles (en, pl) and its search indexes.
  await seedKnowledge();
  // Managed-hosting services (active, due, overdue) with their invoices, and a balance to renew from (issue #15).
  await seedDemoServices();
}

/** Unclaimed contracts and the migrated user; a contract someone already claimed is left as it is. */
async function seedAccountDemos(): Promise<void> {
  // The number entries make the contracts findable by a number prefix on the staff Contracts page.
  for (const contract of DEMO_CONTRACTS) {
    await db().send(new PutCommand({ TableName: tableName(), Item: contractNumberItem(contract.contractNumber) }));
  }
  for (const item of contractItems()) {
    await db()
      .send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(accountId)' }))
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
  const migrated = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', DEMO_MIGRATED_USER.email) }));
  // Once Carol has set her password she is no longer "migrated": re-seeding must not undo that.
  if (migrated.Item) return;
  const userId = await putLocalUser({
    pool: 'customer',
    email: DEMO_MIGRATED_USER.email,
    password: DEMO_MIGRATED_USER.oldPassword,
    migrated: true,
    sub: '7c1e0d2a-0000-4000-8000-00000000c001',
  });
  const createdAt = '2024-03-01T09:00:00.000Z';
  const lakeside = {
    accountId: DEMO_MIGRATED_USER.accountId,
    name: DEMO_MIGRATED_USER.name,
    activationKey: 'LKSD-7Q4P',
    contactEmail: DEMO_MIGRATED_USER.email,
    country: 'PL',
    createdAt,
  };
  await batchPut([
    accountItem(lakeside),
    ...accountSearchItems(lakeside),
    membershipItem({ accountId: DEMO_MIGRATED_USER.accountId, userId, email: DEMO_MIGRATED_USER.email, role: 'owner', createdAt }),
  ]);
}
