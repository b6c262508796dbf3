// Picks the identity adapter once, from config.

import { config } from '#shared/config.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';
import { localIdentity } from '#shared/identity/local.ts';

export function identity(): IdentityProvider {
  if (config().identityAdapter === 'local') return localIdentity;
  // The Cognito adapter lands with the accounts issue (#3); until then a deployed stage cannot sign in.
  throw new Error('The Cognito identity adapter is not built yet (issue #3).');
}
