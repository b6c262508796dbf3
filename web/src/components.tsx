// Pieces every page shares: the frame with header and language switch, titles, alerts and the paged-list loader.

import type { ComponentChildren, RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort, sessionGroups, signOut, type Page, type PageRequest, type Pool, type SortOrder } from './api.ts';
import { ROLE_AREAS, type CustomerRole } from '#shared/accounts/roles.ts';
import { webBrand } from './brand.ts';
import { locales, useI18n, type Locale, type Messages } from './i18n.ts';
import { type AccountFacts, useAccountFacts, useIsDistributor, useMyRole } from './my-role.ts';
import { followLink, navigate, useLocation } from './router.ts';
import { stopViewingAs, type ViewingAs, viewingAs } from './view-as.ts';
import { AccountSwitch } from './account-switch.tsx';
import { CartLinkContent, useCartLines } from './cart-count.tsx';

export const PAGE_SIZE = 25;

export const signInPath: Record<Pool, string> = { customer: '/sign-in', staff: '/admin/sign-in' };

export function useTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · ${webBrand.productName}`;
  }, [page]);
}

export function Link(props: { href: string; class?: string; current?: 'page' | 'true' | undefined; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} aria-current={props.current} onClick={(event) => followLink(event, props.href)}>
      {props.children}
    </a>
  );
}

/** A labelled choice of one of the portal's languages, each named in itself. */
export function LocaleSelect(props: { id: string; label: string; class: string; value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useI18n();
  return (
    <div class={props.class}>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as Locale)}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {t.languages[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return <LocaleSelect id="language" label={t.app.language} class="language" value={locale} onChange={setLocale} />;
}

/** A link of the navigation; `roles`: only people with one of these roles in the account see it. */
interface NavLink {
  href: string;
  label: string;
  /** What the link shows instead of the bare label (the cart's count). */
  content?: ComponentChildren;
  roles?: readonly CustomerRole[];
}

/**
 * The customer's areas, in the order a hosting panel lists them. A later area (invoices, tickets, services) is one line
 * here, with the roles of its routes (ROLE_AREAS), once its page exists.
 */
function customerAreas(t: Messages, cartLines: number | undefined, distributor: boolean): NavLink[] {
  return [
    { href: '/home', label: t.home.nav.home },
    { href: '/licences', label: t.nav.licences, roles: ROLE_AREAS.technicalRead },
    // A distributor's clients and their licences (issue #15).
    ...(distributor ? [{ href: '/distributor/clients', label: t.distributors.nav, roles: ROLE_AREAS.technicalRead }] : []),
    { href: '/support', label: t.nav.support, roles: ROLE_AREAS.technicalRead },
    // Services over time (issue #15): subscriptions with paid-until, renewals, plan changes; upgrades of owned licences.
    { href: '/services', label: t.nav.services, roles: ROLE_AREAS.servicesRead },
    { href: '/upgrades', label: t.nav.upgrades, roles: ROLE_AREAS.billingRead },
    { href: '/orders', label: t.nav.orders, roles: ROLE_AREAS.billingRead },
    { href: '/shop', label: t.nav.shop, roles: ROLE_AREAS.billingRead },
    { href: '/cart', label: t.nav.cart, content: <CartLinkContent lines={cartLines} />, roles: ROLE_AREAS.billingRead },
    { href: '/invoices', label: t.nav.invoices, roles: ROLE_AREAS.billingRead },
    { href: '/balance', label: t.nav.balance, roles: ROLE_AREAS.billingRead },
    { href: '/contracts', label: t.nav.contracts, roles: ROLE_AREAS.technicalRead },
    { href: '/tickets', label: t.nav.tickets, roles: ROLE_AREAS.ticketRead },
    { href: '/knowledge', label: t.nav.knowledge },
  ];
}

/** The person's own account: settings, the people of the account, and what staff did on it. */
function accountLinks(t: Messages): NavLink[] {
  return [
    { href: '/account/profile', label: t.home.nav.profile },
    { href: '/account/people', label: t.home.nav.people },
    { href: '/account/notifications', label: t.home.nav.notifications },
    { href: '/account/security', label: t.home.nav.security },
    { href: '/activity', label: t.nav.activity },
  ];
}

/** Whether a link is shown for this role; while the role is read (`undefined`), role-bound links wait. */
function visibleFor(role: CustomerRole | null | undefined) {
  return (link: NavLink) => !link.roles || role === null || (role !== undefined && link.roles.includes(role));
}

function currentOf(path: string, href: string): 'page' | 'true' | undefined {
  return path === href ? 'page' : path.startsWith(`${href}/`) ? 'true' : undefined;
}

function NavLinks(props: { links: readonly NavLink[]; path: string }) {
  return (
    <>
      {props.links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} current={currentOf(props.path, link.href)}>
            {link.content ?? link.label}
          </Link>
        </li>
      ))}
    </>
  );
}

/**
 * A pool's navigation. On a wide screen, one row, with the account's pages behind an "Account" button; on a narrow one
 * (styles.css), hidden behind the header's "Menu" button, every link in one column, the account's pages grouped.
 * A detail page (/orders/...) marks its section as current too.
 */
function SiteNav(props: {
  id: string;
  label: string;
  open: boolean;
  links: readonly NavLink[];
  group?: { label: string; links: readonly NavLink[] };
}) {
  const { path } = useLocation();
  const [groupOpen, setGroupOpen] = useState(false);
  const groupCurrent = props.group?.links.some((link) => currentOf(path, link.href) !== undefined) ?? false;
  useEffect(() => setGroupOpen(false), [path]);
  return (
    <nav id={props.id} class={props.open ? 'site-nav open' : 'site-nav'} aria-label={props.label}>
      <ul>
        <NavLinks links={props.links} path={path} />
        {props.group && (
          <li
            class="nav-group"
            onKeyDown={(event) => {
              if (event.key === 'Escape') setGroupOpen(false);
            }}
          >
            <button
              type="button"
              class={groupCurrent ? 'nav-group-button current' : 'nav-group-button'}
              aria-expanded={groupOpen}
              aria-controls={`${props.id}-group`}
              onClick={() => setGroupOpen(!groupOpen)}
            >
              {props.group.label}
            </button>
            <ul id={`${props.id}-group`} class={groupOpen ? 'nav-submenu open' : 'nav-submenu'}>
              <NavLinks links={props.group.links} path={path} />
            </ul>
          </li>
        )}
      </ul>
    </nav>
  );
}

function CustomerNav(props: { open: boolean }) {
  const { t } = useI18n();
  const role = useMyRole();
  const cartLines = useCartLines(role);
  const distributor = useIsDistributor();
  const show = visibleFor(role);
  return (
    <SiteNav
      id="site-nav"
      label={t.nav.label}
      open={props.open}
      links={customerAreas(t, cartLines, distributor).filter(show)}
      group={{ label: t.home.nav.account, links: accountLinks(t).filter(show) }}
    />
  );
}

/** Staff pages: dashboard, customers, orders, contracts, the catalogue and the audit trail; staff users for admins; every staff user's own sign-ins. */
function StaffNav(props: { open: boolean }) {
  const { t } = useI18n();
  const admin = sessionGroups('staff').includes('admin');
  return (
    <SiteNav
      id="site-nav"
      label={t.adminOrders.navLabel}
      open={props.open}
      links={[
        { href: '/admin/dashboard', label: t.dashboard.nav },
        { href: '/admin/customers', label: t.adminOrders.navCustomers },
        { href: '/admin/orders', label: t.adminOrders.navOrders },
        { href: '/admin/payments', label: t.nav.staffPayments },
        { href: '/admin/invoices', label: t.nav.staffInvoices },
        { href: '/admin/tickets', label: t.nav.staffTickets },
        { href: '/admin/sla', label: t.sla.reportTitle },
        { href: '/admin/canned-replies', label: t.sla.cannedTitle },
        { href: '/admin/contracts', label: t.adminContracts.navContracts },
        { href: '/admin/verifications', label: t.home.nav.verifications },
        { href: '/admin/catalogue', label: t.adminOrders.navCatalogue },
        { href: '/admin/knowledge', label: t.nav.staffKnowledge },
        { href: '/admin/news', label: t.home.nav.news },
        { href: '/admin/mailing', label: t.home.nav.mailing },
        { href: '/admin/audit', label: t.audit.navAudit },
        ...(admin ? [{ href: '/admin/staff', label: t.staffUsers.nav }] : []),
        { href: '/admin/me/sign-ins', label: t.mySignIns.nav },
        { href: '/admin/import', label: t.adminImport.navImport },
      ]}
    />
  );
}

/** The stage's logo and product name (shared/brand.ts), leading to the pool's first page. */
function BrandLink(props: { href: string; staff: boolean }) {
  const { t } = useI18n();
  return (
    <Link href={props.href} class="brand">
      <img class="brand-logo" src={webBrand.logoUrl} alt="" width="28" height="28" />
      <span data-testid="brand-name">{webBrand.productName}</span>
      {props.staff && <span class="brand-badge">{t.app.staffBadge}</span>}
    </Link>
  );
}

/** Under every page: the vendor's support address and legal line (shared/brand.ts). */
function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer class="site-footer" data-testid="site-footer">
      <p>
        {t.home.footer.help} <a href={`mailto:${webBrand.supportEmail}`}>{webBrand.supportEmail}</a>
      </p>
      {webBrand.legalFooter && <p class="muted small">{webBrand.legalFooter}</p>}
    </footer>
  );
}

export function Frame(props: {
  pool: Pool;
  /**
   * Who is signed in (shown in the header), when someone is; `null` while it is still being read, so the header keeps
   * its place for it and does not move when it arrives.
   */
  who?: { name: string; detail?: string } | null | undefined;
  signedIn?: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const home = props.pool === 'staff' ? '/admin/customers' : '/home';
  const viewing = props.pool === 'customer' ? viewingAs() : undefined;
  const onSignOut = () => {
    void signOut(props.pool);
    navigate(signInPath[props.pool], { notice: 'signedOut' });
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header class="site-header">
        <div class="bar">
          <BrandLink href={props.signedIn ? home : signInPath[props.pool]} staff={props.pool === 'staff'} />
          {props.signedIn && (
            <button
              type="button"
              class="menu-button secondary"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen(!menuOpen)}
            >
              {menuOpen ? t.home.nav.closeMenu : t.home.nav.menu}
            </button>
          )}
          <div class="tools">
            {props.who === null && <p class="who" aria-hidden="true" />}
            {props.who && (
              <p class="who">
                <span class="visually-hidden">
                  {t.app.signedInAs(props.who.detail ? `${props.who.name} (${props.who.detail})` : props.who.name)}
                </span>
                <span aria-hidden="true">
                  <strong>{props.who.name}</strong>
                  {props.who.detail && <span class="muted"> {props.who.detail}</span>}
                </span>
              </p>
            )}
            {props.pool === 'customer' && props.signedIn && !viewing && <AccountSwitch />}
            {props.signedIn && !viewing && (
              <button type="button" class="link-button sign-out" onClick={onSignOut}>
                {t.app.signOut}
              </button>
            )}
            <LanguageSwitch />
          </div>
        </div>
        {props.pool === 'customer' && props.signedIn && <CustomerNav open={menuOpen} />}
        {props.pool === 'staff' && props.signedIn && <StaffNav open={menuOpen} />}
        {props.pool === 'customer' && viewing && <ViewAsBanner viewing={viewing} />}
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <SiteFooter />
    </>
  );
}

/** Shown on every customer page a staff user views: whose pages, read-only, until when, and the way out. */
function ViewAsBanner(props: { viewing: ViewingAs }) {
  const { t, formatDateTime } = useI18n();
  const stop = () => {
    stopViewingAs();
    navigate(`/admin/customers/${encodeURIComponent(props.viewing.accountId)}`);
  };
  return (
    <div class="view-as-banner" role="status" data-testid="view-as-banner">
      <p>
        <strong>{t.viewAs.bannerTitle(props.viewing.accountName)}</strong>{' '}
        <span>{t.viewAs.bannerDetail(props.viewing.ownerEmail, formatDateTime(props.viewing.expiresAt))}</span>
      </p>
      <button type="button" class="secondary" onClick={stop}>
        {t.viewAs.stop}
      </button>
    </div>
  );
}

export function ErrorAlert(props: { error: unknown; onRetry?: () => void }) {
  const { t, errorMessage } = useI18n();
  const requestId = props.error instanceof ApiError ? props.error.requestId : undefined;
  return (
    <div class="alert alert-error" role="alert">
      <p>{errorMessage(props.error)}</p>
      {requestId && <p class="muted small">{t.app.errorReference(requestId)}</p>}
      {props.onRetry && (
        <button type="button" class="button secondary" onClick={props.onRetry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}

export type ListStatus = 'loading' | 'ready' | 'loading-more' | 'error';

export interface PagedList<T> {
  items: T[];
  status: ListStatus;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Reads a list a page at a time; a failed page can be retried without losing the pages already shown. A new `resetKey`
 * (such as the sort order) reads it again from the start, keeping the old rows on screen until the new ones arrive.
 */
export function usePagedList<T>(fetchPage: (page: PageRequest, signal: AbortSignal) => Promise<Page<T>>, resetKey?: string): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [error, setError] = useState<unknown>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [hasMore, setHasMore] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const lastFrom = useRef<string | undefined>(undefined);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback((from: string | undefined) => {
    controller.current?.abort();
    lastFrom.current = from;
    const current = new AbortController();
    controller.current = current;
    setStatus(from === undefined ? 'loading' : 'loading-more');
    setError(undefined);
    fetcher.current({ limit: PAGE_SIZE, ...(from ? { cursor: from } : {}) }, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setItems((previous) => (from === undefined ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
        setHasMore(page.nextCursor !== undefined);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (isAbort(failure) || current.signal.aborted) return;
        setError(failure);
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    load(undefined);
    return () => controller.current?.abort();
  }, [load, resetKey]);

  return {
    items,
    status,
    error,
    hasMore,
    loadMore: () => load(cursor),
    // Whatever failed goes again: the first page (also after a new sort order), or the next one.
    retry: () => load(lastFrom.current),
  };
}

/** The "Load more" row under a table, and a polite count for screen readers. */
export function MoreControls(props: { list: PagedList<unknown>; showing: string }) {
  const { t } = useI18n();
  const { list } = props;
  return (
    <div class="list-footer">
      <p class="muted small" aria-live="polite">
        {props.showing}
      </p>
      {list.status === 'error' && list.items.length > 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
      {list.hasMore && list.status !== 'error' && (
        <button
          type="button"
          class="button secondary"
          onClick={list.loadMore}
          disabled={list.status === 'loading-more' || list.status === 'loading'}
          aria-busy={list.status === 'loading-more'}
        >
          {list.status === 'loading-more' ? t.app.loadingMore : t.app.loadMore}
        </button>
      )}
    </div>
  );
}

/**
 * Every paged list looks the same: a loading line, an error with retry, a helpful empty state, or the table with
 * its caption and a footer that loads more. Pages give only their columns and rows.
 */
/**
 * The frame a table scrolls in on narrow screens: a region named by the table's caption that keyboard users can focus to
 * scroll (axe: scrollable-region-focusable). `section` adds the spacing of a page section.
 */
export function TableRegion(props: { labelledBy: string; section?: boolean; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
    <section class={props.section ? 'table-wrap section' : 'table-wrap'} aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}

export function PagedTable<T>(props: {
  list: PagedList<T>;
  testId: string;
  caption: string;
  empty: { title: string; help: string };
  showing: string;
  head: ComponentChildren;
  row: (item: T) => ComponentChildren;
  /** Tighter columns for tables with many of them. */
  compact?: boolean;
}) {
  const { t } = useI18n();
  const { list } = props;
  const captionId = `${props.testId}-caption`;
  const table = useCellLabels();
  if (list.status === 'loading' && list.items.length === 0) {
    return (
      <p class="muted" role="status">
        {t.app.loading}
      </p>
    );
  }
  if (list.items.length === 0) {
    if (list.status === 'error') return <ErrorAlert error={list.error} onRetry={list.retry} />;
    return (
      <div class="empty">
        <p class="empty-title">{props.empty.title}</p>
        <p class="muted">{props.empty.help}</p>
      </div>
    );
  }
  return (
    <>
      <TableRegion labelledBy={captionId}>
        <table
          ref={table}
          data-testid={props.testId}
          class={props.compact ? 'stack compact' : 'stack'}
          aria-busy={list.status === 'loading'}
        >
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr>{props.head}</tr>
          </thead>
          <tbody>{list.items.map(props.row)}</tbody>
        </table>
      </TableRegion>
      <MoreControls list={list} showing={props.showing} />
    </>
  );
}

/**
 * For tables that turn into stacked cards on narrow screens (class `stack`, see styles.css): each body cell gets its
 * column's header as `data-label`, which the narrow layout shows before the value. Headers only visible to screen
 * readers (an actions column) give no label. Runs after every render, so new rows and a new language are labelled too.
 */
export function useCellLabels(): RefObject<HTMLTableElement> {
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const labels = Array.from(element.querySelectorAll('thead th'), (th) => {
      const copy = th.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll('.visually-hidden'))) hidden.remove();
      return copy.textContent?.trim() ?? '';
    });
    for (const row of Array.from(element.querySelectorAll('tbody tr'))) {
      Array.from(row.children).forEach((cell, index) => {
        cell.setAttribute('data-label', labels[index] ?? '');
      });
    }
  });
  return table;
}

/** The date order of a list: newest first unless the address says `?sort=asc`, kept there so reload and Back keep it. */
export function useSortOrder(): [SortOrder, () => void] {
  const [sort, setSort] = useState<SortOrder>(() => (new URLSearchParams(location.search).get('sort') === 'asc' ? 'asc' : 'desc'));
  const reverse = () => {
    const next: SortOrder = sort === 'desc' ? 'asc' : 'desc';
    history.replaceState(history.state, '', next === 'asc' ? `${location.pathname}?sort=asc` : location.pathname);
    setSort(next);
  };
  return [sort, reverse];
}

/** A date column's header: a button that reverses the list, with aria-sort saying the order it is in now. */
export function SortHeader(props: { label: string; sort: SortOrder; onReverse: () => void }) {
  const { t } = useI18n();
  return (
    <th scope="col" aria-sort={props.sort === 'desc' ? 'descending' : 'ascending'}>
      {/* The arrow is drawn by CSS with empty alternative text, so the button's name is only its words. */}
      <button type="button" class="sort-button" data-sort={props.sort} onClick={props.onReverse}>
        {props.label}
        <span class="visually-hidden">, {props.sort === 'desc' ? t.sorting.newestFirst : t.sorting.oldestFirst}</span>
      </button>
    </th>
  );
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  retry: () => void;
}

/** Reads the one thing a detail page shows, again when `key` changes; a failure can be retried. */
export function useResource<T>(fetch: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const fetcher = useRef(fetch);
  fetcher.current = fetch;

  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    fetcher.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setData(() => value);
      },
      (failure: unknown) => {
        if (!isAbort(failure) && !controller.signal.aborted) setError(failure);
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  return { data, error, retry: () => setAttempt((count) => count + 1) };
}

/**
 * The part of a page whose top depends on the account's facts (a distributor's client filter, a client's "your
 * distributor orders these"): "Loading" until they are known, then the part, laid out once. Shown as they arrive,
 * they would push the list below them down (a layout shift). The facts are read once per person and account.
 */
export function AfterAccountFacts(props: { children: (facts: AccountFacts | null) => ComponentChildren }) {
  const { t } = useI18n();
  const facts = useAccountFacts();
  if (facts === undefined) {
    return (
      <p class="muted" role="status">
        {t.app.loading}
      </p>
    );
  }
  return <>{props.children(facts)}</>;
}

/** A detail page whose id is not on the caller's account (or does not exist): say so, and lead back to the list. */
export function NotOnAccount(props: { title: string; help: string; back: { href: string; label: string } }) {
  return (
    <div class="empty" role="alert">
      <p class="empty-title">{props.title}</p>
      <p class="muted">{props.help}</p>
      <p>
        <Link href={props.back.href}>{props.back.label}</Link>
      </p>
    </div>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED');
}
