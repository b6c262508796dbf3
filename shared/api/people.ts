// Contracts: The people of a customer account: invitations, roles, removal, and the accounts a person acts for.

import { timestamp } from '#shared/api/common.ts';
import { anyone, contract, customer, customerRoles, empty, json } from '#shared/api/contract.ts';
import { CUSTOMER_ROLES, ROLE_AREAS } from '#shared/accounts/roles.ts';
import { accountIdSchema, emailSchema, ulidSchema } from '#shared/http/schemas.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

const role = z.enum(CUSTOMER_ROLES);

/** A person of the account: the identity provider's user id. */
export const personPath = z.strictObject({
  personId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'A person’s id, as the people list gives it.')),
});

export const invitationPath = z.strictObject({ invitationId: ulidSchema });

/** The token of an invitation's link: 32 random bytes, base64url. */
const invitationToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/, 'The token from the invitation’s link.'));

export const personView = z.strictObject({
  userId: z.string(),
  email: z.string(),
  role,
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  joinedAt: timestamp,
  /** The caller themselves. */
  isYou: z.boolean(),
});

export const invitationView = z.strictObject({
  invitationId: z.string(),
  email: z.string(),
  role,
  locale: z.enum(LOCALES),
  invitedBy: z.string(),
  sentAt: timestamp,
  expiresAt: timestamp,
});

export const listPeople = contract({
  method: 'GET',
  path: '/api/me/people',
  summary:
    'The people of the account the caller acts for, with their roles (every role may read); the owners also get the pending invitations.',
  access: customer,
  request: {},
  response: json(
    z.strictObject({
      people: z.array(personView),
      /** Empty unless the caller is an owner. */
      invitations: z.array(invitationView),
      /** People and pending invitations together stay at or below this. */
      maxPeople: z.number(),
    }),
  ),
});

export const invitePerson = contract({
  method: 'POST',
  path: '/api/me/people/invitations',
  summary:
    'Owner: invites someone by e-mail with a role; the invitation mail (in `locale`, else the owner’s language) links to /invitation, valid 7 days.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { body: z.strictObject({ email: emailSchema, role, locale: z.optional(z.enum(LOCALES)) }) },
  response: json(invitationView, 201),
});

export const resendInvitation = contract({
  method: 'POST',
  path: '/api/me/people/invitations/{invitationId}/resend',
  summary: 'Owner: mails the invitation again with a new link (the old one stops working), valid 7 days; 3 times an hour at most.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { path: invitationPath },
  response: json(invitationView),
});

export const revokeInvitation = contract({
  method: 'DELETE',
  path: '/api/me/people/invitations/{invitationId}',
  summary: 'Owner: withdraws an invitation; its link stops working.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { path: invitationPath },
  response: empty(),
});

export const changeRole = contract({
  method: 'PUT',
  path: '/api/me/people/{personId}/role',
  summary: 'Owner: gives a person of the account another role (the last owner stays owner: 409 LAST_OWNER); the person is mailed.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { path: personPath, body: z.strictObject({ role }) },
  response: json(personView),
});

export const removePerson = contract({
  method: 'DELETE',
  path: '/api/me/people/{personId}',
  summary: 'Owner: removes a person from the account (not the last owner: 409 LAST_OWNER); their next call for it is refused.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { path: personPath },
  response: empty(),
});

export const leaveAccount = contract({
  method: 'POST',
  path: '/api/me/accounts/leave',
  summary:
    'Any role: the caller stops acting for the account they act for, named again in the body (400 ACCOUNT_MISMATCH otherwise, e.g. a stale tab); not the last owner.',
  access: customer,
  request: { body: z.strictObject({ accountId: accountIdSchema }) },
  response: empty(),
});

export const listMyAccounts = contract({
  method: 'GET',
  path: '/api/me/accounts',
  summary: 'The accounts the caller acts for, with their role in each, and the one this call acted for (the account switch).',
  access: customer,
  request: {},
  response: json(
    z.strictObject({
      accounts: z.array(z.strictObject({ accountId: z.string(), name: z.string(), role })),
      current: z.string(),
    }),
  ),
});

const publicInvitation = z.strictObject({
  email: z.string(),
  accountName: z.string(),
  role,
  invitedBy: z.string(),
  expiresAt: timestamp,
  /** Whether the address already has a user: then accepting needs no password, and they sign in as before. */
  hasUser: z.boolean(),
});

export const viewInvitation = contract({
  method: 'POST',
  path: '/api/invitations/view',
  summary:
    'Public (the link’s token proves the mailbox): who invites which address to which account with which role. POST, so the token stays out of access logs.',
  access: anyone,
  request: { body: z.strictObject({ token: invitationToken }) },
  response: json(publicInvitation),
  readOnly: true,
});

export const acceptInvitation = contract({
  method: 'POST',
  path: '/api/invitations/accept',
  summary:
    'Public: accepts an invitation once. An address with a user joins the account; one without gets a confirmed user with `password` (the password policy applies). Then they sign in.',
  access: anyone,
  request: {
    body: z.strictObject({ token: invitationToken, password: z.optional(z.string().check(z.minLength(1), z.maxLength(256))) }),
  },
  response: json(z.strictObject({ email: z.string(), accountName: z.string(), role, createdUser: z.boolean() })),
});
