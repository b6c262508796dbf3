// Staff (admin, support): the knowledge base's articles, drafts and published, and the editor: category, related
// products, and per language (one tab each) title, summary and Markdown text with a preview. Publishing and every edit
// are audited (article.*); publishing, unpublishing and editing a published article rebuild the customers' search.

import { useState } from 'preact/hooks';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { ARTICLE_CATEGORIES, type ArticleCategory } from '#shared/knowledge/kinds.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, MoreControls, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { ArticleBody } from './Knowledge.tsx';

type StaffArticle = ReplyOf<typeof api.knowledge.getStaffArticle>;
type ArticleRow = ReplyOf<typeof api.knowledge.listStaffArticles>['items'][number];
type Text = { title: string; summary: string; body: string };
type Texts = Record<Locale, Text>;

const emptyTexts = (): Texts => Object.fromEntries(LOCALES.map((code) => [code, { title: '', summary: '', body: '' }])) as Texts;
const isWritten = (text: Text) => Boolean(text.title.trim() || text.summary.trim() || text.body.trim());

function ArticleForm(props: { editing?: StaffArticle; onDone: () => void }) {
  const { t } = useI18n();
  const editing = props.editing;
  const [category, setCategory] = useState<ArticleCategory>(editing?.category ?? 'troubleshooting');
  const [products, setProducts] = useState((editing?.productIds ?? []).join(', '));
  const [slug, setSlug] = useState(editing?.slug ?? '');
  const [texts, setTexts] = useState<Texts>(() => ({ ...emptyTexts(), ...(editing?.translations ?? {}) }) as Texts);
  const [tab, setTab] = useState<Locale>(editing ? (LOCALES.find((code) => editing.translations[code]) ?? 'en') : 'en');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Text, value: string) => setTexts({ ...texts, [tab]: { ...texts[tab], [field]: value } });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = {
      category,
      productIds: products
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      translations: Object.fromEntries(LOCALES.filter((code) => isWritten(texts[code])).map((code) => [code, texts[code]])),
      ...(slug.trim() ? { slug: slug.trim() } : {}),
    };
    try {
      if (editing) {
        await request(api.knowledge.editArticle, {
          path: { articleId: editing.articleId },
          body: { ...body, updatedAt: editing.updatedAt },
        });
      } else {
        await request(api.knowledge.createArticle, { body });
      }
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const current = texts[tab];
  return (
    <form class="card" onSubmit={onSubmit} data-testid="article-form">
      <h2>{editing ? t.knowledge.edit : t.knowledge.write}</h2>
      <div class="field">
        <label for="article-category">{t.knowledge.category}</label>
        <select id="article-category" value={category} onChange={(event) => setCategory(event.currentTarget.value as ArticleCategory)}>
          {ARTICLE_CATEGORIES.map((code) => (
            <option key={code} value={code}>
              {t.knowledge.categories[code]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="article-products">{t.knowledge.fProducts}</label>
        <p id="article-products-hint" class="muted small field-hint">
          {t.knowledge.productsHelp}
        </p>
        <input
          id="article-products"
          aria-describedby="article-products-hint"
          value={products}
          onInput={(event) => setProducts(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="article-slug">{t.knowledge.fSlug}</label>
        <p id="article-slug-hint" class="muted small field-hint">
          {t.knowledge.slugHelp}
        </p>
        <input
          id="article-slug"
          maxlength={80}
          aria-describedby="article-slug-hint"
          value={slug}
          onInput={(event) => setSlug(event.currentTarget.value)}
        />
      </div>

      <h3 id="article-languages">{t.knowledge.languagesHeading}</h3>
      <p class="muted small">{t.knowledge.languagesHelp}</p>
      <div class="actions" role="tablist" aria-labelledby="article-languages">
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            role="tab"
            id={`article-tab-${code}`}
            aria-selected={tab === code}
            aria-controls="article-panel"
            class={tab === code ? 'button primary' : 'button secondary'}
            onClick={() => setTab(code)}
          >
            {t.languages[code]}
            {isWritten(texts[code]) ? ` (${t.knowledge.written})` : ''}
          </button>
        ))}
      </div>
      <div id="article-panel" role="tabpanel" aria-labelledby={`article-tab-${tab}`} lang={tab}>
        <div class="field">
          <label for="article-title">{t.knowledge.fTitle}</label>
          <input id="article-title" maxlength={200} value={current.title} onInput={(event) => set('title', event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="article-summary">{t.knowledge.fSummary}</label>
          <p id="article-summary-hint" class="muted small field-hint">
            {t.knowledge.summaryHelp}
          </p>
          <textarea
            id="article-summary"
            maxlength={500}
            rows={2}
            aria-describedby="article-summary-hint"
            value={current.summary}
            onInput={(event) => set('summary', event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="article-body">{t.knowledge.fBody}</label>
          <p id="article-body-hint" class="muted small field-hint">
            {t.knowledge.bodyHelp}
          </p>
          <textarea
            id="article-body"
            maxlength={20000}
            rows={10}
            aria-describedby="article-body-hint"
            value={current.body}
            onInput={(event) => set('body', event.currentTarget.value)}
          />
        </div>
        <section aria-labelledby="article-preview-heading" data-testid="article-preview">
          <h4 id="article-preview-heading">{t.knowledge.preview}</h4>
          {current.body.trim() ? <ArticleBody source={current.body} /> : <p class="muted small">{t.knowledge.noPreview}</p>}
        </section>
      </div>
      {error !== undefined && <ErrorAlert error={error} />}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t.knowledge.save}
        </button>
        <button type="button" class="button secondary" onClick={props.onDone}>
          {t.knowledge.cancel}
        </button>
      </div>
    </form>
  );
}

/** The editor of an existing article: its every translation is read first. */
function EditArticle(props: { articleId: string; onDone: () => void }) {
  const { t } = useI18n();
  const article = useResource(
    (signal) => request(api.knowledge.getStaffArticle, { path: { articleId: props.articleId }, signal }),
    props.articleId,
  );
  if (article.error !== undefined) return <ErrorAlert error={article.error} onRetry={article.retry} />;
  if (!article.data) return <p class="muted">{t.knowledge.loadingArticle}</p>;
  return <ArticleForm editing={article.data} onDone={props.onDone} />;
}

export function AdminKnowledgePage() {
  const { t, formatDate } = useI18n();
  const [round, setRound] = useState(0);
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const list = usePagedList((page, signal) => request(api.knowledge.listStaffArticles, { query: page, signal }), String(round));
  useTitle(t.knowledge.adminTitle);

  const done = () => {
    setEditing(undefined);
    setRound(round + 1);
  };
  const publish = async (row: ArticleRow, published: boolean) => {
    setError(undefined);
    try {
      await request(api.knowledge.publishArticle, { path: { articleId: row.articleId }, body: { published } });
      setRound(round + 1);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.knowledge.adminTitle}</h1>
        <p class="muted">{t.knowledge.adminIntro}</p>
      </div>
      {editing === undefined && (
        <p>
          <button type="button" class="button primary" onClick={() => setEditing('new')}>
            {t.knowledge.write}
          </button>
        </p>
      )}
      {editing === 'new' && <ArticleForm key="new" onDone={done} />}
      {editing !== undefined && editing !== 'new' && <EditArticle key={editing} articleId={editing} onDone={done} />}
      {error !== undefined && <ErrorAlert error={error} />}
      <section class="section" aria-labelledby="staff-articles-heading">
        <h2 id="staff-articles-heading">{t.knowledge.title}</h2>
        {list.status === 'error' && list.items.length === 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
        {list.status === 'ready' && list.items.length === 0 && <p class="muted">{t.knowledge.adminEmpty}</p>}
        {list.items.length > 0 && (
          <ul class="plain-list card" data-testid="staff-articles">
            {list.items.map((row) => (
              <li key={row.articleId}>
                <strong>{row.title}</strong>{' '}
                <span class="muted small">
                  · {t.knowledge.categories[row.category]} · {row.status === 'published' ? t.knowledge.isPublished : t.knowledge.draft} ·{' '}
                  {row.locales.join(', ')} · <time dateTime={row.updatedAt}>{formatDate(row.updatedAt)}</time>
                </span>
                <div class="actions">
                  <button type="button" class="button secondary" onClick={() => setEditing(row.articleId)}>
                    {t.knowledge.edit}
                  </button>
                  <button type="button" class="button secondary" onClick={() => void publish(row, row.status !== 'published')}>
                    {row.status === 'published' ? t.knowledge.unpublish : t.knowledge.publish}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        <MoreControls list={list} showing="" />
      </section>
    </Frame>
  );
}
