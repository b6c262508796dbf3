// The upgrades routes' contracts (issue #15, seed 003 "Aktualizacje"): per owned licence (the caller's, or a client's
// for a distributor), the upgrades the catalogue offers it at today's price difference and the paths it is not
// offered, with the reason. Adding one to the cart is the cart's action route ({kind: 'upgrade', licenceId, toSku}).

import { moneySchema, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { accountIdSchema, pageQuery } from '#shared/http/schemas.ts';
import { UNOFFERED_REASONS, UPGRADE_KINDS } from '#shared/upgrades/fields.ts';
import * as z from '#shared/validation.ts';

export const upgradeOfferView = z.strictObject({
  kind: z.enum(UPGRADE_KINDS),
  productId: z.string(),
  fromEditionId: z.string(),
  toEditionId: z.string(),
  fromEdition: z.string(),
  toEdition: z.string(),
  fromUsers: z.number(),
  toUsers: z.number(),
  toSku: z.string(),
  fromSku: z.optional(z.string()),
  supportYears: z.number(),
  /** Net, in the buyer's currency. */
  price: moneySchema,
});

export const unofferedPathView = z.strictObject({
  kind: z.enum(UPGRADE_KINDS),
  toEditionId: z.string(),
  toEdition: z.string(),
  toUsers: z.number(),
  toSku: z.optional(z.string()),
  reason: z.enum(UNOFFERED_REASONS),
});

export const licenceUpgradesView = z.strictObject({
  licence: z.strictObject({
    licenceId: z.string(),
    product: z.string(),
    edition: z.string(),
    users: z.number(),
    serial: z.string(),
    supportEndsAt: z.optional(timestamp),
  }),
  /** Whose licence it is: the caller's account, or the distributor's client. */
  client: z.strictObject({ accountId: z.string(), name: z.string() }),
  offers: z.array(upgradeOfferView),
  notOffered: z.array(unofferedPathView),
});

export const listUpgrades = contract({
  method: 'GET',
  path: '/api/upgrades',
  summary:
    'Per licence of the caller’s account (or, for a distributor, of one client: `clientId`; not its client: 404), a page at a time: ' +
    'the upgrades offered with their price difference in the caller’s currency, and the paths not offered with the reason ' +
    '(SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT, SEATS_ALREADY, NO_TARGET_SKU, RETIRED, NO_PRICE, LICENCE_REVOKED, TIME_LIMITED).',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { query: z.strictObject({ ...pageQuery.shape, clientId: z.optional(accountIdSchema) }) },
  response: json(z.strictObject({ currency: z.string(), ...pageOf(licenceUpgradesView).shape })),
});
