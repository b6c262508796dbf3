// The vendor's software fetches the current signed file of a licence activated on its computer (e.g. after a renewal).

import * as z from '#shared/validation.ts';
import { httpHandler, safeFilename } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { refreshOnComputer } from '#shared/licences/licensing-api.ts';
import { activationKeySchema, computerIdSchema } from '#shared/licences/schemas.ts';

const body = z.strictObject({ activationKey: activationKeySchema, computerId: computerIdSchema, licenceId: ulidSchema });

export const handler = httpHandler({ body }, async ({ body, event }) => {
  const { activation, file } = await refreshOnComputer(body, event.requestContext.http.sourceIp);
  return { body: { activation, licenceFile: file.content, fileName: safeFilename(file.filename) } };
});
