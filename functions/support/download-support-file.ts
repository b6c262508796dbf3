// Lets the signed-in customer download one of their support & updates subscriptions as a signed .lic file.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { downloadSupportFile, LICENCE_FILE_TYPE } from '#shared/licences/issue-file.ts';
import * as api from '#shared/api/support.ts';

export const handler = customerHttpHandler(api.downloadSupportFile, async ({ path, customer: caller }) => {
  return { file: { contentType: LICENCE_FILE_TYPE, ...(await downloadSupportFile(caller.accountId, path.subscriptionId)) } };
});
