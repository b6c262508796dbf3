// Whether an access token falls under a revocation: whole seconds on both sides.

import { describe, expect, it } from 'vitest';
import { issuedBeforeRevocation } from '#shared/auth/revocation.ts';

describe('issuedBeforeRevocation', () => {
  it('refuses a token issued in an earlier second than the revocation', () => {
    expect(issuedBeforeRevocation({ iat: '1700000000' }, 1700000001)).toBe(true);
  });

  it('accepts a token issued in the same second as the revocation (a new sign-in right after signing out)', () => {
    expect(issuedBeforeRevocation({ iat: '1700000001' }, 1700000001)).toBe(false);
    expect(issuedBeforeRevocation({ iat: 1700000002 }, 1700000001)).toBe(false);
  });

  it('accepts every token when nothing was revoked, and refuses one without a readable iat when something was', () => {
    expect(issuedBeforeRevocation({ iat: '1700000000' }, undefined)).toBe(false);
    expect(issuedBeforeRevocation({}, 1700000001)).toBe(true);
  });
});
