// Contracts of the licensing API the vendor's software calls with the account's activation key (docs/licensing-api.md).

import { timestamp } from '#shared/api/common.ts';
import { anyone, contract, json } from '#shared/api/contract.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { activationKeySchema, computerIdSchema } from '#shared/licences/schemas.ts';
import * as z from '#shared/validation.ts';

const licensingAnswer = z.strictObject({
  activation: z.strictObject({
    licenceId: z.string(),
    product: z.string(),
    edition: z.string(),
    users: z.number(),
    computerId: z.string(),
    activatedAt: timestamp,
  }),
  /** The signed licence file's text. */
  licenceFile: z.string(),
  fileName: z.string(),
});

export const getPublicKey = contract({
  method: 'GET',
  path: '/api/licensing/public-key',
  summary: "The public key that verifies Atrium's licence files.",
  access: anyone,
  request: {},
  response: json(z.strictObject({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKeyPem: z.string() })),
});

export const activateLicence = contract({
  method: 'POST',
  path: '/api/licensing/activate',
  summary: 'Activates a licence on one computer with the activation key and answers its signed file.',
  access: anyone,
  request: {
    body: z
      .strictObject({
        activationKey: activationKeySchema,
        computerId: computerIdSchema,
        licenceId: z.optional(ulidSchema),
        product: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      })
      .check(
        z.refine((input) => (input.licenceId === undefined) !== (input.product === undefined), {
          message: 'Give either licenceId or product.',
          path: ['licenceId'],
        }),
      ),
  },
  response: json(licensingAnswer),
});

export const refreshLicence = contract({
  method: 'POST',
  path: '/api/licensing/refresh',
  summary: 'The current signed file of a licence activated on this computer (e.g. after a renewal).',
  access: anyone,
  request: { body: z.strictObject({ activationKey: activationKeySchema, computerId: computerIdSchema, licenceId: ulidSchema }) },
  response: json(licensingAnswer),
});
