// The customer's role in the account they act for (from GET /api/me), read once per person and account, so the
// navigation can hide the areas the role cannot use. The server still refuses them (403 ROLE_NOT_ALLOWED).

import { type CustomerRole, ROLE_AREAS } from '#shared/accounts/roles.ts';
import { useEffect, useState } from 'preact/hooks';
import { api, request, sessionUserId } from './api.ts';
import { chosenAccount } from './chosen-account.ts';
import { viewingAs } from './view-as.ts';

/** What the navigation needs of the account: the person's role, and whether the account is a distributor (issue #15). */
interface NavFacts {
  role: CustomerRole;
  distributor: boolean;
}

let cached: { key: string; facts: Promise<NavFacts | null> } | undefined;

function cacheKey(): string {
  const viewing = viewingAs();
  return viewing ? `view-as:${viewing.accountId}` : `${sessionUserId('customer') ?? ''}:${chosenAccount() ?? ''}`;
}

function navFacts(): Promise<NavFacts | null> {
  const key = cacheKey();
  if (cached?.key === key) return cached.facts;
  const facts = request(api.account.getMyAccount, {}).then(
    (me) => ({ role: me.role, distributor: me.account.distributor === true }),
    () => {
      // Not kept: the next page asks again.
      cached = undefined;
      return null;
    },
  );
  cached = { key, facts };
  return facts;
}

/** The facts; `undefined` while they are read; `null` when they could not be. */
function useNavFacts(): NavFacts | null | undefined {
  const [facts, setFacts] = useState<NavFacts | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void navFacts().then((value) => {
      if (live) setFacts(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return facts;
}

/**
 * The role; `undefined` while it is read; `null` when it could not be (then every area shows and the server decides).
 */
export function useMyRole(): CustomerRole | null | undefined {
  const facts = useNavFacts();
  return facts === undefined ? undefined : (facts?.role ?? null);
}

/** Whether the account is a distributor: its clients' pages are in the navigation (false while unknown). */
export function useIsDistributor(): boolean {
  return useNavFacts()?.distributor === true;
}

/** Whether the role may buy and pay (ROLE_AREAS.billingWrite): the server refuses others with 403. */
export function mayPayWith(role: CustomerRole | null | undefined): boolean {
  return role !== undefined && role !== null && (ROLE_AREAS.billingWrite as readonly CustomerRole[]).includes(role);
}
