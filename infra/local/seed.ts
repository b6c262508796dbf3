// Demo data for the local portal: two customer accounts with orders and licences, and one staff user. Idempotent.

import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { stableId } from '#shared/ids.ts';
import { nowIso } from '#shared/time.ts';
import { putLocalUser } from '#shared/identity/local.ts';
import { money, sum } from '#shared/money.ts';
import type { Account } from '#shared/accounts/model.ts';
import type { Licence } from '#shared/licences/model.ts';
import type { Order, OrderLine } from '#shared/orders/model.ts';

export const DEMO_LOGINS = {
  customer: { email: 'anna@nordwind.example', password: 'atrium-demo-1' },
  secondCustomer: { email: 'ben@harbour.example', password: 'atrium-demo-2' },
  staff: { email: 'staff@atrium.example', password: 'atrium-staff-1' },
} as const;

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

const demoAccounts: DemoAccount[] = [
  {
    account: {
      accountId: 'demo-nordwind',
      name: 'Nordwind Systems Sp. z o.o.',
      activationKey: 'NAQR-HVW5',
      contactEmail: DEMO_LOGINS.customer.email,
      country: 'PL',
    },
    login: DEMO_LOGINS.customer,
    userId: '7c1e0d2a-0000-4000-8000-00000000a001',
    contact: { name: 'Anna Nowak', email: DEMO_LOGINS.customer.email, country: 'PL', city: 'Gdańsk' },
    purchases: [
      { reference: 'JWT1016', date: '2023-09-30', product: 'Remote Access', edition: 'Enterprise', users: 5, serial: 'P62-7731', unitPriceMinor: 89_900, supportYears: 1 },
      { reference: 'JWT1017', date: '2024-09-25', product: 'Remote Access', edition: 'Enterprise', users: 10, serial: 'P6E-1180', unitPriceMinor: 149_900, supportYears: 3 },
      { reference: 'JWT1018', date: '2025-10-19', product: 'Remote Access', edition: 'Enterprise', users: 25, serial: 'P24-9921', unitPriceMinor: 299_900, supportYears: 2 },
      { reference: 'JWT1019', date: '2026-05-29', product: 'Server Monitoring', edition: 'Standard', users: 3, serial: 'P65-0457', unitPriceMinor: 39_900, days: 365 },
    ],
  },
  {
    account: {
      accountId: 'demo-harbour',
      name: 'Harbour Analytics Ltd',
      activationKey: 'HBR7-K2QX',
      contactEmail: DEMO_LOGINS.secondCustomer.email,
      country: 'GB',
    },
    login: DEMO_LOGINS.secondCustomer,
    userId: '7c1e0d2a-0000-4000-8000-00000000b001',
    contact: { name: 'Ben Carter', email: DEMO_LOGINS.secondCustomer.email, country: 'GB', city: 'Bristol' },
    purchases: [
      { reference: 'JWT2001', date: '2025-02-14', product: 'Advanced Security', edition: 'Ultimate', users: 50, serial: 'PF3-5510', unitPriceMinor: 459_000, supportYears: 1 },
    ],
  },
];

function addYears(date: Date, years: number): Date {
  const copy = new Date(date);
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}

/** The table items of one account: the account, its owner's membership, orders and licences. */
export function itemsFor(demo: DemoAccount): Record<string, unknown>[] {
  const { accountId } = demo.account;
  // An account exists from its first purchase; one without purchases was created just now.
  const createdAt = demo.purchases[0] ? `${demo.purchases[0].date}T09:00:00.000Z` : nowIso();
  const items: Record<string, unknown>[] = [
    { ...keys.account(accountId), ...keys.accountsIndex(createdAt, accountId), type: 'Account', ...demo.account, createdAt },
    {
      ...keys.membership(accountId, demo.userId),
      ...keys.membershipByUser(demo.userId, accountId),
      type: 'Membership',
      accountId,
      userId: demo.userId,
      email: demo.login.email,
      role: 'owner',
      createdAt,
    },
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
      total: sum(lines.map((line) => line.subtotal), 'EUR'),
      lines,
      contact: demo.contact,
    };
    items.push({ ...keys.order(accountId, orderId), type: 'Order', accountId, ...order });

    const licence: Licence = {
      licenceId: stableId(orderedAt, `licence:${purchase.reference}`),
      product: purchase.product,
      serial: purchase.serial,
      ...(purchase.days ? { days: purchase.days } : {}),
      users: purchase.users,
      edition: purchase.edition,
      orderId,
      orderReference: purchase.reference,
      purchasedAt: orderedAt.toISOString(),
      ...(purchase.supportYears ? { supportEndsAt: addYears(orderedAt, purchase.supportYears).toISOString() } : {}),
    };
    items.push({ ...keys.licence(accountId, licence.licenceId), type: 'Licence', accountId, ...licence });
  }
  return items;
}

export async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(start, start + 25);
    for (let attempt = 0; pending?.length && attempt < 5; attempt += 1) {
      const result: BatchWriteCommandOutput = await db().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
      );
      pending = result.UnprocessedItems?.[tableName()]?.map((request) => request.PutRequest!.Item!);
    }
    if (pending?.length) throw new Error('Seeding left items unwritten');
  }
}

/** Writes one account with its data, and its owner as a local customer user. */
export async function putDemoAccount(demo: DemoAccount): Promise<void> {
  await batchPut(itemsFor(demo));
  await putLocalUser({ pool: 'customer', email: demo.login.email, password: demo.login.password, sub: demo.userId });
}

export async function seedDemoData(): Promise<void> {
  for (const demo of demoAccounts) await putDemoAccount(demo);
  await putLocalUser({
    pool: 'staff',
    email: DEMO_LOGINS.staff.email,
    password: DEMO_LOGINS.staff.password,
    groups: ['admin'],
    sub: '7c1e0d2a-0000-4000-8000-00000000f001',
  });
}
