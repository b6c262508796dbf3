// Entity schemas are built on first use and marked pure (shared/db/entity.ts), so a handler bundles only the schemas of
// the entities it reads. Every handler carries its route contract's zod schemas, so the probe is an entity's own name,
// which only its validated read (parseItem('Membership', ...)) puts in a bundle: the staff catalogue imports the caller
// module (and with it the membership module) but reads no membership; a customer route reads one on every call.

import { describe, expect, it } from 'vitest';
import { buildHandler } from '../support/bundles.ts';

const text = async (handler: string) => new TextDecoder().decode(await buildHandler(handler));

describe('entity schemas in handler bundles', () => {
  it('leaves every entity schema out of a handler that reads no entity, and keeps them where items are read', async () => {
    expect(await text('admin/list-catalogue')).not.toContain('"Membership"');
    expect(await text('licences/get-licence')).toContain('"Membership"');
  });
});
