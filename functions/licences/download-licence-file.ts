// Lets the signed-in customer download one of their licences as a signed .lic file.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { downloadLicenceFile, LICENCE_FILE_TYPE } from '#shared/licences/issue-file.ts';

const path = z.strictObject({ licenceId: ulidSchema });

export const handler = httpHandler({ path }, async ({ path, event }) => {
  const caller = await customerCaller(event);
  return { file: { contentType: LICENCE_FILE_TYPE, ...(await downloadLicenceFile(caller.accountId, path.licenceId)) } };
});
