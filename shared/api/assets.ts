// Route contracts of the support desk's contracts and assets (issue #13): the customer registers a contract with its
// activation code, lists their contracts and the assets each covers, keeps a note on an asset, and picks an asset for a
// technical ticket; staff add, edit and move assets, each audited. Asset fields (serial number, MAC address) are
// validated and normalised here, once, for the server and the web forms.

import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { catalogueIdSchema } from '#shared/api/catalogue.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { ASSET_CATEGORIES } from '#shared/assets/categories.ts';
import { contractNumberSchema, SLA_LEVELS } from '#shared/contracts/fields.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

// --- Asset fields -----------------------------------------------------------------------------------------------------

/** `aa:bb:cc:dd:ee:ff`, `aa-bb-cc-dd-ee-ff` or Cisco's `aabb.ccdd.eeff`, in any case. */
export const MAC_PATTERN =
  /^(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}(?:\.[0-9A-Fa-f]{4}){2})$/;

/** One MAC address in the stored form, `AA:BB:CC:DD:EE:FF` (call only on a value MAC_PATTERN accepts). */
export function normaliseMac(mac: string): string {
  const hex = mac.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? hex;
}

export const macAddressSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(MAC_PATTERN, 'A MAC address such as AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff.'),
    z.overwrite(normaliseMac),
  );

export const SERIAL_PATTERN = /^[A-Za-z0-9\-_./]{3,64}$/;
export const serialNumberSchema = z
  .string()
  .check(z.trim(), z.regex(SERIAL_PATTERN, 'A serial number of 3 to 64 letters, digits, dashes, underscores, dots or slashes.'));

const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));
const locationSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const CUSTOMER_NOTE_MAX = 1000;
const category = z.enum(ASSET_CATEGORIES);

const identified = (value: { serialNumber?: string | null; macAddress?: string | null }) =>
  Boolean(value.serialNumber) || Boolean(value.macAddress);
const identityMessage = 'Give a serial number, a MAC address or both.';

// --- Views ------------------------------------------------------------------------------------------------------------

const contractStatus = z.enum(['upcoming', 'active', 'expiring', 'expired']);

/** An account's contract as the customer sees it: term, SLA level, status computed when read, and its assets' count. */
export const contractView = z.strictObject({
  contractNumber: z.string(),
  product: z.string(),
  sla: z.enum(SLA_LEVELS),
  startsOn: z.string(),
  endsOn: z.string(),
  status: contractStatus,
  claimedAt: timestamp,
  assetCount: z.number(),
});

const assetFields = {
  assetId: z.string(),
  contractNumber: z.string(),
  category,
  name: z.string(),
  vendor: z.string(),
  model: z.optional(z.string()),
  serialNumber: z.optional(z.string()),
  macAddress: z.optional(z.string()),
  location: z.optional(z.string()),
  productId: z.optional(z.string()),
  customerNote: z.optional(z.string()),
  /** Name, model and serial or MAC: how tickets and pickers name it. */
  label: z.string(),
  updatedAt: timestamp,
};

export const assetView = z.strictObject(assetFields);
export const staffAssetView = z.strictObject({ ...assetFields, accountId: z.string(), createdAt: timestamp });

// --- Customer routes --------------------------------------------------------------------------------------------------

export const registerContract = contract({
  method: 'POST',
  path: '/api/contracts',
  summary:
    'Owner, technical: adds a support contract to the account with its number and one-time activation code (the claim ' +
    'of sign-up). 400 ACTIVATION_CODE_INVALID, 409 ACTIVATION_CODE_USED; wrong codes count in the lockout (429).',
  access: customerRoles(ROLE_AREAS.technicalWrite),
  request: {
    body: z.strictObject({
      contractNumber: contractNumberSchema,
      activationCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    }),
  },
  response: json(contractView, 201),
});

export const listMyContracts = contract({
  method: 'GET',
  path: '/api/contracts',
  summary: 'The account’s support contracts in number order: term, SLA level, status and how many assets each covers.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: pageQuery },
  response: json(pageOf(contractView)),
});

export const getMyContract = contract({
  method: 'GET',
  path: '/api/contracts/{accountContractNumber}',
  summary: 'One of the account’s support contracts (404 for any other); its assets come from `GET /api/assets?contractNumber=`.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: z.strictObject({ accountContractNumber: contractNumberSchema }) },
  response: json(contractView),
});

/** The picker's and the assets page's filters; `q` narrows the page read, so a page may hold fewer than `limit`. */
export const assetListQuery = z.strictObject({
  ...pageQuery.shape,
  category: z.optional(category),
  contractNumber: z.optional(contractNumberSchema),
  /** `true`: only assets whose contract is active or expiring (what a technical ticket may be opened on). */
  underActiveSupport: z.optional(z.enum(['true', 'false'])),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
});

export const listAssets = contract({
  method: 'GET',
  path: '/api/assets',
  summary:
    'The account’s assets, filtered by category, contract, active support (`underActiveSupport=true`: contract active ' +
    'or expiring) and `q` (a case-insensitive prefix of name, serial number or MAC, within the page read); paginated.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: assetListQuery },
  response: json(pageOf(assetView)),
});

const assetPath = z.strictObject({ assetId: ulidSchema });

export const getAsset = contract({
  method: 'GET',
  path: '/api/assets/{assetId}',
  summary: 'One of the account’s assets (404 for any other).',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: assetPath },
  response: json(assetView),
});

export const setAssetNote = contract({
  method: 'PUT',
  path: '/api/assets/{assetId}/note',
  summary: 'Owner, technical: the account’s own note on an asset (up to 1000 characters; empty removes it).',
  access: customerRoles(ROLE_AREAS.technicalWrite),
  request: {
    path: assetPath,
    body: z.strictObject({ customerNote: z.string().check(z.trim(), z.maxLength(CUSTOMER_NOTE_MAX)) }),
  },
  response: json(assetView),
});

// --- Staff routes -----------------------------------------------------------------------------------------------------

const assetStaff = staff('admin', 'support');

export const staffListContractAssets = contract({
  method: 'GET',
  path: '/api/admin/contracts/{contractNumber}/assets',
  summary: 'Staff: the assets a support contract covers, paginated.',
  access: assetStaff,
  request: { path: z.strictObject({ contractNumber: contractNumberSchema }), query: pageQuery },
  response: json(pageOf(staffAssetView)),
});

/** What the staff form sends to add an asset: the contract decides the account (it must be claimed by one). */
export const newAssetInput = z
  .strictObject({
    contractNumber: contractNumberSchema,
    category,
    name: nameSchema,
    vendor: nameSchema,
    model: z.optional(nameSchema),
    serialNumber: z.optional(serialNumberSchema),
    macAddress: z.optional(macAddressSchema),
    location: z.optional(locationSchema),
    productId: z.optional(catalogueIdSchema),
  })
  .check(z.refine(identified, { message: identityMessage, path: ['serialNumber'] }));

export const staffCreateAsset = contract({
  method: 'POST',
  path: '/api/admin/assets',
  summary:
    'Staff: adds an asset under a contract an account has (404 for an unknown or unclaimed contract or product); a ' +
    'serial number or a MAC address (or both) is required, the MAC stored as AA:BB:CC:DD:EE:FF.',
  access: assetStaff,
  audit: { action: 'asset.create', reason: 'none' },
  request: { body: newAssetInput },
  response: json(staffAssetView, 201),
});

const staffAssetPath = z.strictObject({ accountId: accountIdSchema, assetId: ulidSchema });

/** An edit: the fields given change; `null` removes an optional one (a serial number or a MAC must remain). */
export const assetEditInput = z.strictObject({
  category: z.optional(category),
  name: z.optional(nameSchema),
  vendor: z.optional(nameSchema),
  model: z.optional(z.nullable(nameSchema)),
  serialNumber: z.optional(z.nullable(serialNumberSchema)),
  macAddress: z.optional(z.nullable(macAddressSchema)),
  location: z.optional(z.nullable(locationSchema)),
  productId: z.optional(z.nullable(catalogueIdSchema)),
  reason: z.optional(auditReason),
});

export const staffEditAsset = contract({
  method: 'PATCH',
  path: '/api/admin/customers/{accountId}/assets/{assetId}',
  summary: 'Staff: changes an asset’s fields (not its contract: see move). 400 if neither serial number nor MAC would remain.',
  access: assetStaff,
  audit: { action: 'asset.update', reason: 'optional' },
  request: { path: staffAssetPath, body: assetEditInput },
  response: json(staffAssetView),
});

export const staffMoveAsset = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/assets/{assetId}/move',
  summary:
    'Staff: moves an asset to another contract, possibly another account’s (the asset keeps its id; a move to another account ' +
    'drops the old account’s note). 404 for an unknown or unclaimed contract; 409 if it is already under that contract.',
  access: assetStaff,
  audit: { action: 'asset.move', reason: 'required' },
  request: { path: staffAssetPath, body: z.strictObject({ contractNumber: contractNumberSchema, reason: auditReason }) },
  response: json(staffAssetView),
});
