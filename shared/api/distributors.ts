// Route contracts of distributors and their clients (issue #15): staff mark distributors and assign their clients
// (audited); a distributor's people see their clients and the clients' licences; a client sees who its distributor is.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customer, customerRoles, empty, json, staff } from '#shared/api/contract.ts';
import { getLicence, licenceView } from '#shared/api/licences.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

const accountPath = z.strictObject({ accountId: accountIdSchema });

/** Who changes distributors and their clients: admin and billing (who sells through them). */
const distributorStaff = staff('admin', 'billing');
/** Who looks them up: every staff group. */
const anyStaff = staff('admin', 'support', 'billing');

const contactView = z.strictObject({ accountId: z.string(), name: z.string(), contactEmail: z.string() });

export const clientSummary = z.strictObject({
  accountId: z.string(),
  name: z.string(),
  contactEmail: z.string(),
  country: z.optional(z.string()),
  licenceCount: z.number(),
  assignedAt: timestamp,
});

const clientRef = z.strictObject({ accountId: z.string(), name: z.string() });

/** A licence as the licence pages show it, with the account it belongs to (the caller's own, or a client's). */
export const clientLicenceView = z.strictObject({ ...licenceView.shape, client: clientRef });

const clientQuery = z.strictObject({
  ...pageQuery.shape,
  /** One client's licences; without it, the caller's own account's. */
  clientId: z.optional(accountIdSchema),
});

export const getDistributorSection = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/distributor',
  summary:
    'Staff: whether the account is a distributor, a page of its clients (with their licence counts), or the distributor it is a client of.',
  access: anyStaff,
  request: { path: accountPath, query: pageQuery },
  response: json(
    z.strictObject({
      distributor: z.boolean(),
      clientCount: z.number(),
      clients: pageOf(clientSummary),
      distributorOf: z.optional(contactView),
    }),
  ),
});

export const markDistributor = contract({
  method: 'PUT',
  path: '/api/admin/customers/{accountId}/distributor',
  summary:
    'Staff (admin, billing): marks the account as a distributor or unmarks it (409 DISTRIBUTOR_HAS_CLIENTS while it has clients; ' +
    '409 DISTRIBUTOR_IS_CLIENT for a client account).',
  access: distributorStaff,
  audit: { action: 'distributor.mark', reason: 'optional' },
  request: { path: accountPath, body: z.strictObject({ distributor: z.boolean(), reason: z.optional(auditReason) }) },
  response: json(z.strictObject({ accountId: z.string(), distributor: z.boolean(), clientCount: z.number() })),
});

export const assignClient = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/clients',
  summary:
    'Staff (admin, billing): makes `clientId` a client of this distributor (409 CLIENT_HAS_DISTRIBUTOR when it has another, ' +
    '409 NOT_A_DISTRIBUTOR, 409 CLIENT_IS_DISTRIBUTOR, 400 DISTRIBUTOR_OWN_CLIENT); again for the same pair changes nothing.',
  access: distributorStaff,
  audit: { action: 'distributor.assign', reason: 'optional' },
  request: { path: accountPath, body: z.strictObject({ clientId: accountIdSchema, reason: z.optional(auditReason) }) },
  response: json(z.strictObject({ distributorId: z.string(), clientId: z.string(), assignedAt: timestamp })),
});

export const unassignClient = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/clients/unassign',
  summary: 'Staff (admin, billing): takes `clientId` away from this distributor (409 NOT_A_CLIENT when it is not one of its clients).',
  access: distributorStaff,
  audit: { action: 'distributor.unassign', reason: 'optional' },
  request: { path: accountPath, body: z.strictObject({ clientId: accountIdSchema, reason: z.optional(auditReason) }) },
  response: empty(),
});

export const listMyClients = contract({
  method: 'GET',
  path: '/api/distributor/clients',
  summary:
    'A distributor’s client accounts with their licence counts, a page (up to 100) at a time; an account that is no distributor has none.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: pageQuery },
  response: json(z.strictObject({ distributor: z.boolean(), ...pageOf(clientSummary).shape })),
});

export const listClientLicences = contract({
  method: 'GET',
  path: '/api/distributor/licences',
  summary:
    'The licences of one client of the caller’s distributor account (`clientId`; another account’s: 404), or of the account itself, each with its client.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: clientQuery },
  response: json(pageOf(clientLicenceView)),
});

export const getClientLicence = contract({
  method: 'GET',
  path: '/api/distributor/licences/{licenceId}',
  summary: 'One licence of a client of the caller’s distributor account (`clientId`), or of the account itself, with its support.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: {
    path: z.strictObject({ licenceId: ulidSchema }),
    query: z.strictObject({ clientId: z.optional(accountIdSchema) }),
  },
  response: json(z.strictObject({ ...getLicence.response.body.shape, client: clientRef })),
});

export const getMyDistributor = contract({
  method: 'GET',
  path: '/api/me/distributor',
  summary:
    'The distributor of the caller’s account, if it has one: it orders the account’s upgrades and renewals (the licence pages show whom to contact).',
  access: customer,
  request: {},
  response: json(z.strictObject({ distributor: z.optional(contactView) })),
});
