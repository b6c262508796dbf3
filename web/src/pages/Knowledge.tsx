// The customer's knowledge base: a search box and the categories over the published articles (ranked hits with a
// snippet; the newest first without words), and one article in the page's language.

import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ARTICLE_CATEGORIES, type ArticleCategory } from '#shared/knowledge/kinds.ts';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, MoreControls, NotOnAccount, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { ArticleSuggestions } from './ArticleSuggestions.tsx';
import { Markdown } from '../markdown.tsx';

/**
 * An article's Markdown as the reader sees it. For now plain text (paragraphs and "- " lists, never HTML); at merge it
 * becomes `<Markdown source={props.source} />` from web/src/markdown.tsx (the tickets area's safe renderer).
 */
export function ArticleBody(props: { source: string }): VNode {
  return <Markdown source={props.source} />;
}

export function KnowledgePage() {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<ArticleCategory | ''>('');
  const list = usePagedList(
    (page, signal) =>
      request(api.knowledge.searchArticles, {
        query: { ...page, locale, ...(query ? { q: query } : {}), ...(category ? { category } : {}) },
        signal,
      }),
    `${locale}|${query}|${category}`,
  );
  useTitle(t.knowledge.title);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setQuery(typed.trim());
  };

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.knowledge.title}</h1>
        <p class="muted">{t.knowledge.intro}</p>
      </div>
      <search>
        <form class="card" onSubmit={onSubmit} data-testid="knowledge-search">
          <div class="field">
            <label for="knowledge-q">{t.knowledge.searchLabel}</label>
            <p id="knowledge-q-hint" class="muted small field-hint">
              {t.knowledge.searchHint}
            </p>
            <input
              id="knowledge-q"
              type="search"
              maxlength={200}
              aria-describedby="knowledge-q-hint"
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </div>
          {/* The same suggestions the ticket form shows while its subject is typed. */}
          <ArticleSuggestions subject={typed === query ? '' : typed} />
          <div class="field">
            <label for="knowledge-category">{t.knowledge.category}</label>
            <select
              id="knowledge-category"
              value={category}
              onChange={(event) => setCategory(event.currentTarget.value as ArticleCategory | '')}
            >
              <option value="">{t.knowledge.allCategories}</option>
              {ARTICLE_CATEGORIES.map((code) => (
                <option key={code} value={code}>
                  {t.knowledge.categories[code]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button primary">
            {t.knowledge.search}
          </button>
        </form>
      </search>

      <section class="section" aria-labelledby="knowledge-results-heading">
        <h2 id="knowledge-results-heading">
          {query ? t.knowledge.found(list.status === 'ready' ? list.items.length : 0) : t.knowledge.newest}
        </h2>
        {list.status === 'loading' && list.items.length === 0 && (
          <p class="muted" role="status">
            {t.app.loading}
          </p>
        )}
        {list.status === 'error' && list.items.length === 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
        {list.status === 'ready' && list.items.length === 0 && (
          <div class="empty">
            <p class="empty-title">{query || category ? t.knowledge.empty : t.knowledge.noneYet}</p>
            <p class="muted">{t.knowledge.emptyHelp}</p>
            <p>
              <Link href="/tickets">{t.knowledge.openTicket}</Link>
            </p>
          </div>
        )}
        {list.items.length > 0 && (
          <ul class="plain-list card" data-testid="knowledge-results">
            {list.items.map((hit) => (
              <li key={hit.articleId} lang={hit.locale}>
                <h3 class="h3">
                  <Link href={`/knowledge/${hit.articleId}`}>{hit.title}</Link>
                </h3>
                <p class="muted small">{t.knowledge.categories[hit.category]}</p>
                <p>{hit.summary}</p>
                {hit.snippet && <p class="muted small">{hit.snippet}</p>}
              </li>
            ))}
          </ul>
        )}
        <MoreControls list={list} showing="" />
      </section>
    </Frame>
  );
}

export function KnowledgeArticlePage(props: { articleId: string }) {
  const { t, locale, formatDate } = useI18n();
  const article = useResource(
    (signal) => request(api.knowledge.getArticle, { path: { articleId: props.articleId }, query: { locale }, signal }),
    `${props.articleId}|${locale}`,
  );
  useTitle(article.data?.title ?? t.knowledge.title);
  const back = { href: '/knowledge', label: t.knowledge.back };

  return (
    <Frame pool="customer" signedIn>
      {article.error !== undefined && isNotFound(article.error) && (
        <>
          <h1 tabIndex={-1}>{t.knowledge.title}</h1>
          <NotOnAccount title={t.knowledge.notFound} help={t.knowledge.notFoundHelp} back={back} />
        </>
      )}
      {article.error !== undefined && !isNotFound(article.error) && (
        <>
          <h1 tabIndex={-1}>{t.knowledge.title}</h1>
          <ErrorAlert error={article.error} onRetry={article.retry} />
        </>
      )}
      {article.error === undefined && !article.data && (
        <>
          <h1 tabIndex={-1}>{t.knowledge.title}</h1>
          <p class="muted" role="status">
            {t.knowledge.loadingArticle}
          </p>
        </>
      )}
      {article.data && (
        <article lang={article.data.locale} data-testid="knowledge-article">
          <p class="small">
            <Link href="/knowledge">{t.knowledge.back}</Link>
          </p>
          <div class="page-head">
            <h1 tabIndex={-1}>{article.data.title}</h1>
            <p class="muted small">
              {t.knowledge.categories[article.data.category]} · {t.knowledge.published}{' '}
              <time dateTime={article.data.publishedAt}>{formatDate(article.data.publishedAt)}</time>
              {article.data.locales.length > 1 && (
                <>
                  {' '}
                  · {t.knowledge.alsoIn}: {article.data.locales.map((code) => t.languages[code]).join(', ')}
                </>
              )}
            </p>
            <p>{article.data.summary}</p>
          </div>
          <div class="card">
            <ArticleBody source={article.data.body} />
          </div>
        </article>
      )}
    </Frame>
  );
}
