// The mails a change of a service sends to the account's `renewals` recipients, each in their language: a cancellation
// (what, when it ends, the refund to the balance and its correction invoice) and a downgrade credited now. Sent after
// the change stands, never for a replayed request; the change stands whatever happens to the mail.

import { config } from '#shared/config.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import type { Money } from '#shared/money.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { logger } from '#shared/observability/logger.ts';
import type { Subscription } from '#shared/subscriptions/model.ts';

/** The service as mails name it: product, plan and what it runs on ("Managed Hosting Business (203.0.113.10)"). */
export function serviceName(subscription: Pick<Subscription, 'product' | 'plan' | 'identifier'>): string {
  const name = `${subscription.product} ${subscription.plan}`;
  return subscription.identifier ? `${name} (${subscription.identifier.value})` : name;
}

/**
 * The service's page for a reader of the mail: the licensee's own `/services/<id>`, or for another account (its
 * distributor) `/services/<id>?clientId=<licensee>`, without which the page answers 404 to the distributor.
 */
export function serviceLink(subscription: Pick<Subscription, 'subscriptionId' | 'accountId'>, readerAccountId: string): string {
  const page = `${config().portalUrl}/services/${subscription.subscriptionId}`;
  return readerAccountId === subscription.accountId ? page : `${page}?clientId=${encodeURIComponent(subscription.accountId)}`;
}

/** What a cancellation did: the subscription after it, and the refund to the balance with its corrections, if any. */
export interface CancellationNotice {
  subscription: Subscription;
  /** One correction per invoice that paid the span (shared/subscriptions/span.ts). */
  refund?: Money & { corrections: ReadonlyArray<{ invoiceId: string; number: string }> };
}

export function cancellationMail(to: string, locale: Locale, notice: CancellationNotice): Mail {
  const texts = shopMailMessages(locale).cancellations;
  const { subscription, refund } = notice;
  const ended = subscription.status === 'ended';
  const service = serviceName(subscription);
  return withFooter(locale, {
    to,
    subject: texts.subject(service),
    text: texts.text({
      service,
      ended,
      endsOn: formatDay(ended ? (subscription.endedAt ?? subscription.paidUntil) : subscription.paidUntil, locale),
      ...(refund && refund.amountMinor > 0 ? { refund: formatMoney(refund, locale) } : {}),
      ...(refund?.corrections.length ? { correction: refund.corrections.map((each) => each.number).join(', ') } : {}),
      link: serviceLink(subscription, subscription.accountId),
    }),
  });
}

/** What a downgrade credited now did: the plan before, the subscription after, the credit and its correction. */
export interface PlanCreditNotice {
  /** The account whose balance was credited (the one that paid the period). */
  accountId: string;
  from: string;
  subscription: Subscription;
  credit: Money & { correction?: { invoiceId: string; number: string } };
}

export function planCreditMail(to: string, locale: Locale, notice: PlanCreditNotice): Mail {
  const messages = shopMailMessages(locale);
  const texts = messages.planChanges;
  const { subscription, credit } = notice;
  const service = serviceName({ ...subscription, plan: notice.from });
  const period = messages.subscriptionJob.period(subscription.period.count, subscription.period.unit);
  return withFooter(locale, {
    to,
    subject: texts.creditSubject(service, subscription.plan),
    text: texts.creditText({
      service,
      from: notice.from,
      to: subscription.plan,
      price: messages.subscriptionJob.priceFor(formatMoney(subscription.price, locale), period),
      paidUntil: formatDay(subscription.paidUntil, locale),
      credit: formatMoney(credit, locale),
      ...(credit.correction ? { correction: credit.correction.number } : {}),
      // The account credited reads it: a distributor that paid the period for its client reads its client's page.
      link: serviceLink(subscription, notice.accountId),
      balanceLink: `${config().portalUrl}/balance`,
    }),
  });
}

/** Mails the account's renewal recipients; a failure is logged, never thrown: the change has been made. */
async function mailRenewals(accountId: string, subscriptionId: string, build: (to: string, locale: Locale) => Mail): Promise<void> {
  try {
    await mailAccount(accountId, 'renewals', (recipient) => build(recipient.email, recipient.locale));
  } catch (error) {
    logger.error('service mail: could not be sent', { error: error as Error, subscriptionId });
  }
}

/** After a cancellation that was made now (not a replay): the subscription's account is told. */
export function mailCancellation(notice: CancellationNotice): Promise<void> {
  const { subscription } = notice;
  return mailRenewals(subscription.accountId, subscription.subscriptionId, (to, locale) => cancellationMail(to, locale, notice));
}

/** After a downgrade credited now (not a replay): the account credited is told. */
export function mailPlanCredit(notice: PlanCreditNotice): Promise<void> {
  return mailRenewals(notice.accountId, notice.subscription.subscriptionId, (to, locale) => planCreditMail(to, locale, notice));
}
