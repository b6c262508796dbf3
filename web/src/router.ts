// A very small history router: the path is the state, pushState moves it, and a notice may ride along to the next page.
// Routes are declared as a table (web/src/routes.tsx); `matchRoute` finds the one for a path and its parameters.

import { useEffect, useState } from 'preact/hooks';

/** Something the next page should say, e.g. why the user landed on sign-in. */
export type Notice = 'sessionEnded' | 'signedOut' | 'passwordChanged' | 'emailConfirmed' | 'ipNotAllowed' | 'signedOutEverywhere';

export interface Location {
  path: string;
  notice?: Notice;
}

const CHANGE = 'atrium:navigate';

function current(): Location {
  const state = history.state as { notice?: Notice } | null;
  // Trailing slashes are not part of any route: /licences/ is /licences.
  const path = location.pathname.replace(/(.)\/+$/, '$1');
  return state?.notice ? { path, notice: state.notice } : { path };
}

/**
 * A notice is said once: after the page showing it has rendered, the history entry forgets it, so a reload or a later
 * Back does not repeat it. Reading stays free of this side effect because several components read the location.
 */
export function forgetNotice(): void {
  if ((history.state as { notice?: Notice } | null)?.notice) history.replaceState(null, '', location.href);
}

export function navigate(path: string, options: { replace?: boolean; notice?: Notice } = {}): void {
  const state = options.notice ? { notice: options.notice } : null;
  if (options.replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): Location {
  const [where, setWhere] = useState(current);
  useEffect(() => {
    const update = () => setWhere(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return where;
}

/**
 * Matches a path against a route pattern such as `/orders/:orderId`: literal segments exactly, each `:name` one
 * non-empty segment, percent-decoded. Undefined when the path has another shape or a segment cannot be decoded.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const segment = have[index]!;
    if (!part.startsWith(':')) {
      if (part !== segment) return undefined;
      continue;
    }
    if (segment === '') return undefined;
    try {
      params[part.slice(1)] = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** The first route whose pattern matches the path, with its parameters. */
export function matchRoute<R extends { path: string }>(
  table: readonly R[],
  path: string,
): { route: R; params: Record<string, string> } | undefined {
  for (const route of table) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

/**
 * Where to go after signing in: the `next` the sign-in page was given, if it is a path of this very site and of the
 * pool's own part of it (staff pages under /admin, customer pages elsewhere). Anything else (another origin, `//host`,
 * a backslash trick, a sign-in page itself) is dropped, so the parameter can never send anyone away from the portal.
 */
export function safeNextPath(raw: string | null | undefined, pool: 'customer' | 'staff', origin: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a safe path must not hold.
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const staffPath = url.pathname === '/admin' || url.pathname.startsWith('/admin/');
  if (staffPath !== (pool === 'staff')) return undefined;
  if (['/', '/sign-in', '/admin', '/admin/sign-in'].includes(url.pathname.replace(/(.)\/+$/, '$1'))) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page of a pool that leads back to `next` (a path of this site) afterwards. */
export function signInReturningTo(signInPath: string, next: string | undefined): string {
  // Coming back to a sign-in page (its session ended while it was open) needs no `next`.
  const pathname = next?.split(/[?#]/)[0] ?? '';
  return next && !['/', '/sign-in', '/admin', '/admin/sign-in'].includes(pathname)
    ? `${signInPath}?next=${encodeURIComponent(next)}`
    : signInPath;
}

/** For <a> clicks: a plain left click navigates in place; modified clicks keep the browser's behaviour (new tab etc.). */
export function followLink(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
