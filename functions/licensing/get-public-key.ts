// Publishes the public key that verifies Atrium's licence files, for the vendor's software and for customers.

import { httpHandler } from '#shared/http/handler.ts';
import { licenceKeyId } from '#shared/licences/licence-file.ts';
import { licencePublicKeyPem } from '#shared/licences/signing-key.ts';
import * as api from '#shared/api/licensing.ts';

export const handler = httpHandler(api.getPublicKey, async () => {
  const publicKeyPem = await licencePublicKeyPem();
  return { body: { algorithm: 'Ed25519' as const, keyId: licenceKeyId(publicKeyPem), publicKeyPem } };
});
