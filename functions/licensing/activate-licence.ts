// The vendor's software activates a licence on one computer with the account's activation key and gets its signed file.

import * as z from '#shared/validation.ts';
import { httpHandler, safeFilename } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { activateOnComputer } from '#shared/licences/licensing-api.ts';
import { activationKeySchema, computerIdSchema } from '#shared/licences/schemas.ts';

const body = z
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
  );

export const handler = httpHandler({ body }, async ({ body, event }) => {
  const { activation, file } = await activateOnComputer(body, event.requestContext.http.sourceIp);
  return { body: { activation, licenceFile: file.content, fileName: safeFilename(file.filename) } };
});
