// The invoices as lists: the account's (newest first, all or only the unpaid ones), every account's for staff (GSI2
// `INVOICES`, by kind), one by its number, and the home page's "unpaid invoices" tile. Each is one Query or GetItem.

import type * as api from '#shared/api/invoices.ts';
import { type Invoice, getInvoice, invoiceFromItem, invoiceStatus } from '#shared/billing/invoice.ts';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { lazySchema, parseItem } from '#shared/db/entity.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { decodeCursor, encodeCursor, type Page, type PartitionQuery, queryPage } from '#shared/db/page.ts';
import { batchGetByKeys, keyId } from '#shared/imports/import-claim.ts';
import { orderFromItem } from '#shared/orders/model.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#shared/paging.ts';
import * as z from '#shared/validation.ts';

export type InvoiceView = z.output<typeof api.invoiceView>;
export type StaffInvoiceView = z.output<typeof api.staffInvoiceView>;

/** What the invoices page shows of an invoice. */
export function invoiceView(invoice: Invoice, at: Date): InvoiceView {
  return {
    invoiceId: invoice.invoiceId,
    number: invoice.number,
    kind: invoice.kind,
    issuedAt: invoice.issuedAt,
    ...(invoice.dueAt ? { dueAt: invoice.dueAt } : {}),
    total: { amountMinor: invoice.totals.grossMinor, currency: invoice.currency },
    status: invoiceStatus(invoice, at),
    ...(invoice.order ? { orderReference: invoice.order.reference } : {}),
    ...(invoice.corrects ? { corrects: invoice.corrects.number } : {}),
  };
}

export function staffInvoiceView(invoice: Invoice, at: Date): StaffInvoiceView {
  return { ...invoiceView(invoice, at), accountId: invoice.accountId, buyerName: invoice.buyer.name };
}

/**
 * The proforma of an order that expired or was cancelled is void, whatever was stored: the expiry job voids it since
 * 30 Nov 2026 (shop/order-expiry.ts), but orders expired before kept an unvoided proforma that read as overdue. Only a
 * proforma that would read overdue (unpaid past its due date, which is its order's expiry) can be one, and so can the
 * proforma of a partly paid order still awaiting payment (left for staff, rightly overdue): their orders tell them
 * apart. One BatchGetItem of those orders, none when the page holds no overdue proforma (the usual case).
 */
async function voidWithTheirOrders(invoices: Invoice[], at: Date): Promise<Invoice[]> {
  const pastDue = invoices.filter((invoice) => invoice.kind === 'proforma' && invoice.order && invoiceStatus(invoice, at) === 'overdue');
  if (!pastDue.length) return invoices;
  const orderKeyOf = (invoice: Invoice) => keys.order(invoice.accountId, invoice.order!.orderId);
  const orders = await batchGetByKeys(pastDue.map(orderKeyOf));
  const closed = new Set(
    pastDue
      .filter((invoice) => {
        const item = orders.get(keyId(orderKeyOf(invoice)));
        const status = item ? orderFromItem(item).shop?.status : undefined;
        return status === 'expired' || status === 'cancelled';
      })
      .map((invoice) => invoice.invoiceId),
  );
  return invoices.map((invoice) => (closed.has(invoice.invoiceId) ? { ...invoice, voidedAt: invoice.dueAt! } : invoice));
}

/**
 * Unpaid (or overdue) in the table's terms, as `invoiceStatus` decides it: not paid, not corrected, not a correction,
 * not void. A FilterExpression inside the account's partition, so a page may hold fewer than `limit` and the cursor goes on.
 */
const UNPAID_FILTER = {
  FilterExpression:
    'attribute_not_exists(#paidAt) AND (attribute_not_exists(#correctedBy) OR size(#correctedBy) = :zero) AND #kind <> :correction AND attribute_not_exists(#voidedAt)',
  names: { '#paidAt': 'paidAt', '#correctedBy': 'correctedBy', '#kind': 'kind', '#voidedAt': 'voidedAt' },
  values: { ':zero': 0, ':correction': 'correction' },
};

function accountInvoicesQuery(accountId: string, page: { limit?: number; cursor?: string }): PartitionQuery {
  return { partition: `ACCOUNT#${accountId}`, sortKeyPrefix: SK_PREFIX.invoice, newestFirst: true, ...page };
}

/** The account's unpaid invoices, newest first (one Query reading at most `limit` invoices). */
async function queryUnpaid(accountId: string, page: { limit?: number; cursor?: string }): Promise<Page<Record<string, unknown>>> {
  const query = accountInvoicesQuery(accountId, page);
  const limit = Math.min(page.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: UNPAID_FILTER.FilterExpression,
      ExpressionAttributeNames: UNPAID_FILTER.names,
      ExpressionAttributeValues: { ':pk': query.partition, ':prefix': SK_PREFIX.invoice, ...UNPAID_FILTER.values },
      ScanIndexForward: false,
      Limit: limit,
      ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor, query) } : {}),
    }),
  );
  const items = result.Items ?? [];
  return result.LastEvaluatedKey ? { items, nextCursor: encodeCursor(result.LastEvaluatedKey as Record<string, string>) } : { items };
}

/** The account's invoices, newest first, a page at a time; `unpaidOnly` keeps the unpaid and overdue ones. */
export async function listAccountInvoices(
  accountId: string,
  page: { limit?: number; cursor?: string; unpaidOnly?: boolean },
  at: Date,
): Promise<Page<InvoiceView>> {
  const { unpaidOnly, ...bounds } = page;
  const found = unpaidOnly
    ? await queryUnpaid(accountId, bounds)
    : await queryPage(accountInvoicesQuery(accountId, bounds), (item) => item);
  const invoices = await voidWithTheirOrders(found.items.map(invoiceFromItem), at);
  return {
    items: invoices.filter((invoice) => !unpaidOnly || invoice.voidedAt === undefined).map((invoice) => invoiceView(invoice, at)),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
}

/** Every account's invoices, newest first (GSI2 `INVOICES`); `kind` keeps one kind. */
export async function listAllInvoices(
  page: { limit?: number; cursor?: string; kind?: Invoice['kind'] },
  at: Date,
): Promise<Page<StaffInvoiceView>> {
  const { kind, ...bounds } = page;
  const found = await queryPage(
    { index: 'GSI2', partition: keys.invoicesIndex('', '').GSI2PK, newestFirst: true, ...(kind ? { where: { kind } } : {}), ...bounds },
    invoiceFromItem,
  );
  return {
    items: (await voidWithTheirOrders(found.items, at)).map((invoice) => staffInvoiceView(invoice, at)),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
}

const numberClaimSchema = /* @__PURE__ */ lazySchema(() => z.object({ accountId: z.string(), invoiceId: z.string() }));

/** The invoice of a number, through its claim (two GetItems); undefined when no invoice has it. */
export async function findInvoiceByNumber(number: string, at: Date): Promise<Invoice | undefined> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.invoiceNumber(number) }));
  if (!claim.Item) return undefined;
  const { accountId, invoiceId } = parseItem('InvoiceNumber', numberClaimSchema, claim.Item);
  const invoice = await getInvoice(accountId, invoiceId);
  return invoice && (await voidWithTheirOrders([invoice], at))[0];
}

/** How many unpaid invoices the home tile reads at most (one Query); more is shown as "100+" by `more`. */
export const UNPAID_SUMMARY_LIMIT = 100;

export interface UnpaidSummary {
  count: number;
  overdue: number;
  /** What the unpaid ones ask for, one sum per currency. */
  due: Array<{ amountMinor: number; currency: string }>;
  /** More invoices than one Query read: the numbers are a lower bound. */
  more: boolean;
}

/** The account's unpaid invoices in sum: one Query of the account's newest invoices. */
export async function unpaidInvoicesSummary(accountId: string, at: Date): Promise<UnpaidSummary> {
  const found = await queryUnpaid(accountId, { limit: UNPAID_SUMMARY_LIMIT });
  const unpaid = (await voidWithTheirOrders(found.items.map(invoiceFromItem), at)).filter((invoice) => invoice.voidedAt === undefined);
  const due = new Map<string, number>();
  let overdue = 0;
  for (const invoice of unpaid) {
    due.set(invoice.currency, (due.get(invoice.currency) ?? 0) + invoice.totals.grossMinor);
    if (invoiceStatus(invoice, at) === 'overdue') overdue += 1;
  }
  return {
    count: unpaid.length,
    overdue,
    due: [...due].map(([currency, amountMinor]) => ({ amountMinor, currency })),
    more: found.nextCursor !== undefined,
  };
}
