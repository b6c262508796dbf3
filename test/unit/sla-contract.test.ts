import { describe, expect, it } from 'vitest';
import * as sla from '#shared/api/sla.ts';
import { TICKET_KINDS, TICKET_PRIORITIES } from '#shared/tickets/model.ts';

describe('the sla contract’s ticket enumerations', () => {
  it('are the entity’s own (the contract repeats them to keep server code out of the web)', () => {
    expect(sla.TICKET_KINDS).toEqual(TICKET_KINDS);
    expect(sla.TICKET_PRIORITIES).toEqual(TICKET_PRIORITIES);
  });
});
