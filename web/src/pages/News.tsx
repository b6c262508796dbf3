// The customer's news: everything published, newest first, in the page's language (English when it has none in it).

import { api, request } from '../api.ts';
import { ErrorAlert, Frame, MoreControls, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { NewsBody } from '../news-body.tsx';

export function NewsPage() {
  const { t, locale, formatDate } = useI18n();
  const list = usePagedList((page, signal) => request(api.home.listNews, { query: { ...page, locale }, signal }), locale);
  useTitle(t.home.newsTitle);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.home.newsTitle}</h1>
      </div>
      {list.status === 'loading' && list.items.length === 0 && (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      )}
      {list.status === 'error' && list.items.length === 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <div class="empty">
          <p class="empty-title">{t.home.newsEmpty}</p>
          <p class="muted">{t.home.newsEmptyHelp}</p>
        </div>
      )}
      {list.items.length > 0 && (
        <>
          <ul class="plain-list card" data-testid="news-list">
            {list.items.map((item) => (
              <li key={item.newsId} class="news-item" lang={item.locale}>
                <h2 class="h3">{item.title}</h2>
                <p class="muted small">
                  <time dateTime={item.date}>{formatDate(item.date)}</time>
                </p>
                <NewsBody text={item.body} />
              </li>
            ))}
          </ul>
          <MoreControls list={list} showing="" />
        </>
      )}
    </Frame>
  );
}
