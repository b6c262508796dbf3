// One licence in full, with every support & updates subscription that covers it.

import { getLicence } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { SupportTermCells } from './Support.tsx';

export function LicenceDetailPage(props: { licenceId: string }) {
  const { t, formatDate } = useI18n();
  const licence = useResource((signal) => getLicence(props.licenceId, signal), props.licenceId);
  const data = licence.data;

  useTitle(data ? `${data.product} · ${data.serial}` : t.licenceDetail.eyebrow);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/licences">{t.licenceDetail.back}</Link>
      </p>
      <div class="page-head">
        {data && <p class="eyebrow">{t.licenceDetail.eyebrow}</p>}
        {/* One heading element throughout, so the focus it gets on arrival survives the data loading. */}
        <h1 tabIndex={-1}>{data ? data.product : t.licenceDetail.eyebrow}</h1>
      </div>
      {licence.error !== undefined ? (
        isNotFound(licence.error) ? (
          <NotOnAccount
            title={t.licenceDetail.notFound}
            help={t.licenceDetail.notFoundHelp}
            back={{ href: '/licences', label: t.licenceDetail.back }}
          />
        ) : (
          <ErrorAlert error={licence.error} onRetry={licence.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <dl class="facts card" data-testid="licence-facts">
            <div>
              <dt>{t.licences.serial}</dt>
              <dd>
                <code class="serial">{data.serial}</code>
              </dd>
            </div>
            <div>
              <dt>{t.licences.edition}</dt>
              <dd>{data.edition}</dd>
            </div>
            <div>
              <dt>{t.licences.users}</dt>
              <dd>{data.users}</dd>
            </div>
            <div>
              <dt>{t.licences.days}</dt>
              <dd>{data.days ?? t.licences.perpetual}</dd>
            </div>
            <div>
              <dt>{t.licences.order}</dt>
              <dd>
                <Link href={`/orders/${data.orderId}`}>{data.orderReference}</Link>
              </dd>
            </div>
            <div>
              <dt>{t.licences.purchased}</dt>
              <dd>
                <time dateTime={data.purchasedAt}>{formatDate(data.purchasedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t.licences.support}</dt>
              <dd>
                {data.supportEndsAt
                  ? (data.supportActive ? t.licences.supportUntil : t.licences.supportEnded)(formatDate(data.supportEndsAt))
                  : t.licences.supportNone}
              </dd>
            </div>
            <div>
              <dt>{t.licenceDetail.licenceId}</dt>
              <dd>
                <code class="serial">{data.licenceId}</code>
              </dd>
            </div>
          </dl>

          <section class="section" aria-labelledby="licence-support-heading">
            <h2 id="licence-support-heading">{t.licenceDetail.supportHeading}</h2>
            {data.supportSubscriptions.length === 0 ? (
              <div class="empty">
                <p class="empty-title">{t.licenceDetail.noSupport}</p>
                <p class="muted">{t.licenceDetail.noSupportHelp}</p>
              </div>
            ) : (
              <div class="table-wrap" role="region" aria-labelledby="licence-support-caption" tabIndex={0}>
                <table data-testid="licence-support">
                  <caption id="licence-support-caption" class="visually-hidden">
                    {t.licenceDetail.supportCaption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.support.order}</th>
                      <th scope="col">{t.support.starts}</th>
                      <th scope="col" class="num">
                        {t.support.years}
                      </th>
                      <th scope="col">{t.support.ends}</th>
                      <th scope="col">{t.support.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.supportSubscriptions.map((subscription) => (
                      <tr key={subscription.subscriptionId}>
                        <SupportTermCells subscription={subscription} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Frame>
  );
}
