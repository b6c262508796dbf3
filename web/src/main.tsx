// The portal's entry: language, routes, and where a lost session sends the user.

import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isSignedIn, lastRefusal, onUnauthorized, restoreSession, type Pool } from './api.ts';
import { applyBrand } from './brand.ts';
import { signInPath } from './components.tsx';
import { I18nContext, initialLocale, makeI18n, rememberLocale, type Locale } from './i18n.ts';
import { NotFoundPage } from './pages/NotFound.tsx';
import { forgetNotice, matchRoute, navigate, signInReturningTo, useLocation } from './router.ts';
import { webRoutes } from './routes.tsx';
import { viewingAs } from './view-as.ts';
import './styles.css';

/** Where the user is now, to come back to after signing in again. */
const here = () => `${location.pathname}${location.search}${location.hash}`;

onUnauthorized((pool) => navigate(signInReturningTo(signInPath[pool], here()), { replace: true, notice: 'sessionEnded' }));

/**
 * Pages behind a sign-in. Without a token in memory (a reload, a new tab), the session is restored silently from the
 * refresh-token cookie; only when that fails does the page go to its pool's sign-in.
 */
function Protected(props: { pool: Pool; children: ComponentChildren }) {
  const [signedIn, setSignedIn] = useState(() => isSignedIn(props.pool));
  useEffect(() => {
    if (signedIn) return;
    let live = true;
    void restoreSession(props.pool).then((restored) => {
      if (!live) return;
      if (restored) setSignedIn(true);
      else {
        // An address the person's IP allow-list shuts out: say so on the sign-in page rather than nothing.
        const notice = lastRefusal(props.pool) === 'IP_NOT_ALLOWED' ? 'ipNotAllowed' : undefined;
        navigate(signInReturningTo(signInPath[props.pool], here()), { replace: true, ...(notice ? { notice } : {}) });
      }
    });
    return () => {
      live = false;
    };
  }, [signedIn, props.pool]);
  return signedIn ? props.children : null;
}

function Routes() {
  const where = useLocation();
  const { path, notice } = where;
  const first = useRef(true);

  useEffect(() => {
    if (where.notice) forgetNotice();
  }, [where]);

  // Tell screen readers (and the keyboard) that the page changed: focus its heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);

  const found = matchRoute(webRoutes, path);
  if (!found) return <NotFoundPage staff={path === '/admin' || path.startsWith('/admin/')} />;
  const page = found.route.page({ params: found.params, notice });
  if (found.route.guard === 'public') return page;
  // A staff user viewing a customer's pages holds a staff session, not a customer one.
  const pool = found.route.guard === 'customer' && viewingAs() ? 'staff' : found.route.guard;
  return <Protected pool={pool}>{page}</Protected>;
}

function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const i18n = useMemo(
    () =>
      makeI18n(locale, (next) => {
        rememberLocale(next);
        setLocale(next);
      }),
    [locale],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nContext.Provider value={i18n}>
      <Routes />
    </I18nContext.Provider>
  );
}

applyBrand();
const root = document.getElementById('app');
if (root) render(<App />, root);
