// Contracts of the staff users page (admin only) and of every staff user's own sign-in history.

import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { emailSchema, pageQuery } from '#shared/http/schemas.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import { signInFields } from '#shared/api/security.ts';
import * as z from '#shared/validation.ts';

/** A staff user's id: their `sub` in the staff pool (a UUID). */
export const staffUserPath = z.strictObject({
  userId: z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/, 'A staff user id such as 7c1e0d2a-0000-4000-8000-00000000f001.')),
});

/** One to three staff groups, each once. */
export const staffGroupsSchema = z.array(z.enum(STAFF_GROUPS)).check(
  z.minLength(1),
  z.maxLength(STAFF_GROUPS.length),
  z.refine((groups) => new Set(groups).size === groups.length, 'Name each group once.'),
);

export const staffUserView = z.strictObject({
  userId: z.string(),
  email: z.string(),
  groups: z.array(z.enum(STAFF_GROUPS)),
  /** `invited` until the first sign-in; `disabled` cannot sign in and their tokens are refused. */
  status: z.enum(['active', 'disabled', 'invited']),
  locale: z.enum(LOCALES),
  createdAt: timestamp,
});

export const listStaffUsers = contract({
  method: 'GET',
  path: '/api/admin/staff',
  summary: 'Admin: every staff user with their groups and status, by e-mail.',
  access: staff('admin'),
  request: { query: pageQuery },
  response: json(pageOf(staffUserView)),
});

export const inviteStaffUser = contract({
  method: 'POST',
  path: '/api/admin/staff',
  summary: 'Admin: invites a staff user by e-mail, in these groups; the invitation (in `locale`) links to setting a first password.',
  access: staff('admin'),
  request: { body: z.strictObject({ email: emailSchema, groups: staffGroupsSchema, locale: z.enum(LOCALES) }) },
  response: json(staffUserView, 201),
  audit: { action: 'staff-user.invite', reason: 'none' },
});

export const setStaffGroups = contract({
  method: 'PUT',
  path: '/api/admin/staff/{userId}/groups',
  summary: 'Admin: puts a staff user in exactly these groups and ends their sessions (tokens carry the groups).',
  access: staff('admin'),
  request: { path: staffUserPath, body: z.strictObject({ groups: staffGroupsSchema }) },
  response: json(staffUserView),
  audit: { action: 'staff-user.set-groups', reason: 'none' },
});

export const disableStaffUser = contract({
  method: 'POST',
  path: '/api/admin/staff/{userId}/disable',
  summary: 'Admin: a disabled staff user cannot sign in, and their current tokens are refused.',
  access: staff('admin'),
  request: { path: staffUserPath },
  response: json(staffUserView),
  audit: { action: 'staff-user.disable', reason: 'none' },
});

export const enableStaffUser = contract({
  method: 'POST',
  path: '/api/admin/staff/{userId}/enable',
  summary: 'Admin: lets a disabled staff user sign in again.',
  access: staff('admin'),
  request: { path: staffUserPath },
  response: json(staffUserView),
  audit: { action: 'staff-user.enable', reason: 'none' },
});

export const signOutStaffUser = contract({
  method: 'POST',
  path: '/api/admin/staff/{userId}/sign-out',
  summary: 'Admin: ends every session of a staff user, on every device.',
  access: staff('admin'),
  request: { path: staffUserPath },
  response: json(staffUserView),
  audit: { action: 'staff-user.sign-out', reason: 'none' },
});

export const listMyStaffSignIns = contract({
  method: 'GET',
  path: '/api/admin/me/sign-ins',
  summary: 'The signed-in staff user’s own recent sign-ins: when, from which IP address, and how.',
  access: staff('admin', 'support', 'billing'),
  request: { query: pageQuery },
  response: json(
    pageOf(
      z.strictObject({
        ...signInFields,
      }),
    ),
  ),
});
