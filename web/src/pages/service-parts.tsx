// Pieces the services pages and the staff's subscriptions section share: the status badge, the price per period, the
// identifier and the short id, so a subscription reads the same wherever it is shown.

import type { SubscriptionView } from '../api.ts';
import { useI18n } from '../i18n.ts';

const TONES: Record<SubscriptionView['status'], string> = {
  active: 'badge-ok',
  due: 'badge-warn',
  overdue: 'badge-warn',
  suspended: 'badge-off',
  cancelled: 'badge-off',
  ended: 'badge-off',
};

export function SubscriptionStatusBadge(props: { status: SubscriptionView['status'] }) {
  const { t } = useI18n();
  return (
    <span class={`badge ${TONES[props.status]}`} data-testid="subscription-status">
      {t.services.statuses[props.status]}
    </span>
  );
}

/** "49,00 zł / miesiąc": the net price of one period. */
export function usePricePerPeriod(): (subscription: Pick<SubscriptionView, 'price' | 'period'>) => string {
  const { t, formatMoney } = useI18n();
  return (subscription) =>
    t.services.perPeriod(formatMoney(subscription.price), t.services.period(subscription.period.unit, subscription.period.count));
}

/** The id as the table shows it: its last eight characters (ULIDs differ most at the end within one start). */
export function shortId(subscriptionId: string): string {
  return subscriptionId.slice(-8);
}

/** The subscription's identifier (IP, host or serial), or a dash. */
export function IdentifierText(props: { subscription: Pick<SubscriptionView, 'identifier'> }) {
  const { t } = useI18n();
  const identifier = props.subscription.identifier;
  if (!identifier) return <span class="muted">{t.app.notAvailable}</span>;
  return (
    <code class="serial" title={t.services.identifierKinds[identifier.kind]}>
      {identifier.value}
    </code>
  );
}

/** The services table's first column: product and plan (and the kind for support). */
export function ServiceName(props: { subscription: Pick<SubscriptionView, 'product' | 'plan' | 'kind'> }) {
  const { t } = useI18n();
  const { subscription } = props;
  return (
    <>
      {subscription.product} <span class="muted">{subscription.plan}</span>
      {subscription.kind === 'support' && <span class="muted small block">{t.services.kinds.support}</span>}
    </>
  );
}

/** The columns every subscriptions table has, in the services table's order (seed 004): ID to price per period. */
export function SubscriptionHeadCells() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t.services.id}</th>
      <th scope="col">{t.services.service}</th>
      <th scope="col">{t.services.identifier}</th>
      <th scope="col">{t.services.paidUntil}</th>
      <th scope="col" class="num">
        {t.services.daysLeft}
      </th>
      <th scope="col">{t.services.status}</th>
      <th scope="col" class="num">
        {t.services.price}
      </th>
    </>
  );
}

/** One subscription's cells under SubscriptionHeadCells. */
export function SubscriptionCells(props: { subscription: SubscriptionView }) {
  const { formatDate } = useI18n();
  const pricePerPeriod = usePricePerPeriod();
  const { subscription } = props;
  return (
    <>
      <td>
        <code title={subscription.subscriptionId}>{shortId(subscription.subscriptionId)}</code>
      </td>
      <td>
        <ServiceName subscription={subscription} />
      </td>
      <td>
        <IdentifierText subscription={subscription} />
      </td>
      <td>
        <time dateTime={subscription.paidUntil}>{formatDate(subscription.paidUntil)}</time>
      </td>
      <td class="num" data-testid="days-left">
        {subscription.daysLeft}
      </td>
      <td>
        <SubscriptionStatusBadge status={subscription.status} />
      </td>
      <td class="num">{pricePerPeriod(subscription)}</td>
    </>
  );
}
