// The vendor's software fetches the current signed file of a licence activated on its computer (e.g. after a renewal).

import { httpHandler, safeFilename } from '#shared/http/handler.ts';
import { refreshOnComputer } from '#shared/licences/licensing-api.ts';
import * as api from '#shared/api/licensing.ts';

export const handler = httpHandler(api.refreshLicence, async ({ body, event }) => {
  const { activation, file } = await refreshOnComputer(body, event.requestContext.http.sourceIp);
  return { body: { activation, licenceFile: file.content, fileName: safeFilename(file.filename) } };
});
