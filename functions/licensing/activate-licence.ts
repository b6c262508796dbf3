// The vendor's software activates a licence on one computer with the account's activation key and gets its signed file.

import { httpHandler, safeFilename } from '#shared/http/handler.ts';
import { activateOnComputer } from '#shared/licences/licensing-api.ts';
import * as api from '#shared/api/licensing.ts';

export const handler = httpHandler(api.activateLicence, async ({ body, event }) => {
  const { activation, file } = await activateOnComputer(body, event.requestContext.http.sourceIp);
  return { body: { activation, licenceFile: file.content, fileName: safeFilename(file.filename) } };
});
