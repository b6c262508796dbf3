// The parts of checkout both the checkout page and the order page show: the tax rule in words, the order's status badge
// and the bank-transfer instructions.

import type { Order } from './api.ts';
import { useI18n } from './i18n.ts';
import './pages/checkout.css';

type ShopState = NonNullable<Order['shop']>;

/** "VAT 23 %", "Reverse charge", "Not subject to VAT". */
export function TaxRuleText(props: { tax: Pick<ShopState['tax'], 'treatment' | 'rateBasisPoints'> }) {
  const { t } = useI18n();
  return <>{t.checkout.taxRule[props.tax.treatment](props.tax.rateBasisPoints / 100)}</>;
}

const STATUS_CLASS: Record<ShopState['status'], string> = {
  'awaiting-payment': 'badge badge-warn',
  paid: 'badge badge-ok',
  fulfilled: 'badge badge-ok',
  cancelled: 'badge badge-off',
  expired: 'badge badge-off',
};

export function OrderStatusBadge(props: { status: ShopState['status'] }) {
  const { t } = useI18n();
  return (
    <span class={STATUS_CLASS[props.status]} data-testid="order-status">
      {t.checkout.status[props.status]}
    </span>
  );
}

/** The vendor's bank account, the exact amount and the title to give a transfer. */
export function TransferInstructions(props: { instructions: NonNullable<ShopState['instructions']> }) {
  const { t, formatMoney, formatDate } = useI18n();
  const { instructions } = props;
  const rows: Array<[string, string]> = [
    [t.checkout.holder, instructions.holder],
    [t.checkout.bank, instructions.bankName],
    [t.checkout.iban, instructions.iban],
    [t.checkout.swift, instructions.swift],
    [t.checkout.amount, formatMoney(instructions.amount)],
    [t.checkout.transferTitle, instructions.title],
    [t.checkout.payBy, formatDate(instructions.dueAt)],
  ];
  return (
    <section class="card checkout-section" aria-labelledby="transfer-heading" data-testid="transfer-instructions">
      <h2 id="transfer-heading">{t.checkout.transferHeading}</h2>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <span class="serial">{value}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted small">{t.checkout.titleHelp}</p>
    </section>
  );
}
