// A licence the customer bought, and the support & updates subscription that may cover it.

export interface Licence {
  licenceId: string;
  product: string;
  /** Serial number or the computer id the licence is bound to. */
  serial: string;
  /** For time-limited licences, how many days they run; absent for perpetual ones. */
  days?: number;
  users: number;
  edition: string;
  orderId: string;
  orderReference: string;
  purchasedAt: string;
  /** The end of the newest support subscription covering this licence, if any. */
  supportEndsAt?: string;
  /** The computer the licence is activated on (one per licence; docs/licensing-api.md), absent while it is free. */
  computerId?: string;
  /** When it was activated on that computer (or transferred to it). */
  activatedAt?: string;
}

export interface LicenceView extends Licence {
  supportActive: boolean;
}

export function toLicenceView(item: Record<string, unknown>, now: Date): LicenceView {
  const licence: Licence = {
    licenceId: item.licenceId as string,
    product: item.product as string,
    serial: item.serial as string,
    ...(typeof item.days === 'number' ? { days: item.days } : {}),
    users: item.users as number,
    edition: item.edition as string,
    orderId: item.orderId as string,
    orderReference: item.orderReference as string,
    purchasedAt: item.purchasedAt as string,
    ...(typeof item.supportEndsAt === 'string' ? { supportEndsAt: item.supportEndsAt } : {}),
    ...(typeof item.computerId === 'string' ? { computerId: item.computerId } : {}),
    ...(typeof item.activatedAt === 'string' ? { activatedAt: item.activatedAt } : {}),
  };
  return { ...licence, supportActive: licence.supportEndsAt !== undefined && new Date(licence.supportEndsAt) > now };
}
