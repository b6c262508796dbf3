// Input schemas shared by many routes.

import * as z from '#shared/validation.ts';
import { MAX_PAGE_SIZE } from '#shared/paging.ts';

export const pageQuery = z.strictObject({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});

export const poolPath = z.strictObject({ pool: z.enum(['customer', 'staff']) });

export const emailSchema = z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email());
