// Pieces every page shares: the frame with header and language switch, titles, alerts and the paged-list loader.

import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort, signOut, type Page, type PageRequest, type Pool } from './api.ts';
import { locales, useI18n, type Locale } from './i18n.ts';
import { followLink, navigate } from './router.ts';

export const PAGE_SIZE = 25;

export const signInPath: Record<Pool, string> = { customer: '/sign-in', staff: '/admin/sign-in' };

export function useTitle(page: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t.app.title(page);
  }, [page, t]);
}

export function Link(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} onClick={(event) => followLink(event, props.href)}>
      {props.children}
    </a>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="language">
      <label for="language">{t.app.language}</label>
      <select id="language" value={locale} onChange={(event) => setLocale(event.currentTarget.value as Locale)}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {t.languages[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Frame(props: {
  pool: Pool;
  /** Who is signed in (shown in the header), when someone is. */
  who?: { name: string; detail?: string } | undefined;
  signedIn?: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const home = props.pool === 'staff' ? '/admin/customers' : '/licences';
  const onSignOut = (event: MouseEvent) => {
    event.preventDefault();
    signOut(props.pool);
    navigate(signInPath[props.pool], { notice: 'signedOut' });
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header class="site-header">
        <div class="bar">
          <Link href={props.signedIn ? home : signInPath[props.pool]} class="brand">
            {t.app.name}
            {props.pool === 'staff' && <span class="brand-badge">{t.app.staffBadge}</span>}
          </Link>
          <div class="tools">
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
            {props.signedIn && (
              <a href={signInPath[props.pool]} class="sign-out" onClick={onSignOut}>
                {t.app.signOut}
              </a>
            )}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
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

/** Reads a list a page at a time; a failed page can be retried without losing the pages already shown. */
export function usePagedList<T>(fetchPage: (page: PageRequest, signal: AbortSignal) => Promise<Page<T>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [error, setError] = useState<unknown>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [hasMore, setHasMore] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback((from: string | undefined) => {
    controller.current?.abort();
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
  }, [load]);

  return {
    items,
    status,
    error,
    hasMore,
    loadMore: () => load(cursor),
    retry: () => load(items.length > 0 ? cursor : undefined),
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
          disabled={list.status === 'loading-more'}
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
export function PagedTable<T>(props: {
  list: PagedList<T>;
  testId: string;
  caption: string;
  empty: { title: string; help: string };
  showing: string;
  head: ComponentChildren;
  row: (item: T) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { list } = props;
  const captionId = `${props.testId}-caption`;
  if (list.status === 'loading') {
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
      <div class="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table data-testid={props.testId}>
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr>{props.head}</tr>
          </thead>
          <tbody>{list.items.map(props.row)}</tbody>
        </table>
      </div>
      <MoreControls list={list} showing={props.showing} />
    </>
  );
}
