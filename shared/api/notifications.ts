// Contracts: Who receives which mail of an account, the mailing list (opt-in, one-click unsubscribe, staff export) and the change of a person's e-mail address.

import { contract, customer, customerRoles, json } from '#shared/api/contract.ts';
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
