// Contracts: Who receives which mail of an account, the mailing list (opt-in, one-click unsubscribe, staff export) and the change of a person's e-mail address.

import { timestamp } from '#shared/api/common.ts';
import { anyone, contract, customer, customerRoles, file, json, staff } from '#shared/api/contract.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { MAILING_LISTS } from '#shared/notifications/consent-wording.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import { CUSTOMER_ROLES, ROLE_AREAS } from '#shared/accounts/roles.ts';
import * as z from '#shared/validation.ts';

/** The categories of account mail (shared/notifications/recipients.ts NOTIFICATION_CATEGORIES is this list). */
export const notificationCategories = ['orders', 'support', 'renewals', 'security', 'complaints'] as const;

/** At most this many people per category (an account has at most 25 people). */
const MAX_RECIPIENTS = 25;

const userIds = z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.minLength(1), z.maxLength(MAX_RECIPIENTS));
const perCategory = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject({ orders: value, support: value, renewals: value, security: value, complaints: value });

const notificationSettings = z.strictObject({
  /** Per category, the user ids who receive it now (the chosen people, else the owners). */
  categories: perCategory(z.array(z.string())),
  /** Per category, whether the owner chose its recipients (false: the owners, by default). */
  chosen: perCategory(z.boolean()),
  people: z.array(
    z.strictObject({
      userId: z.string(),
      email: z.string(),
      role: z.enum(CUSTOMER_ROLES),
      firstName: z.optional(z.string()),
      lastName: z.optional(z.string()),
    }),
  ),
});

export const getNotificationRecipients = contract({
  method: 'GET',
  path: '/api/me/notifications',
  summary: 'Who of the account’s people receives each category of mail (orders, support, renewals, security, complaints).',
  access: customer,
  request: {},
  response: json(notificationSettings),
});

export const setNotificationRecipients = contract({
  method: 'PUT',
  path: '/api/me/notifications',
  summary: 'Owner: chooses, per category of mail, one or more of the account’s people to receive it.',
  access: customerRoles(ROLE_AREAS.ownerOnly),
  request: { body: z.strictObject({ categories: perCategory(userIds) }) },
  response: json(notificationSettings),
});

// -- The mailing list --

const mailingState = z.strictObject({
  list: z.enum(MAILING_LISTS),
  subscribed: z.boolean(),
  /** When and to which wording (its text and version) the person agreed, while subscribed or after. */
  consentedAt: z.optional(timestamp),
  wording: z.optional(z.string()),
  wordingVersion: z.optional(z.string()),
  unsubscribedAt: z.optional(timestamp),
});

export const getMailingList = contract({
  method: 'GET',
  path: '/api/me/mailing-list',
  summary: 'Whether the signed-in person is on the mailing list (news), and since when with which wording.',
  access: customer,
  request: {},
  response: json(mailingState),
});

export const setMailingList = contract({
  method: 'PUT',
  path: '/api/me/mailing-list',
  summary: 'The signed-in person joins the mailing list (the wording shown in `locale` is stored with the time) or leaves it.',
  access: customer,
  request: { body: z.strictObject({ subscribed: z.boolean(), locale: localeSchema }) },
  response: json(mailingState),
});

/** The signed unsubscribe link's query: person, list, HMAC-SHA256 (base64url). */
const unsubscribeQuery = z.strictObject({
  u: z.string().check(z.minLength(1), z.maxLength(128)),
  l: z.enum(MAILING_LISTS),
  s: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'A link signature.')),
});

export const checkUnsubscribeLink = contract({
  method: 'GET',
  path: '/api/mailing/unsubscribe',
  summary: 'Public: checks a signed unsubscribe link and says whether that person is still on the list (the page’s button).',
  access: anyone,
  request: { query: unsubscribeQuery },
  response: json(z.strictObject({ list: z.enum(MAILING_LISTS), subscribed: z.boolean() })),
});

export const unsubscribe = contract({
  method: 'POST',
  path: '/api/mailing/unsubscribe',
  summary:
    'Public: one-click unsubscribe with a signed link (RFC 8058: mail clients POST `List-Unsubscribe=One-Click`; the body is ignored). Idempotent.',
  access: anyone,
  request: { query: unsubscribeQuery },
  response: json(z.strictObject({ list: z.enum(MAILING_LISTS), subscribed: z.boolean() })),
});

export const exportSubscribers = contract({
  method: 'GET',
  path: '/api/admin/mailing/subscribers',
  summary:
    'Admin: the current subscribers of the news list as CSV (e-mail, name, language, consented at, wording), at most 5,000 per file; the `x-next-cursor` header names the next part.',
  access: staff('admin'),
  request: { query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(2048))) }) },
  response: file('text/csv; charset=utf-8', 'The subscribers, one per line, with a header line.'),
});

// -- The change of the person's login e-mail --

const sixDigitCode = z.string().check(z.regex(/^\d{6}$/, 'The code is six digits.'));

export const getMyEmail = contract({
  method: 'GET',
  path: '/api/me/email',
  summary: 'The signed-in person’s current sign-in e-mail address (the page that changes it).',
  access: customer,
  request: {},
  response: json(z.strictObject({ email: z.string() })),
});

export const startEmailChange = contract({
  method: 'POST',
  path: '/api/me/email',
  summary:
    'Mails a 6-digit code to the new address (at most 3 requests an hour per person); the sign-in address stays the old one until the code is confirmed. 409 EMAIL_TAKEN when another user signs in with it.',
  access: customer,
  request: { body: z.strictObject({ newEmail: emailSchema, locale: z.optional(localeSchema) }) },
  response: json(z.strictObject({ newEmail: z.string() })),
});

export const confirmEmailChange = contract({
  method: 'POST',
  path: '/api/me/email/confirm',
  summary:
    'Confirms the new address with the mailed code: it becomes the sign-in address and the person’s e-mail in every account (memberships, the account’s contact e-mail where it was theirs, the mailing list); the old address gets a notice.',
  access: customer,
  request: { body: z.strictObject({ newEmail: emailSchema, code: sixDigitCode }) },
  response: json(z.strictObject({ email: z.string() })),
});
