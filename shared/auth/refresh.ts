// Refreshing a session: new access and ID tokens for the refresh-token cookie. A customer's IP allow-list is checked
// here too (a list saved on another device takes effect on this one at its next refresh at the latest): the person is
// read by the id in the new access token, one GetItem.

import { firstMembership } from '#shared/accounts/membership.ts';
import { getPerson } from '#shared/accounts/person.ts';
import type { PoolName } from '#shared/config.ts';
import { identity } from '#shared/identity/index.ts';
import type { Tokens } from '#shared/identity/port.ts';
import { ipAllowed } from '#shared/security/ip-allow-list.ts';
import { ipNotAllowed } from '#shared/security/ip-refusal.ts';
import { noticeRefusedAddress } from '#shared/security/notices.ts';

/**
 * The `sub` of a token the identity provider has just issued to us (not one a client sent): read, not verified. The
 * refresh token carries no readable user id (Cognito's is encrypted), the new access token does.
 */
function subjectOf(token: string): string {
  const payload = token.split('.')[1];
  const sub = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub : undefined;
  if (typeof sub !== 'string') throw new Error('The identity provider issued an access token without a sub claim.');
  return sub;
}

export async function refreshSession(input: { pool: PoolName; refreshToken: string; sourceIp: string }): Promise<Tokens> {
  const tokens = await (await identity()).refresh({ pool: input.pool, refreshToken: input.refreshToken });
  if (input.pool !== 'customer') return tokens;
  const userId = subjectOf(tokens.accessToken);
  const person = await getPerson(userId);
  if (!ipAllowed(person.ipAllowList, input.sourceIp)) {
    // The cookie is kept: from an allowed address the same session refreshes again.
    const membership = await firstMembership(userId);
    await noticeRefusedAddress({
      userId,
      email: membership?.email ?? person.email ?? '',
      locale: person.locale,
      sourceIp: input.sourceIp,
      accountId: membership?.accountId,
    });
    throw ipNotAllowed(input.sourceIp);
  }
  return tokens;
}
