// Input schemas shared by many routes.

import * as z from 'zod';
import { MAX_PAGE_SIZE } from '#shared/db/page.ts';

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().min(1).max(2048).optional(),
});

export const poolPath = z.strictObject({ pool: z.enum(['customer', 'staff']) });

export const emailSchema = z.string().trim().max(254).pipe(z.email());
