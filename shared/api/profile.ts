// Contracts: The customer's profile (personal data, individual or company, addresses) and the staff's company verification.

import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customer, customerRoles, json, staff } from '#shared/api/contract.ts';
import { CUSTOMER_ROLES } from '#shared/accounts/roles.ts';
import { accountIdSchema, pageQuery } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** E.164: a plus, the country code and the number, 8 to 15 digits in all. Checked, not verified (no SMS is sent). */
export const PHONE_PATTERN = /^\+[1-9]\d{7,14}$/;
export const phoneSchema = z.string().check(z.trim(), z.regex(PHONE_PATTERN, 'A phone number in international form, e.g. +48601234567.'));

/**
 * The IANA time zones the runtime knows (Intl.supportedValuesOf lists the canonical ones; UTC aside), as an enum: the
 * OpenAPI document lists them, and the generated checks draw valid values from them instead of guessing strings.
 */
export const TIME_ZONES: [string, ...string[]] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
export const timeZoneSchema = z.enum(TIME_ZONES, 'An IANA time zone such as Europe/Warsaw.');

/** The person's own settings, whatever account they act for. */
export const personalInput = z.strictObject({
  firstName: text(1, 80),
  lastName: text(1, 80),
  /** Absent: no phone number. */
  phone: z.optional(phoneSchema),
  locale: localeSchema,
  timeZone: timeZoneSchema,
});

/** A postal address in the account's country (the country itself changes only through staff). */
export const addressSchema = z.strictObject({
  line1: text(1, 120),
  line2: z.optional(text(0, 120)),
  postalCode: text(2, 16),
  city: text(1, 80),
});

export const PROFILE_TYPES = ['individual', 'company'] as const;
export const VERIFICATION_STATUSES = ['awaiting', 'verified', 'rejected'] as const;

/**
 * The account's data the owner sets: individual or company (a company with its name, VAT id and registered address:
 * its legal data, which staff verify) and the postal address (taken at once). The server checks that a company has
 * all three and that the VAT id fits the account's country.
 */
export const accountProfileInput = z.strictObject({
  profileType: z.enum(PROFILE_TYPES),
  companyName: z.optional(text(1, 160)),
  vatId: z.optional(text(4, 24)),
  registeredAddress: z.optional(addressSchema),
  postalAddress: z.optional(addressSchema),
});

export const billingAddressInput = z.strictObject({ billingAddress: addressSchema });

const address = z.strictObject({ line1: z.string(), line2: z.optional(z.string()), postalCode: z.string(), city: z.string() });

/** Legal data as verified or as submitted for verification. */
export const legalData = z.strictObject({
  profileType: z.enum(PROFILE_TYPES),
  companyName: z.optional(z.string()),
  vatId: z.optional(z.string()),
  registeredAddress: z.optional(address),
});

export const myProfile = z.strictObject({
  email: z.string(),
  role: z.enum(CUSTOMER_ROLES),
  person: z.strictObject({
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
    phone: z.optional(z.string()),
    locale: z.optional(localeSchema),
    timeZone: z.optional(z.string()),
  }),
  account: z.strictObject({
    accountId: z.string(),
    name: z.string(),
    /** Shown, not editable by the customer: it drives tax and payment methods. */
    country: z.optional(z.string()),
    /** The verified legal data (an account that never chose reads as an individual). */
    legal: legalData,
    postalAddress: z.optional(address),
    billingAddress: z.optional(address),
  }),
  /** The latest verification of the legal data: awaiting, or the staff's decision (with their reason). */
  verification: z.optional(
    z.strictObject({
      status: z.enum(VERIFICATION_STATUSES),
      submittedAt: timestamp,
      submitted: legalData,
      decidedAt: z.optional(timestamp),
      reason: z.optional(z.string()),
    }),
  ),
  /** False while the company data awaits verification (or a new company was refused): checkout and payment answer 403. */
  mayPay: z.boolean(),
});

export const getMyProfile = contract({
  method: 'GET',
  path: '/api/me/profile',
  summary: 'The signed-in person’s own data and the account’s profile: legal data, addresses, verification status.',
  access: customer,
  request: {},
  response: json(myProfile),
});

export const updateMyPersonalData = contract({
  method: 'PUT',
  path: '/api/me/profile/personal',
  summary: 'Sets the signed-in person’s name, phone (E.164, not verified by SMS), language of every mail to them and time zone.',
  access: customer,
  request: { body: personalInput },
  response: json(myProfile),
});

export const updateAccountProfile = contract({
  method: 'PUT',
  path: '/api/me/profile/account',
  summary:
    'Owner: individual or company, the company’s legal data (name, VAT id checked per EU country, registered address) ' +
    'and the postal address. A company, or a change of its legal data, awaits staff verification (the verified data ' +
    'stays until then).',
  access: customerRoles(['owner']),
  request: { body: accountProfileInput },
  response: json(myProfile),
});

export const updateBillingAddress = contract({
  method: 'PUT',
  path: '/api/me/profile/billing-address',
  summary: 'Owner or billing: the address printed on invoices (taken at once).',
  access: customerRoles(['owner', 'billing']),
  request: { body: billingAddressInput },
  response: json(myProfile),
});

// --- Staff: the verification queue -----------------------------------------------------------------------------------

const verificationStaff = staff('admin', 'billing');

export const verificationIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'A verification id.'));

export const verificationSummary = z.strictObject({
  accountId: z.string(),
  accountName: z.string(),
  verificationId: z.string(),
  submittedAt: timestamp,
  submittedBy: z.optional(z.string()),
  submitted: legalData,
});

export const verificationDetail = z.strictObject({
  accountId: z.string(),
  accountName: z.string(),
  country: z.optional(z.string()),
  verificationId: z.string(),
  status: z.enum([...VERIFICATION_STATUSES, 'withdrawn']),
  submittedAt: timestamp,
  submittedBy: z.optional(z.string()),
  submitted: legalData,
  /** The verified data when it was submitted: what the account keeps if staff reject. */
  previous: legalData,
  decidedAt: z.optional(timestamp),
  decidedBy: z.optional(z.string()),
  reason: z.optional(z.string()),
});

export const listVerifications = contract({
  method: 'GET',
  path: '/api/admin/verifications',
  summary: 'Staff (billing, admin): the company data awaiting verification, oldest first.',
  access: verificationStaff,
  request: { query: pageQuery },
  response: json(pageOf(verificationSummary)),
});

const verificationPath = z.strictObject({ accountId: accountIdSchema });

export const getVerification = contract({
  method: 'GET',
  path: '/api/admin/verifications/{accountId}',
  summary: 'Staff: an account’s latest company verification, the submitted and the previous data side by side.',
  access: verificationStaff,
  request: { path: verificationPath },
  response: json(verificationDetail),
});

/** The decision names the submission it was taken on: a newer submission in between answers 409. */
export const decisionInput = z.strictObject({ verificationId: verificationIdSchema, reason: auditReason });

export const approveVerification = contract({
  method: 'POST',
  path: '/api/admin/verifications/{accountId}/approve',
  summary: 'Staff: approves the submitted company data: it becomes the account’s; the customer is mailed. 409 if not awaiting.',
  access: verificationStaff,
  audit: { action: 'account.verify-company', reason: 'required' },
  request: { path: verificationPath, body: decisionInput },
  response: json(verificationDetail),
});

export const rejectVerification = contract({
  method: 'POST',
  path: '/api/admin/verifications/{accountId}/reject',
  summary: 'Staff: rejects the submitted company data with a reason the customer reads (mailed); the account keeps its data.',
  access: verificationStaff,
  audit: { action: 'account.reject-company', reason: 'required' },
  request: { path: verificationPath, body: decisionInput },
  response: json(verificationDetail),
});
