// The customer's home page after sign-in: tiles for the areas their role may use (each leads to its list), upcoming
// renewals, news in the page's language, the offer banner, the account's recent activity and the last sign-in.

import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { NewsBody } from '../news-body.tsx';
import { ActivitiesFeed, RecentTickets } from '../ticket-home.tsx';

type HomeData = ReplyOf<typeof api.home.getHome>;
type Count = { count: number; more: boolean };

function countText(value: Count): string {
  return value.more ? `${value.count}+` : String(value.count);
}

function Tile(props: { href: string; value: Count; label: string; testId: string; detail?: string }) {
  return (
    <li>
      <Link href={props.href} class="tile">
        <span class="tile-count" data-testid={props.testId}>
          {countText(props.value)}
        </span>
        <span class="tile-label">{props.label}</span>
        {props.detail && <span class="tile-label">{props.detail}</span>}
      </Link>
    </li>
  );
}

function Tiles(props: { tiles: HomeData['tiles'] }) {
  const { t, formatMoney } = useI18n();
  const { tiles } = props;
  const labels = t.home.tiles;
  return (
    <ul class="tiles" aria-label={t.home.tilesLabel} data-testid="home-tiles">
      {tiles.licences && <Tile href="/licences" value={tiles.licences.active} label={labels.licences} testId="tile-licences" />}
      {tiles.licences && (
        <Tile href="/licences" value={tiles.licences.expiring} label={labels.licencesExpiring} testId="tile-licences-expiring" />
      )}
      {tiles.support && (
        <Tile href="/support" value={tiles.support.expiring} label={labels.supportExpiring} testId="tile-support-expiring" />
      )}
      {/* Filled by later areas when their data exists; each links to its list once the page is there. */}
      {tiles.unpaidInvoices && (
        <Tile
          href="/invoices"
          value={tiles.unpaidInvoices}
          label={labels.unpaidInvoices}
          testId="tile-invoices"
          detail={t.invoices.dueTotal(tiles.unpaidInvoices.due.map(formatMoney).join(' + '))}
        />
      )}
      {tiles.openTickets && <Tile href="/tickets" value={tiles.openTickets} label={labels.openTickets} testId="tile-tickets" />}
      {tiles.activeServices && <Tile href="/services" value={tiles.activeServices} label={labels.activeServices} testId="tile-services" />}
      {tiles.renewalsDue && <Tile href="/services" value={tiles.renewalsDue} label={t.services.homeTile} testId="tile-renewals-due" />}
    </ul>
  );
}

export function HomePage() {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const home = useResource((signal) => request(api.home.getHome, { query: { locale }, signal }), locale);
  useTitle(t.home.title);
  const data = home.data;

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.home.heading}</h1>
        <p class="muted">{t.home.intro}</p>
      </div>
      {home.error !== undefined && <ErrorAlert error={home.error} onRetry={home.retry} />}
      {!data && home.error === undefined && (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      )}
      {data && (
        <>
          {data.banner && (
            <aside class="offer-banner" aria-label={t.home.bannerLabel} data-testid="offer-banner" lang={data.banner.locale}>
              <p>{data.banner.text}</p>
              {data.banner.link &&
                (data.banner.link.startsWith('/') ? (
                  <Link href={data.banner.link}>{t.home.bannerLink}</Link>
                ) : (
                  <a href={data.banner.link} rel="noopener noreferrer">
                    {t.home.bannerLink}
                  </a>
                ))}
            </aside>
          )}
          <Tiles tiles={data.tiles} />
          <div class="home-grid">
            <RecentTickets tickets={data.recentTickets} />
            <ActivitiesFeed entries={data.activities} />
            {data.renewals && (
              <section class="card" aria-labelledby="renewals-heading" data-testid="home-renewals">
                <h2 id="renewals-heading">{t.home.renewals}</h2>
                <p class="muted small">{t.home.renewalsHelp}</p>
                {data.renewals.length === 0 ? (
                  <p class="muted">{t.home.noRenewals}</p>
                ) : (
                  <ul class="plain-list">
                    {data.renewals.map((renewal) => (
                      <li key={renewal.subscriptionId}>
                        <Link href={`/licences/${encodeURIComponent(renewal.licenceId)}`}>{renewal.product}</Link>{' '}
                        <span class="muted">
                          {renewal.serial} · {t.home.renewalEnds} <time dateTime={renewal.endsAt}>{formatDate(renewal.endsAt)}</time>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            <section class="card" aria-labelledby="news-heading" data-testid="home-news">
              <h2 id="news-heading">{t.home.news}</h2>
              {data.news.length === 0 ? (
                <p class="muted">{t.home.noNews}</p>
              ) : (
                <ul class="plain-list">
                  {data.news.map((item) => (
                    <li key={item.newsId} class="news-item" lang={item.locale}>
                      <h3>{item.title}</h3>
                      <p class="muted small">
                        <time dateTime={item.date}>{formatDate(item.date)}</time>
                      </p>
                      <NewsBody text={item.body} />
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link href="/news">{t.home.allNews}</Link>
              </p>
            </section>
            <section class="card" aria-labelledby="activity-heading" data-testid="home-activity">
              <h2 id="activity-heading">{t.home.activity}</h2>
              {data.activity.length === 0 ? (
                <p class="muted">{t.home.noActivity}</p>
              ) : (
                <ul class="plain-list">
                  {data.activity.map((item) => (
                    <li key={item.activityId}>
                      {t.activity.action(item.action)}{' '}
                      <span class="muted small">
                        · <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link href="/activity">{t.home.allActivity}</Link>
              </p>
            </section>
            <section class="card" aria-labelledby="last-sign-in-heading" data-testid="home-last-sign-in">
              <h2 id="last-sign-in-heading">{t.home.lastSignIn}</h2>
              {data.lastSignIn ? (
                <p>
                  <time dateTime={data.lastSignIn.at}>{formatDateTime(data.lastSignIn.at)}</time> {t.home.lastSignInFrom}{' '}
                  <code>{data.lastSignIn.sourceIp}</code>
                </p>
              ) : (
                <p class="muted">{t.home.firstSignIn}</p>
              )}
            </section>
          </div>
        </>
      )}
    </Frame>
  );
}
