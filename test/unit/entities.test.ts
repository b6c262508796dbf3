// Entity modules: each item is written by its `...Item` builder and read back by its `...FromItem`, which validates the
// stored shape and drops keys, index attributes and `type`; a drifted item is refused with an error that names it.

import { describe, expect, it } from 'vitest';
import { accountFromItem, accountItem, type Account } from '#shared/accounts/account.ts';
import { activationKeyFromItem, activationKeyItem } from '#shared/accounts/activation-key.ts';
import { membershipFromItem, membershipItem, type Membership } from '#shared/accounts/membership.ts';
import {
  accountContractFromItem,
  accountContractItem,
  contractFromItem,
  contractItem,
  type AccountContract,
  type Contract,
} from '#shared/contracts/contract.ts';
import type { Item } from '#shared/db/entity.ts';
import { licenceEventFromItem, licenceEventItem, type LicenceEvent } from '#shared/licences/licence-events.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { licenceFromItem, licenceItem, toLicenceView, type StoredLicence } from '#shared/licences/model.ts';
import { mailSuppressionFromItem, mailSuppressionItem } from '#shared/mail/suppression.ts';
import { money } from '#shared/money.ts';
import { idempotencyFromItem, idempotencyItem, type IdempotencyRecord } from '#shared/orders/idempotency.ts';
import { issuedLicence, orderFromItem, orderItem, type Order } from '#shared/orders/model.ts';
import { orderReferenceClaimFromItem, orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { accountOwnerClaimFromItem, accountOwnerClaimItem } from '#shared/orders/owner-claim.ts';
import { supportSubscriptionFromItem } from '#shared/support/model.ts';
import { shapeErrorOf } from '../support/item-shape.ts';

const ACCOUNT_ID = '01JD3Q8W5M2K7Z9XG4R6T1V0AA';
const purchase = licencePurchase({
  accountId: ACCOUNT_ID,
  licenceId: '01JD3Q8W5M2K7Z9XG4R6T1V0BM',
  subscriptionId: '01JD3Q8W5M2K7Z9XG4R6T1V0BN',
  orderId: '01JD3Q8W5M2K7Z9XG4R6T1V0BK',
  orderReference: 'JWT1018',
  purchasedAt: new Date('2025-11-21T12:00:00.000Z'),
  product: 'Remote Access',
  edition: 'Enterprise',
  users: 25,
  serial: 'P24-9921',
  days: 365,
  supportYears: 1,
});
const [storedLicenceItem, storedSubscriptionItem] = purchase.items as [Item, Item];

const order: Order = {
  orderId: '01JD3Q8W5M2K7Z9XG4R6T1V0BK',
  reference: 'JWT1018',
  orderedAt: '2025-11-21T12:00:00.000Z',
  total: money(299_900, 'EUR'),
  lines: [
    {
      product: 'Remote Access',
      sku: 'RA-ENT-25U',
      edition: 'Enterprise',
      users: 25,
      quantity: 1,
      unitPrice: money(299_900, 'EUR'),
      subtotal: money(299_900, 'EUR'),
    },
  ],
  contact: { name: 'Anna Nowak', email: 'Anna@Nordwind.example', country: 'PL', city: 'Gdańsk' },
};

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'type'];

function expectNoKeys(value: object): void {
  for (const name of KEY_ATTRIBUTES) expect(value).not.toHaveProperty(name);
}

describe('entity items', () => {
  it('reads every entity back as it was written, without keys, index attributes or type', () => {
    // Prepare
    const account: Account = {
      accountId: ACCOUNT_ID,
      name: 'Nordwind',
      activationKey: 'NAQR-HVW5',
      contactEmail: 'anna@nordwind.example',
      country: 'PL',
      createdAt: '2025-11-21T12:00:00.000Z',
    };
    const membership: Membership = {
      accountId: ACCOUNT_ID,
      userId: 'sub-1',
      email: 'anna@nordwind.example',
      role: 'owner',
      createdAt: account.createdAt,
    };
    const event: LicenceEvent = {
      eventId: '01JD3Q8W5M2K7Z9XG4R6T1V0CC',
      licenceId: purchase.licence.licenceId,
      action: 'transferred',
      at: '2025-12-01T08:00:00.000Z',
      fromComputerId: 'PC-1',
      toComputerId: 'PC-2',
      by: 'customer',
      userId: 'sub-1',
      email: 'anna@nordwind.example',
      sourceIp: '192.0.2.1',
    };
    const contract: Contract = {
      contractNumber: 'CTR-1',
      product: 'Support',
      sla: 'priority',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      activationCodeHash: 'hash',
      createdAt: '2026-01-01T09:00:00.000Z',
    };
    const accountContract: AccountContract = {
      contractNumber: 'CTR-1',
      product: 'Support',
      sla: 'priority',
      assetCount: 2,
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      claimedAt: '2026-02-01T00:00:00.000Z',
    };
    const record: IdempotencyRecord = {
      operation: 'create-order',
      fingerprint: 'abc',
      accountId: ACCOUNT_ID,
      orderId: order.orderId,
      userCreated: true,
      accountCreated: false,
      createdAt: order.orderedAt,
      expiresAt: 1_800_000_000,
    };
    const issued = [issuedLicence(purchase, 'RA-ENT-25U')];

    // Act
    const read = {
      account: accountFromItem(accountItem(account)),
      membership: membershipFromItem(membershipItem(membership)),
      activationKey: activationKeyFromItem(activationKeyItem(account)),
      licence: licenceFromItem(storedLicenceItem),
      subscription: supportSubscriptionFromItem(storedSubscriptionItem),
      event: licenceEventFromItem(licenceEventItem(ACCOUNT_ID, event)),
      order: orderFromItem(orderItem({ accountId: ACCOUNT_ID, order, locale: 'pl', issued })),
      claim: orderReferenceClaimFromItem(orderReferenceItem(ACCOUNT_ID, order)),
      idempotency: idempotencyFromItem(idempotencyItem('key-1', record)),
      ownerClaim: accountOwnerClaimFromItem(accountOwnerClaimItem('sub-1', { accountId: ACCOUNT_ID, createdAt: order.orderedAt })),
      contract: contractFromItem(contractItem(contract)),
      accountContract: accountContractFromItem(accountContractItem(ACCOUNT_ID, accountContract)),
      suppression: mailSuppressionFromItem(
        mailSuppressionItem({ email: 'x@example.com', reason: 'bounce', suppressedAt: order.orderedAt }),
      ),
    };

    // Assess
    expect(read.account).toEqual(account);
    expect(read.membership).toEqual(membership);
    expect(read.activationKey).toEqual({ accountId: ACCOUNT_ID });
    expect(read.licence).toEqual(purchase.licence);
    expect(read.subscription).toEqual(purchase.subscription);
    expect(read.event).toEqual(event);
    expect(read.order).toEqual({ ...order, accountId: ACCOUNT_ID, email: 'anna@nordwind.example', locale: 'pl', issued });
    expect(read.claim).toEqual({
      accountId: ACCOUNT_ID,
      orderId: order.orderId,
      reference: 'JWT1018',
      orderedAt: order.orderedAt,
      total: order.total,
      email: 'anna@nordwind.example',
    });
    expect(read.idempotency).toEqual(record);
    expect(read.ownerClaim).toEqual({ accountId: ACCOUNT_ID, createdAt: order.orderedAt });
    expect(read.contract).toEqual(contract);
    expect(read.accountContract).toEqual(accountContract);
    expect(read.suppression).toEqual({ email: 'x@example.com', reason: 'bounce', suppressedAt: order.orderedAt });
    for (const value of Object.values(read)) expectNoKeys(value);
  });

  it('refuses a licence whose stored users drifted to a string, naming the entity, its key and the field', () => {
    // Prepare
    const drifted = { ...storedLicenceItem, users: '25' };
    // Act
    const error = shapeErrorOf(() => licenceFromItem(drifted));
    // Assess
    expect(error.entity).toBe('Licence');
    expect(error.key).toEqual({ PK: `ACCOUNT#${ACCOUNT_ID}`, SK: `LICENCE#${purchase.licence.licenceId}` });
    expect(error.problems.map((problem) => problem.path)).toEqual(['users']);
    expect(error.message).toContain(`A stored Licence item (PK ACCOUNT#${ACCOUNT_ID}, SK LICENCE#${purchase.licence.licenceId})`);
    expect(error.message).toContain('users:');
  });

  it('refuses items that lost a required field instead of answering undefined', () => {
    // Prepare
    const { endsAt: _endsAt, ...subscriptionWithoutEnd } = storedSubscriptionItem;
    const { product: _product, ...licenceWithoutProduct } = storedLicenceItem;
    const orderWithoutLines = { ...orderItem({ accountId: ACCOUNT_ID, order, locale: 'en', issued: [] }), lines: undefined };
    // Act
    const errors = [
      shapeErrorOf(() => supportSubscriptionFromItem(subscriptionWithoutEnd)),
      shapeErrorOf(() => toLicenceView(licenceWithoutProduct, new Date())),
      shapeErrorOf(() => orderFromItem(orderWithoutLines)),
    ];
    // Assess
    expect(errors.map((error) => [error.entity, error.problems.map((problem) => problem.path)])).toEqual([
      ['SupportSubscription', ['endsAt']],
      ['Licence', ['product']],
      ['Order', ['lines']],
    ]);
  });

  it("refuses values outside the entity's set: an unknown event action, a membership role, a money amount as text", () => {
    // Prepare
    const event = {
      PK: 'ACCOUNT#a',
      SK: 'LICENCEEVENT#l#e',
      eventId: 'e',
      licenceId: 'l',
      action: 'moved',
      at: 'now',
      by: 'customer',
      sourceIp: '192.0.2.1',
    };
    const membership = {
      ...membershipItem({ accountId: 'a', userId: 'u', email: 'e@example.com', role: 'owner', createdAt: 'now' }),
      role: 'admin',
    };
    const claim = { ...orderReferenceItem(ACCOUNT_ID, order), total: { amountMinor: '299900', currency: 'EUR' } };
    // Act
    const errors = [
      shapeErrorOf(() => licenceEventFromItem(event)),
      shapeErrorOf(() => membershipFromItem(membership)),
      shapeErrorOf(() => orderReferenceClaimFromItem(claim)),
    ];
    // Assess
    expect(errors.map((error) => error.problems.map((problem) => problem.path))).toEqual([['action'], ['role'], ['total.amountMinor']]);
  });

  it('reads an order written before e-mail, language and issued licences were stored with the contact e-mail, English and none', () => {
    // Prepare
    const {
      email: _email,
      locale: _locale,
      issued: _issued,
      ...older
    } = orderItem({ accountId: ACCOUNT_ID, order, locale: 'pl', issued: [] });
    // Act
    const read = orderFromItem(older);
    // Assess
    expect(read).toMatchObject({ email: order.contact.email, locale: 'en', issued: [] });
  });

  it("keeps the licence binding state on the stored licence but not on the customer's view", () => {
    // Prepare
    const bound: StoredLicence = {
      ...purchase.licence,
      computerId: 'PC-1',
      activatedAt: '2025-12-01T08:00:00.000Z',
      bindingVersion: 2,
      recentMoves: ['2025-12-01T08:00:00.000Z'],
    };
    const item = licenceItem(ACCOUNT_ID, bound);
    // Act
    const stored = licenceFromItem(item);
    const view = toLicenceView(item, new Date('2026-01-01T00:00:00.000Z'));
    // Assess
    expect(stored).toEqual(bound);
    expect(view).not.toHaveProperty('bindingVersion');
    expect(view).not.toHaveProperty('recentMoves');
    expect(view).toMatchObject({ computerId: 'PC-1', supportActive: true });
  });
});
