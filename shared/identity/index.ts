// Picks the identity adapter once, from config.

import { config } from '#shared/config.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';

export async function identity(): Promise<IdentityProvider> {
  // Lambda bundles define ATRIUM_BUNDLE_TARGET as "lambda", so this branch and the local adapter
  // (its signing keys, jose, the SES client) are dropped from them at build time (infra/bundling/handler-bundling.ts).
  if (process.env.ATRIUM_BUNDLE_TARGET !== 'lambda' && config().identityAdapter === 'local') {
    return (await import('#shared/identity/local.ts')).localIdentity;
  }
  // The Cognito adapter lands with the accounts issue (#3); until then a deployed stage cannot sign in.
  throw new Error('The Cognito identity adapter is not built yet (issue #3).');
}
