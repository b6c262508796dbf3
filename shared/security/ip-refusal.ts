// The answer to an address that is not on the person's IP allow-list, wherever it is checked (every customer call,
// sign-in, refresh): 403 IP_NOT_ALLOWED. Kept apart from the notice (shared/security/notices.ts), which only
// customerCaller imports, lazily.

import { ForbiddenError } from '#shared/http/errors.ts';

export function ipNotAllowed(sourceIp: string): ForbiddenError {
  return new ForbiddenError(
    `Your IP address (${sourceIp}) is not on your allow-list. Sign in from an allowed address, or ask the vendor's support to clear the list.`,
    'IP_NOT_ALLOWED',
  );
}
