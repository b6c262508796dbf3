// The refresh token lives in an HttpOnly, Secure, SameSite=Strict cookie on the portal's origin, scoped to its pool's
// auth routes: page scripts never see it, other sites never send it, and the two pools' cookies never mix.

import type { PoolName } from '#shared/config.ts';
import type { HttpEvent } from '#shared/http/handler.ts';

/** As long as the pools' refresh tokens live (infra/config.ts: 30 days for customers, 12 hours for staff). */
const MAX_AGE_SECONDS: Record<PoolName, number> = { customer: 30 * 24 * 3600, staff: 12 * 3600 };

const cookieName = (pool: PoolName) => `atrium_refresh_${pool}`;
const cookiePath = (pool: PoolName) => `/api/auth/${pool}`;

export function refreshCookie(pool: PoolName, refreshToken: string): string {
  return `${cookieName(pool)}=${refreshToken}; Path=${cookiePath(pool)}; Max-Age=${MAX_AGE_SECONDS[pool]}; HttpOnly; Secure; SameSite=Strict`;
}

export function clearedRefreshCookie(pool: PoolName): string {
  return `${cookieName(pool)}=; Path=${cookiePath(pool)}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/** The refresh token the browser sent, if any (HTTP API payload 2.0 lists cookies as `name=value` strings). */
export function refreshTokenFrom(event: HttpEvent, pool: PoolName): string | undefined {
  const prefix = `${cookieName(pool)}=`;
  const value = event.cookies?.find((cookie) => cookie.startsWith(prefix))?.slice(prefix.length);
  return value ? value : undefined;
}
