// Every handler bundle stays within the 250 KB budget (issue #5); `npm run bench` reports the numbers.

import { describe, expect, it } from 'vitest';
import { allHandlers, buildHandler } from '../support/bundles.ts';

const BUDGET_BYTES = 250 * 1000;

describe('handler bundles', () => {
  it.each(allHandlers)('%s is at most 250 KB minified', async (handler) => {
    const code = await buildHandler(handler);
    expect(code.length).toBeGreaterThan(1000);
    expect(code.length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('leaves the local identity adapter and its signing code out of Lambda bundles', async () => {
    const code = new TextDecoder().decode(await buildHandler('auth/start-sign-in'));
    // Each string below is in the bundle when the local adapter is not dropped (checked by building without the define).
    expect(code).not.toContain('IDP#CHALLENGE#');
    expect(code).not.toContain('scrypt');
    expect(code).not.toContain('SendEmail');
  });
});
