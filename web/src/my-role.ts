// The customer's role in the account they act for (from GET /api/me), read once per person and account, so the
// navigation can hide the areas the role cannot use. The server still refuses them (403 ROLE_NOT_ALLOWED).

import type { CustomerRole } from '#shared/accounts/roles.ts';
import { useEffect, useState } from 'preact/hooks';
import { api, request, sessionUserId } from './api.ts';
import { chosenAccount } from './chosen-account.ts';
import { viewingAs } from './view-as.ts';

let cached: { key: string; role: Promise<CustomerRole | null> } | undefined;

function cacheKey(): string {
  const viewing = viewingAs();
  return viewing ? `view-as:${viewing.accountId}` : `${sessionUserId('customer') ?? ''}:${chosenAccount() ?? ''}`;
}

function myRole(): Promise<CustomerRole | null> {
  const key = cacheKey();
  if (cached?.key === key) return cached.role;
  const role = request(api.account.getMyAccount, {}).then(
    (me) => me.role,
    () => {
      // Not kept: the next page asks again.
      cached = undefined;
      return null;
    },
  );
  cached = { key, role };
  return role;
}

/**
 * The role; `undefined` while it is read; `null` when it could not be (then every area shows and the server decides).
 */
export function useMyRole(): CustomerRole | null | undefined {
  const [role, setRole] = useState<CustomerRole | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void myRole().then((value) => {
      if (live) setRole(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return role;
}
