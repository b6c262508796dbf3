// Lets the signed-in customer download one of their licences as a signed .lic file.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { downloadLicenceFile, LICENCE_FILE_TYPE } from '#shared/licences/issue-file.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.downloadLicenceFile, async ({ path, customer: caller }) => {
  return { file: { contentType: LICENCE_FILE_TYPE, ...(await downloadLicenceFile(caller.accountId, path.licenceId)) } };
});
