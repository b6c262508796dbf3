// The portal's entry: language, routes, and where a lost session sends the user.

import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isSignedIn, onUnauthorized, restoreSession, type Pool } from './api.ts';
import { signInPath } from './components.tsx';
import { I18nContext, initialLocale, makeI18n, rememberLocale, type Locale } from './i18n.ts';
import { CustomersPage } from './pages/Customers.tsx';
import { AdminOrderDetailPage } from './pages/AdminOrderDetail.tsx';
import { AdminOrdersPage } from './pages/AdminOrders.tsx';
import { NewOrderPage } from './pages/NewOrder.tsx';
import { LicenceDetailPage } from './pages/LicenceDetail.tsx';
import { LicencesPage } from './pages/Licences.tsx';
import { NotFoundPage } from './pages/NotFound.tsx';
import { OrderDetailPage } from './pages/OrderDetail.tsx';
import { OrdersPage } from './pages/Orders.tsx';
import { ConfirmEmailPage } from './pages/ConfirmEmail.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordReset.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { SignUpPage } from './pages/SignUp.tsx';
import { SupportPage } from './pages/Support.tsx';
import { SupportFileButton } from './download.tsx';
import { navigate, segmentAfter, useLocation } from './router.ts';
import './styles.css';

onUnauthorized((pool) => navigate(signInPath[pool], { replace: true, notice: 'sessionEnded' }));

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
      else navigate(signInPath[props.pool], { replace: true });
    });
    return () => {
      live = false;
    };
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
    case '/support':
      return (
        <Protected pool="customer">
          <SupportPage fileAction={(subscription) => <SupportFileButton subscription={subscription} />} />
        </Protected>
      );
    case '/orders':
      return (
        <Protected pool="customer">
          <OrdersPage />
        </Protected>
      );
    case '/sign-up':
      return <SignUpPage />;
    case '/confirm-email':
      return <ConfirmEmailPage />;
    case '/forgot-password':
      return <ForgotPasswordPage key="customer" pool="customer" />;
    case '/reset-password':
      return <ResetPasswordPage key="customer" pool="customer" />;
    case '/admin/forgot-password':
      return <ForgotPasswordPage key="staff" pool="staff" />;
    case '/admin/reset-password':
      return <ResetPasswordPage key="staff" pool="staff" />;
    case '/admin':
    case '/admin/sign-in':
      return <SignInPage key="staff" pool="staff" notice={notice} />;
    case '/admin/customers':
      return (
        <Protected pool="staff">
          <CustomersPage />
        </Protected>
      );
    case '/admin/orders':
      return (
        <Protected pool="staff">
          <AdminOrdersPage />
        </Protected>
      );
    case '/admin/orders/new':
      return (
        <Protected pool="staff">
          <NewOrderPage />
        </Protected>
      );
    default: {
      // Detail pages, keyed by their id so that moving from one to another starts afresh.
      const licenceId = segmentAfter('/licences/', path);
      if (licenceId) {
        return (
          <Protected pool="customer">
            <LicenceDetailPage key={licenceId} licenceId={licenceId} />
          </Protected>
        );
      }
      const orderId = segmentAfter('/orders/', path);
      if (orderId) {
        return (
          <Protected pool="customer">
            <OrderDetailPage key={orderId} orderId={orderId} />
          </Protected>
        );
      }
      // Staff order detail: /admin/orders/<accountId>/<orderId>.
      const staffOrder = /^\/admin\/orders\/([^/]+)\/([^/]+)$/.exec(path);
      if (staffOrder) {
        const [accountId, orderId] = [staffOrder[1]!, staffOrder[2]!].map((segment) => {
          try {
            return decodeURIComponent(segment);
          } catch {
            return segment;
          }
        }) as [string, string];
        return (
          <Protected pool="staff">
            <AdminOrderDetailPage key={path} accountId={accountId} orderId={orderId} />
          </Protected>
        );
      }
      return <NotFoundPage staff={path.startsWith('/admin')} />;
    }
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
