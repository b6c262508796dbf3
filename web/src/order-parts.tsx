// The parts of an order both the customer's and the staff's order pages show: its lines with the total, and the
// contact given at purchase; and what a line is under its product (also on the cart and checkout pages).

import { type LineText, lineText } from '#shared/subscriptions/line-text.ts';
import type { Order } from './api.ts';
import { Link, TableRegion, useCellLabels } from './components.tsx';
import { useI18n } from './i18n.ts';

/**
 * What a line is, under its product: an action line's text (a renewal, a plan change, an upgrade) in the page's
 * language, from the facts its quote recorded; else (a licence line, an older action line) its edition and seats.
 */
export function LineTerms(props: { line: { edition: string; users: number; text?: LineText | undefined } }) {
  const { t, locale } = useI18n();
  const { line } = props;
  return <>{line.text ? lineText(line.text, locale) : `${line.edition} · ${t.licences.users}: ${line.users}`}</>;
}

export function OrderLinesTable(props: { order: Pick<Order, 'lines' | 'total'>; id: string }) {
  const { t, formatMoney } = useI18n();
  const { order } = props;
  const table = useCellLabels();
  return (
    <TableRegion labelledBy={`${props.id}-caption`} section>
      <table ref={table} class="stack" data-testid={props.id}>
        <caption id={`${props.id}-caption`}>{t.orderDetail.linesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.orderDetail.product}</th>
            <th scope="col">{t.orderDetail.sku}</th>
            <th scope="col" class="num">
              {t.orderDetail.quantity}
            </th>
            <th scope="col" class="num">
              {t.orderDetail.subtotal}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, index) => (
            <tr key={index}>
              <td>
                {line.product}
                <span class="muted small block">
                  <LineTerms line={line} />
                </span>
              </td>
              <td>
                <code class="sku">{line.sku}</code>
              </td>
              <td class="num">{line.quantity}</td>
              <td class="num">{formatMoney(line.subtotal)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t.orderDetail.total}
            </th>
            <td class="num">
              <strong>{formatMoney(order.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

export function OrderContact(props: { contact: Order['contact']; id: string }) {
  const { t, formatCountry } = useI18n();
  const { contact } = props;
  return (
    <section class="card section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{t.orderDetail.contactHeading}</h2>
      <dl class="facts" data-testid={props.id}>
        <div>
          <dt>{t.orderDetail.name}</dt>
          <dd>{contact.name}</dd>
        </div>
        <div>
          <dt>{t.orderDetail.email}</dt>
          <dd>{contact.email}</dd>
        </div>
        <div>
          <dt>{t.orderDetail.country}</dt>
          <dd>{formatCountry(contact.country)}</dd>
        </div>
        <div>
          <dt>{t.orderDetail.city}</dt>
          <dd>{contact.city}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The service subscriptions an order started (issue #15), each paid until the end of its first period; the customer's
 * page links to their services, where each is renewed and managed.
 */
export function StartedServices(props: { services: Order['services']; id: string; manageHref?: string }) {
  const { t, formatDate } = useI18n();
  if (!props.services?.length) return null;
  return (
    <section class="card section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{t.orderDetail.servicesHeading}</h2>
      <ul class="plain-list" data-testid={props.id}>
        {props.services.map((service) => (
          <li key={service.subscriptionId}>
            <strong>{t.orderDetail.serviceName(service.product, service.plan)}</strong>
            <span class="muted small block">{t.orderDetail.serviceStarted(formatDate(service.paidUntil))}</span>
          </li>
        ))}
      </ul>
      {props.manageHref && (
        <p>
          <Link href={props.manageHref}>{t.orderDetail.manageServices}</Link>
        </p>
      )}
    </section>
  );
}
