// Staff create an order for a customer by e-mail: the customer (user, account, owner) if they are new, a licence per
// unit and a support subscription where the product includes support (a service subscription per unit of a service plan), the order and its unique reference, all in one
// transaction; then the confirmation e-mail. A retry with the same idempotency key answers with the first order.

import { createHash } from 'node:crypto';
import { GetCommand } from '#shared/db/commands.ts';
import { accountItem, accountPurchaseUpdate } from '#shared/accounts/account.ts';
import { activationKeyItem } from '#shared/accounts/activation-key.ts';
import { firstMembership, membershipItem } from '#shared/accounts/membership.ts';
import { readCatalogue, sellableSkus } from '#shared/catalogue/read.ts';
import { type PricedLine, priceLines } from '#shared/orders/pricing.ts';
import { assertOrderFits, issueLicences } from '#shared/orders/issue-licences.ts';
import { config } from '#shared/config.ts';
import { newCode } from '#shared/contracts/activation.ts';
import { db, tableName } from '#shared/db/client.ts';
import { normaliseEmail } from '#shared/email.ts';
import { ConflictError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { newId } from '#shared/ids.ts';
import type { SendResult } from '#shared/mail/send.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { orderConfirmationMail } from '#shared/mail/templates.ts';
import { DEFAULT_CURRENCY, sum } from '#shared/money.ts';
import { logger } from '#shared/observability/logger.ts';
import { IDEMPOTENCY_DAYS, idempotencyItem, readIdempotencyRecord } from '#shared/orders/idempotency.ts';
import { orderFromItem, orderItem, orderKey, type Order, type StartedService } from '#shared/orders/model.ts';
import { orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { accountOwnerClaimItem, claimedAccountOf } from '#shared/orders/owner-claim.ts';
import { nextOrderReference } from '#shared/orders/order-reference.ts';
import { toStaffOrder, type IssuedLicence, type StaffOrder } from '#shared/orders/staff-model.ts';
import type { Item } from '#shared/db/entity.ts';
import { accountSearchItems, orderSearchItems } from '#shared/search/search-entry.ts';
import { AUDIT_ITEMS_PER_ENTRY, type AuditTrail, type TransactItem } from '#shared/audit/audit.ts';
import { now, nowEpochSeconds } from '#shared/time.ts';

/**
 * Items every order writes besides its licences, subscriptions and search entries, counted for a new customer so the
 * limit does not depend on who orders: reference claim, idempotency record, order, account, activation key, membership,
 * owner claim, the order reference's search entry, and the audit entry's items. (An existing customer's account gets one
 * Update instead of its items.)
 */
const FIXED_ITEMS = 8 + AUDIT_ITEMS_PER_ENTRY;
/** Lost races (a reference taken by an import, a concurrent first order for the same customer) are tried again. */
const MAX_ATTEMPTS = 8;

export interface StaffOrderInput {
  email: string;
  contact: { name: string; country: string; city: string };
  lines: Array<{ sku: string; quantity: number }>;
  /** The currency every line is priced in (the SKUs' current prices there); EUR unless given. */
  currency?: string;
  locale: Locale;
  idempotencyKey: string;
}

export type ConfirmationMail = SendResult | 'failed' | 'not-sent';

export interface CreatedStaffOrder {
  order: StaffOrder;
  /** True when this answers a retry: the first request created the order, and nothing was created or mailed now. */
  replayed: boolean;
  userCreated: boolean;
  accountCreated: boolean;
  confirmationMail: ConfirmationMail;
}

/** Places the order; its transaction carries the audit entry (`audit`: the staff write's trail). */
export async function createStaffOrder(input: StaffOrderInput, audit: AuditTrail): Promise<CreatedStaffOrder> {
  const email = normaliseEmail(input.email);
  const fingerprint = fingerprintOf({ ...input, email });
  // A retry answers with the first order even if a price changed (or the SKU was retired) in between.
  const earlier = await replay(input.idempotencyKey, fingerprint);
  if (earlier) {
    audit.replayed();
    return earlier;
  }
  const priced = priceLines(input.lines, input.currency ?? DEFAULT_CURRENCY, sellableSkus(await readCatalogue()));
  checkSize(priced, newAccountSearchItems(input.contact.name, email));

  const { userId, created: userCreated } = await (await identity()).ensureCustomerUser({ email, locale: input.locale });
  // A user this request just created has no account yet: nobody else could name it before now. If a racing request for
  // the same e-mail (which found the user, created: false) gives it one first, our owner claim's condition fails and
  // the retry below reads that account. Saves the membership query and the owner-claim read (6 round trips -> 4).
  let accountId = userCreated ? undefined : await accountOf(userId);
  let reference = await nextOrderReference();

  for (let attempt = 1; ; attempt += 1) {
    const draft = buildOrder({ input, email, fingerprint, priced, reference, userId, userCreated, accountId });
    try {
      await audit.commit({
        target: { kind: 'order', id: draft.order.orderId, accountId: draft.accountId, label: draft.order.reference },
        changes: [
          { field: 'total', after: `${draft.order.total.amountMinor} ${draft.order.total.currency}` },
          { field: 'licences', after: draft.issued.length },
          ...(draft.services.length ? [{ field: 'services', after: draft.services.length }] : []),
        ],
        items: draft.writes,
      });
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException' || attempt >= MAX_ATTEMPTS) throw error;
      const failed = failedWrites(error);
      if (failed.has(draft.at.idempotency)) {
        const first = await replay(input.idempotencyKey, fingerprint);
        if (first) {
          audit.replayed();
          return first;
        }
      }
      // Taken by an order written some other way (an import, the demo data): the next number, then.
      if (failed.has(draft.at.reference)) reference = await nextOrderReference();
      // Another order created this customer's account a moment ago: that account is the one.
      if (draft.at.ownerClaim !== undefined && (failed.has(draft.at.ownerClaim) || failed.has(draft.at.account!))) {
        accountId = await accountOf(userId);
      }
      logger.info('create order: transaction cancelled, trying again', { attempt, reasons: [...failed] });
      continue;
    }

    const confirmationMail = await mailConfirmation(draft.accountId, draft.order, draft.issued, draft.services, input.locale);
    return {
      order: toStaffOrder(orderFromItem(draft.item)),
      replayed: false,
      userCreated,
      accountCreated: draft.accountCreated,
      confirmationMail,
    };
  }
}

/** The search entries a new customer's account gets (name words, e-mail, activation key): their number counts. */
function newAccountSearchItems(name: string, email: string): number {
  return accountSearchItems({ accountId: 'new', name, contactEmail: email, activationKey: 'XXXX-XXXX-XXXX' }).length;
}

/** One transaction holds the whole order, so an order that needs more items than one transaction takes is refused. */
function checkSize(priced: PricedLine[], accountSearchEntries: number): void {
  assertOrderFits(priced, FIXED_ITEMS + accountSearchEntries);
}

/** What makes two requests the same order: a retry must send the same body as the first. */
function fingerprintOf(input: StaffOrderInput): string {
  const { email, contact, lines, locale } = input;
  const currency = input.currency ?? DEFAULT_CURRENCY;
  const canonical = JSON.stringify([
    email,
    // Only a currency other than the default counts, so records written before orders had a currency still match.
    ...(currency === DEFAULT_CURRENCY ? [] : [currency]),
    contact.name,
    contact.country,
    contact.city,
    locale,
    lines.map((line) => [line.sku, line.quantity]),
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The order an earlier request with this key created, or undefined when the key is new (or its record has expired). */
async function replay(idempotencyKey: string, fingerprint: string): Promise<CreatedStaffOrder | undefined> {
  const record = await readIdempotencyRecord(idempotencyKey);
  if (!record) return undefined;
  if (record.fingerprint !== fingerprint) {
    throw new ConflictError(
      'This idempotency key was already used for a different order. Send a new key for a new order.',
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
  const order = await db().send(
    new GetCommand({ TableName: tableName(), Key: orderKey(record.accountId, record.orderId), ConsistentRead: true }),
  );
  // Orders are never deleted; staff may have moved it to another account since (shared/orders/move-order.ts).
  if (!order.Item) {
    throw new ConflictError('The order created with this key has since been moved to another account.', 'IDEMPOTENT_ORDER_MOVED');
  }
  return {
    order: toStaffOrder(orderFromItem(order.Item)),
    replayed: true,
    userCreated: record.userCreated,
    accountCreated: record.accountCreated,
    confirmationMail: 'not-sent',
  };
}

/** The account the customer acts for (their first membership), or the one a staff order created for them just now. */
async function accountOf(userId: string): Promise<string | undefined> {
  const found = (await firstMembership(userId))?.accountId;
  if (found) return found;
  // The index is eventually consistent; the claim is read strongly, so a lost race always finds the winner's account.
  return claimedAccountOf(userId);
}

interface Draft {
  accountId: string;
  order: Order;
  accountCreated: boolean;
  item: Item;
  issued: IssuedLicence[];
  services: StartedService[];
  writes: TransactItem[];
  /** Where the conditional writes sit in `writes`, to read the cancellation reasons by. */
  at: { reference: number; idempotency: number; account?: number; ownerClaim?: number };
}

function buildOrder(args: {
  input: StaffOrderInput;
  email: string;
  fingerprint: string;
  priced: PricedLine[];
  reference: string;
  userId: string;
  userCreated: boolean;
  accountId: string | undefined;
}): Draft {
  const { input, email, priced, reference, userId } = args;
  const accountCreated = args.accountId === undefined;
  const TableName = tableName();
  const orderedAt = now();
  const accountId = args.accountId ?? newId(orderedAt);
  const orderId = newId(orderedAt);
  const order: Order = {
    orderId,
    reference,
    orderedAt: orderedAt.toISOString(),
    total: sum(
      priced.map(({ line }) => line.subtotal),
      priced[0]!.line.unitPrice.currency,
    ),
    lines: priced.map(({ line }) => line),
    contact: { name: input.contact.name, email, country: input.contact.country, city: input.contact.city },
  };

  const { issued, services, items: purchaseItems } = issueLicences({ accountId, orderId, reference, at: orderedAt, priced, by: 'staff' });

  const item = orderItem({ accountId, order, locale: input.locale, issued, services });
  const writes: TransactItem[] = [
    { Put: { TableName, Item: orderReferenceItem(accountId, order), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName,
        Item: idempotencyItem(input.idempotencyKey, {
          operation: 'create-order',
          fingerprint: args.fingerprint,
          accountId,
          orderId,
          // What the first request created, so that a retry answers the same.
          userCreated: args.userCreated,
          accountCreated,
          createdAt: order.orderedAt,
          expiresAt: Math.floor(orderedAt.getTime() / 1000) + IDEMPOTENCY_DAYS * 24 * 60 * 60,
        }),
        // An expired record that DynamoDB has not removed yet does not hold the key.
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': nowEpochSeconds() },
      },
    },
    { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    ...orderSearchItems(accountId, order).map((Item) => ({ Put: { TableName, Item } })),
  ];
  const at: Draft['at'] = { reference: 0, idempotency: 1 };
  const lastOrder = { reference, orderedAt: order.orderedAt };

  if (accountCreated) {
    const createdAt = order.orderedAt;
    const account = {
      accountId,
      name: input.contact.name,
      activationKey: newCode(3),
      contactEmail: email,
      country: input.contact.country,
      createdAt,
      licenceCount: issued.length,
      lastOrder,
    };
    at.account = writes.length;
    writes.push(
      { Put: { TableName, Item: accountItem(account), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName, Item: activationKeyItem(account), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName, Item: membershipItem({ accountId, userId, email, role: 'owner', createdAt }) } },
      ...accountSearchItems(account).map((Item) => ({ Put: { TableName, Item } })),
    );
    at.ownerClaim = writes.length;
    writes.push({
      Put: {
        TableName,
        Item: accountOwnerClaimItem(userId, { accountId, createdAt }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  } else {
    // The account's summary for the staff search: its licence count and newest order, in the order's transaction.
    writes.push(accountPurchaseUpdate(TableName, accountId, { licencesAdded: issued.length, lastOrder }));
  }
  writes.push(...purchaseItems.map((Item) => ({ Put: { TableName, Item } })));
  return { accountId, order, item, issued, services, writes, at, accountCreated };
}

/** The indexes of the writes whose condition failed (or that met another transaction) in a cancelled transaction. */
function failedWrites(error: unknown): Set<number> {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  const failed = new Set<number>();
  reasons.forEach((reason, index) => {
    if (reason.Code && reason.Code !== 'None') failed.add(index);
  });
  return failed;
}

/**
 * The order is written whatever happens to the mail; staff see whether it went. It goes to the account's recipients of
 * `orders` mail (the owner unless they chose others: a new account's owner is the ordering customer), each in their own
 * language, or the order's language for a person who never chose one.
 */
async function mailConfirmation(
  accountId: string,
  order: Order,
  issued: IssuedLicence[],
  services: StartedService[],
  locale: Locale,
): Promise<ConfirmationMail> {
  try {
    const confirmation = { reference: order.reference, licences: issued, services, total: order.total, portalUrl: config().portalUrl };
    const sent = await mailAccount(
      accountId,
      'orders',
      (recipient) => orderConfirmationMail(recipient.email, confirmation, recipient.locale),
      locale,
    );
    return sent.result;
  } catch (error) {
    logger.error('create order: the confirmation e-mail could not be sent', { error: error as Error });
    return 'failed';
  }
}
