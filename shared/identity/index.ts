// Picks the identity adapter once, from config.

import { config } from '#shared/config.ts';
import { cognitoIdentity } from '#shared/identity/cognito.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';

export async function identity(): Promise<IdentityProvider> {
  // Lambda bundles define ATRIUM_BUNDLE_TARGET as "lambda", so this branch and the local adapter
  // (its signing keys, jose, the SES client) are dropped from them at build time (infra/bundling/handler-bundling.ts).
  if (process.env.ATRIUM_BUNDLE_TARGET !== 'lambda' && config().identityAdapter === 'local') {
    return (await import('#shared/identity/local.ts')).localIdentity;
  }
  // Imported statically: handlers that do not import this module do not carry the Cognito adapter or its client.
  return cognitoIdentity;
}
