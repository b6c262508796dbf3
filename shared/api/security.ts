// Contracts: The signed-in person's security centre: password, sessions, sign-in history, IP allow-list, one-time security code; and the staff's side of it.

import { auditReason, timestamp } from '#shared/api/common.ts';
import { contract, customer, empty, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

/** One sign-in of the history (shared/auth/sign-ins.ts), as every sign-in list answers it. */
export const signInFields = {
  at: timestamp,
  sourceIp: z.string(),
  method: z.enum(['password', 'order-number']),
  userAgent: z.optional(z.string()),
  /** Browser, system and kind of device, parsed from the user agent. */
  device: z.optional(z.string()),
  /** ISO 3166 country code, when the API is behind CloudFront. */
  country: z.optional(z.string()),
  /** Absent on older records, which were all successful. */
  outcome: z.optional(z.enum(['success', 'failure'])),
  failure: z.optional(z.enum(['ip-not-allowed'])),
};

const allowListView = z.strictObject({
  /** The stored entries, one per line on the page. */
  entries: z.array(z.string()),
  /** The address this request came from, as the API sees it, and whether the list lets it in. */
  currentAddress: z.string(),
  currentAddressAllowed: z.boolean(),
  maxEntries: z.number(),
});

export const getIpAllowList = contract({
  method: 'GET',
  path: '/api/me/security/ip-allow-list',
  summary: 'The signed-in person’s IP allow-list, with the address of this request and whether the list allows it.',
  access: customer,
  request: {},
  response: json(allowListView),
});

export const setIpAllowList = contract({
  method: 'PUT',
  path: '/api/me/security/ip-allow-list',
  summary:
    'Saves the person’s IP allow-list (one address, range a-b or CIDR block per line, IPv4 or IPv6; empty allows any). ' +
    'A list that leaves out the current address needs confirmLockout: true (else 409 LOCKOUT_NOT_CONFIRMED).',
  access: customer,
  request: {
    body: z.strictObject({
      /** The lines as typed; blank ones are dropped. Bad lines answer 400 naming each (details[].line). */
      lines: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200)),
      confirmLockout: z.optional(z.boolean()),
    }),
  },
  response: json(allowListView),
});

/** The people of one account the staff's security actions address. */
const personPath = z.strictObject({ accountId: accountIdSchema, personId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)) });

export const staffClearIpAllowList = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/people/{personId}/clear-ip-allow-list',
  summary: 'Staff: clears the IP allow-list of one person of the account (they can then sign in from anywhere).',
  access: staff('admin', 'support'),
  audit: { action: 'account.clear-ip-allow-list', reason: 'required' },
  request: { path: personPath, body: z.strictObject({ reason: auditReason }) },
  response: json(z.strictObject({ entries: z.array(z.string()) })),
});

/** The current password, checked again before a change that ends every session. */
const currentPassword = z.string().check(z.minLength(1), z.maxLength(256));

export const changePassword = contract({
  method: 'POST',
  path: '/api/me/password',
  summary:
    'Changes the signed-in person’s password (the current one is checked: 400 WRONG_PASSWORD, locked out like sign-in; the new ' +
    'one follows the password policy: 400 WEAK_PASSWORD). Every session ends, this one too: the person signs in again.',
  access: customer,
  request: {
    body: z.strictObject({ currentPassword, newPassword: z.string().check(z.minLength(1), z.maxLength(256)) }),
  },
  response: empty(),
});

export const signOutOtherSessions = contract({
  method: 'POST',
  path: '/api/me/sessions/sign-out-others',
  summary:
    'Signs the person out everywhere: every refresh token is revoked and every access token issued so far is refused. ' +
    'This device is signed out too (its refresh token cannot be kept apart), so the page asks to sign in again.',
  access: customer,
  request: {},
  response: empty(),
});
