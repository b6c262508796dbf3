// The portal's entry: language, routes, and where a lost session sends the user.

import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isSignedIn, onUnauthorized, type Pool } from './api.ts';
import { signInPath } from './components.tsx';
import { I18nContext, initialLocale, makeI18n, rememberLocale, type Locale } from './i18n.ts';
import { CustomersPage } from './pages/Customers.tsx';
import { LicencesPage } from './pages/Licences.tsx';
import { NotFoundPage } from './pages/NotFound.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { navigate, useLocation } from './router.ts';
import './styles.css';

onUnauthorized((pool) => navigate(signInPath[pool], { replace: true, notice: 'sessionEnded' }));

/** Pages behind a sign-in: without a token, go to that pool's sign-in first. */
function Protected(props: { pool: Pool; children: ComponentChildren }) {
  const signedIn = isSignedIn(props.pool);
  useEffect(() => {
    if (!signedIn) navigate(signInPath[props.pool], { replace: true });
  }, [signedIn, props.pool]);
  return signedIn ? <>{props.children}</> : null;
}

function Routes() {
  const { path, notice } = useLocation();
  const first = useRef(true);

  // Tell screen readers (and the keyboard) that the page changed: focus its heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);

  switch (path) {
    case '/':
    case '/sign-in':
      return <SignInPage key="customer" pool="customer" notice={notice} />;
    case '/licences':
      return (
        <Protected pool="customer">
          <LicencesPage />
        </Protected>
      );
    case '/admin':
    case '/admin/sign-in':
      return <SignInPage key="staff" pool="staff" notice={notice} />;
    case '/admin/customers':
      return (
        <Protected pool="staff">
          <CustomersPage />
        </Protected>
      );
    default:
      return <NotFoundPage staff={path.startsWith('/admin')} />;
  }
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

const root = document.getElementById('app');
if (root) render(<App />, root);
