// The portal's declarative routes and the `next` page after sign-in: only paths of this site, of the pool's own part.

import { describe, expect, it } from 'vitest';
import { matchPath, matchRoute, safeNextPath, signInReturningTo } from '../../web/src/router.ts';

const origin = 'https://portal.example';

describe('web routes', () => {
  it('matches literal paths and decodes parameters', () => {
    expect(matchPath('/orders/:orderId', '/orders/01J%2FX')).toEqual({ orderId: '01J/X' });
    expect(matchPath('/orders', '/orders')).toEqual({});
    expect(matchPath('/orders/:orderId', '/orders/')).toBeUndefined();
    expect(matchPath('/orders/:orderId', '/orders/a/b')).toBeUndefined();
    expect(matchPath('/orders/:orderId', '/orders/%E0%A4%A')).toBeUndefined();
  });

  it('takes the first route that matches, so literal pages come before parameters', () => {
    const table = [{ path: '/admin/orders/new' }, { path: '/admin/orders/:accountId/:orderId' }, { path: '/admin/orders/:x' }];
    expect(matchRoute(table, '/admin/orders/new')?.route.path).toBe('/admin/orders/new');
    expect(matchRoute(table, '/admin/orders/acc/ord')?.params).toEqual({ accountId: 'acc', orderId: 'ord' });
    expect(matchRoute(table, '/nowhere')).toBeUndefined();
  });
});

describe('the page after sign-in', () => {
  it('returns to a page of the same site and pool, with its query', () => {
    expect(safeNextPath('/orders/01JX?sort=asc', 'customer', origin)).toBe('/orders/01JX?sort=asc');
    expect(safeNextPath('/admin/orders/a/b', 'staff', origin)).toBe('/admin/orders/a/b');
  });

  it.each([
    '//evil.example',
    '//evil.example/orders',
    'https://evil.example',
    'https://evil.example/orders',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0d%0a//evil.example'.replace('%0d%0a', '\r\n'),
    'orders',
    '',
  ])('drops %j, which could leave the portal', (next) => {
    expect(safeNextPath(next, 'customer', origin)).toBeUndefined();
  });

  it("drops the other pool's pages and sign-in pages", () => {
    expect(safeNextPath('/admin/customers', 'customer', origin)).toBeUndefined();
    expect(safeNextPath('/licences', 'staff', origin)).toBeUndefined();
    expect(safeNextPath('/sign-in', 'customer', origin)).toBeUndefined();
    expect(safeNextPath('/admin', 'staff', origin)).toBeUndefined();
  });

  it('adds `next` to the sign-in address only for a page worth coming back to', () => {
    expect(signInReturningTo('/sign-in', '/orders/01JX')).toBe('/sign-in?next=%2Forders%2F01JX');
    expect(signInReturningTo('/sign-in', '/sign-in?next=%2Forders')).toBe('/sign-in');
    expect(signInReturningTo('/admin/sign-in', undefined)).toBe('/admin/sign-in');
  });
});
