// A very small history router: the path is the state, pushState moves it, and a notice may ride along to the next page.

import { useEffect, useState } from 'preact/hooks';

/** Something the next page should say, e.g. why the user landed on sign-in. */
export type Notice = 'sessionEnded' | 'signedOut' | 'passwordChanged' | 'emailConfirmed';

export interface Location {
  path: string;
  notice?: Notice;
}

const CHANGE = 'atrium:navigate';

function current(): Location {
  const state = history.state as { notice?: Notice } | null;
  // Trailing slashes are not part of any route: /licences/ is /licences.
  const path = location.pathname.replace(/(.)\/+$/, '$1');
  if (!state?.notice) return { path };
  // A notice is said once: a reload or a later Back to this entry should not repeat it.
  history.replaceState(null, '', location.href);
  return { path, notice: state.notice };
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

/** The one segment after `prefix`, such as the id in /orders/<id>; undefined when the path has another shape. */
export function segmentAfter(prefix: string, path: string): string | undefined {
  const rest = path.startsWith(prefix) ? path.slice(prefix.length) : '';
  if (!rest || rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/** For <a> clicks: a plain left click navigates in place; modified clicks keep the browser's behaviour (new tab etc.). */
export function followLink(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
