// How many lines the account's cart holds, for the header's cart link: read once per person and account (GET /api/cart)
// and then kept by the shop's pages, which tell it after every change, so the link never asks again while one browses.

import { useEffect, useState } from 'preact/hooks';
import { ROLE_AREAS, type CustomerRole } from '#shared/accounts/roles.ts';
import { api, request, sessionUserId } from './api.ts';
import { chosenAccount } from './chosen-account.ts';
import { useI18n } from './i18n.ts';
import { viewingAs } from './view-as.ts';

let known: { key: string; lines: number } | undefined;
let reading: string | undefined;
const listeners = new Set<() => void>();

function cacheKey(): string {
  const viewing = viewingAs();
  return viewing ? `view-as:${viewing.accountId}` : `${sessionUserId('customer') ?? ''}:${chosenAccount() ?? ''}`;
}

/** The shop's pages call this with every cart they receive. */
export function cartLinesChanged(lines: number): void {
  known = { key: cacheKey(), lines };
  for (const listener of listeners) listener();
}

/** The number of lines, for roles that may see the cart; `undefined` until known (or for other roles). */
export function useCartLines(role: CustomerRole | null | undefined): number | undefined {
  const [, setTick] = useState(0);
  const allowed = role !== undefined && role !== null && (ROLE_AREAS.billingRead as readonly CustomerRole[]).includes(role);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    const key = cacheKey();
    if (!allowed || known?.key === key || reading === key) return;
    reading = key;
    request(api.shop.getCart, {}).then(
      (cart) => cartLinesChanged(cart.lines.length),
      // The link then shows without a count; the cart page says what went wrong.
      () => undefined,
    );
  }, [allowed]);
  return allowed && known?.key === cacheKey() ? known.lines : undefined;
}

/** The cart link's words: "Cart" and the count as a badge, read by screen readers as "Cart, 2 products". */
export function CartLinkContent(props: { lines: number | undefined }) {
  const { t } = useI18n();
  if (props.lines === undefined) return <>{t.nav.cart}</>;
  return (
    <>
      <span aria-hidden="true">
        {t.nav.cart} <span class="badge cart-count">{props.lines}</span>
      </span>
      <span class="visually-hidden">{t.shop.cartLink(props.lines)}</span>
    </>
  );
}
