// The shop and billing mail catalogue of each language (see shared/mail/messages/index.ts for the rest of the mail).

import type { Locale } from '#shared/i18n/locale.ts';
import { shopMailEn, type ShopMailMessages } from '#shared/mail/shop-messages/en.ts';
import { shopMailPl } from '#shared/mail/shop-messages/pl.ts';
import { shopMailDe } from '#shared/mail/shop-messages/de.ts';
import { shopMailFr } from '#shared/mail/shop-messages/fr.ts';
import { shopMailIt } from '#shared/mail/shop-messages/it.ts';

export type { ShopMailMessages };

const catalogues: Record<Locale, ShopMailMessages> = { en: shopMailEn, pl: shopMailPl, de: shopMailDe, fr: shopMailFr, it: shopMailIt };

export function shopMailMessages(locale: Locale): ShopMailMessages {
  return catalogues[locale];
}
