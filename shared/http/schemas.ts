// Input schemas shared by many routes.

import * as z from '#shared/validation.ts';
import { MAX_PAGE_SIZE, SORT_ORDERS } from '#shared/paging.ts';

const page = {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
};

export const pageQuery = z.strictObject(page);

/**
 * A page of a list in date order: `sort=desc` (the default, newest first) or `sort=asc`. The shape is spread rather
 * than z.extend-ed, which would cost every handler bundle ~1.5 KB more.
 */
export const sortedPageQuery = z.strictObject({ ...page, sort: z.optional(z.enum(SORT_ORDERS)) });

/** Ids taken with newId(): ULIDs, 26 characters of Crockford base32. */
export const ulidSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'An id such as 01JD3Q8W5M2K7Z9XG4R6T1V0BN.'));

/** An account id: a ULID for accounts created in Atrium; imported and demo accounts have other ids. */
export const accountIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'An account id.'));

export const poolPath = z.strictObject({ pool: z.enum(['customer', 'staff']) });

export const emailSchema = z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email());
