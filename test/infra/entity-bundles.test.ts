// Entity schemas are built on first use and marked pure (shared/db/entity.ts), so a handler bundles only the schemas of
// the entities it reads: the staff catalogue, which reads none, carries no zod object schema at all.

import { describe, expect, it } from 'vitest';
import { buildHandler } from '../support/bundles.ts';

const text = async (handler: string) => new TextDecoder().decode(await buildHandler(handler));

describe('entity schemas in handler bundles', () => {
  it('leaves every entity schema out of a handler that reads no entity, and keeps them where items are read', async () => {
    // zod/mini names each schema class by a string that survives minification.
    expect(await text('admin/list-catalogue')).not.toContain('ZodMiniObject');
    expect(await text('licences/get-licence')).toContain('ZodMiniObject');
  });
});
