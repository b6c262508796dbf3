// Contracts: the one-time security code for phone support: the person sets it and sees whether one is set; staff check a
// code read to them (shared/security/security-code.ts).

import { auditReason, timestamp } from '#shared/api/common.ts';
import { contract, customer, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

/** 6 to 12 letters or digits (letters compared without case: the code is read aloud). */
export const SECURITY_CODE_PATTERN = /^[A-Za-z0-9]{6,12}$/;
export const securityCodeSchema = z.string().check(z.regex(SECURITY_CODE_PATTERN));

const status = z.strictObject({ set: z.boolean(), setAt: z.optional(timestamp) });

export const getSecurityCode = contract({
  method: 'GET',
  path: '/api/me/security/code',
  summary: 'Whether the signed-in person has set a security code for phone support, and when (never the code).',
  access: customer,
  request: {},
  response: json(status),
});

export const setSecurityCode = contract({
  method: 'PUT',
  path: '/api/me/security/code',
  summary:
    'Sets (or replaces) the person’s security code for phone support, stored hashed and never shown again. Needs the ' +
    'password: a wrong one answers 400 WRONG_PASSWORD and counts in the sign-in lockout. Mails the securityCodeSet notice.',
  access: customer,
  request: {
    body: z.strictObject({ password: z.string().check(z.minLength(1), z.maxLength(256)), code: securityCodeSchema }),
  },
  response: json(status),
});

export const staffVerifySecurityCode = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/people/{personId}/verify-security-code',
  summary:
    'Staff: checks a security code read on the phone against one person’s code: { match, set } (set: false when they ' +
    'have none). Five wrong codes per person per hour, then 429. Audited with the result, never the code.',
  access: staff('admin', 'support'),
  audit: { action: 'account.verify-security-code', reason: 'optional' },
  request: {
    path: z.strictObject({ accountId: accountIdSchema, personId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)) }),
    body: z.strictObject({ code: securityCodeSchema, reason: z.optional(auditReason) }),
  },
  response: json(z.strictObject({ match: z.boolean(), set: z.boolean() })),
});
