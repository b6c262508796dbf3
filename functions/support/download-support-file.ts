// Lets the signed-in customer download one of their support & updates subscriptions as a signed .lic file.

import { httpHandler } from '#shared/http/handler.ts';
import { downloadSupportFile, LICENCE_FILE_TYPE } from '#shared/licences/issue-file.ts';
import * as api from '#shared/api/support.ts';

export const handler = httpHandler(api.downloadSupportFile, async ({ path, customer: caller }) => {
  return { file: { contentType: LICENCE_FILE_TYPE, ...(await downloadSupportFile(caller.accountId, path.subscriptionId)) } };
});
