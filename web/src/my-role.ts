// The customer's role in the account they act for (from GET /api/me), read once per person and account, so the
// navigation can hide the areas the role cannot use. The server still refuses them (403 ROLE_NOT_ALLOWED).
// With it, whether the account is a distributor and who its distributor is (GET /api/me/distributor): the pages that
// show a client filter or the "your distributor orders these" notice above their lists wait for these facts
// (AfterAccountFacts), so neither pushes the list down when it arrives.

import { type CustomerRole, ROLE_AREAS } from '#shared/accounts/roles.ts';
import { useEffect, useState } from 'preact/hooks';
import { api, type ReplyOf, request, sessionUserId } from './api.ts';
import { chosenAccount } from './chosen-account.ts';
import { viewingAs } from './view-as.ts';

/**
 * What the pages need of the account before they lay themselves out: the person's role, whether the account is a
 * distributor, and the distributor that orders its renewals and upgrades, if it has one (issue #15).
 */
export interface AccountFacts {
  role: CustomerRole;
  distributor: boolean;
  /** Its distributor; absent when it has none; `null` when that could not be read (then nothing may assume it has none). */
  orderedBy?: ReplyOf<typeof api.distributors.getMyDistributor>['distributor'] | null;
}

/** The facts of one person and account: the read, and once it has answered, its value (a later page starts from it). */
let cached: { key: string; facts: Promise<AccountFacts | null>; known?: AccountFacts | null } | undefined;

function cacheKey(): string {
  const viewing = viewingAs();
  return viewing ? `view-as:${viewing.accountId}` : `${sessionUserId('customer') ?? ''}:${chosenAccount() ?? ''}`;
}

function readAccountFacts(): Promise<AccountFacts | null> {
  const key = cacheKey();
  if (cached?.key === key) return cached.facts;
  const entry: NonNullable<typeof cached> = {
    key,
    facts: Promise.all([
      request(api.account.getMyAccount, {}),
      // Without it the pages miss the notice and offer no client-only controls; the API refuses a client's order anyway.
      request(api.distributors.getMyDistributor, {}).catch(() => ({ distributor: null })),
    ]).then(
      ([me, mine]) => {
        const facts: AccountFacts = {
          role: me.role,
          distributor: me.account.distributor === true,
          ...(mine.distributor !== undefined ? { orderedBy: mine.distributor } : {}),
        };
        entry.known = facts;
        return facts;
      },
      () => {
        // Not kept: the next page asks again.
        if (cached === entry) cached = undefined;
        return null;
      },
    ),
  };
  cached = entry;
  return entry.facts;
}

/** The facts; `undefined` while they are read; `null` when they could not be. Known facts are there from the first paint. */
export function useAccountFacts(): AccountFacts | null | undefined {
  const [facts, setFacts] = useState<AccountFacts | null | undefined>(() => (cached?.key === cacheKey() ? cached.known : undefined));
  useEffect(() => {
    let live = true;
    void readAccountFacts().then((value) => {
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
  return roleIn(useAccountFacts());
}

/** The role in facts a page has read already (`undefined` while they are read, `null` when they could not be). */
export function roleIn(facts: AccountFacts | null | undefined): CustomerRole | null | undefined {
  return facts === undefined ? undefined : (facts?.role ?? null);
}

/** Whether the account is a distributor: its clients' pages are in the navigation (false while unknown). */
export function useIsDistributor(): boolean {
  return useAccountFacts()?.distributor === true;
}

/** Whether the role may buy and pay (ROLE_AREAS.billingWrite): the server refuses others with 403. */
export function mayPayWith(role: CustomerRole | null | undefined): boolean {
  return role !== undefined && role !== null && (ROLE_AREAS.billingWrite as readonly CustomerRole[]).includes(role);
}
