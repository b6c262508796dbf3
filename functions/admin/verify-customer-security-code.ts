// Staff: checks the security code a customer reads on the phone against the one they set (match or not), audited.

import { staffVerifySecurityCode } from '#shared/security/security-code.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/security-code.ts';

export const handler = httpHandler(api.staffVerifySecurityCode, async ({ path, body, audit }) => {
  return { body: await staffVerifySecurityCode({ ...path, code: body.code, commit: audit.commit }) };
});
