// The configuration a unit test of code that builds table items needs (shared/config.ts reads it once): set before the
// file's tests, the environment restored after them.

import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '#shared/config.ts';

export function useUnitConfig(): void {
  const savedEnv = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: 'unit-table',
      MAIL_FROM: 'no-reply@mail.atrium.test',
      CUSTOMER_CLIENT_ID: 'customer-client-id',
      STAFF_CLIENT_ID: 'staff-client-id',
    });
    resetConfigForTests();
  });
  afterAll(() => {
    process.env = savedEnv;
    resetConfigForTests();
  });
}
