// The texts of why an order was cancelled (checkout.closedBecause in the five web catalogues) are typed by the refusal
// codes themselves (`satisfies Record<FulfilmentRefusal, string>`): a new code fails the type check until each language
// has its text. This holds the same at run time, and that each text is that language's own.

import { describe, expect, it } from 'vitest';
import { FULFILMENT_REFUSALS } from '#shared/orders/fields.ts';
import { de } from '../../web/src/messages/de.ts';
import { en } from '../../web/src/messages/en.ts';
import { fr } from '../../web/src/messages/fr.ts';
import { it as italian } from '../../web/src/messages/it.ts';
import { pl } from '../../web/src/messages/pl.ts';

describe('the texts of a fulfilment refusal', () => {
  it.each([
    ['en', en],
    ['pl', pl],
    ['de', de],
    ['fr', fr],
    ['it', italian],
  ])('%s has one text for every refusal code and no other', (locale, catalogue) => {
    const texts = catalogue.checkout.closedBecause;
    expect(Object.keys(texts).sort()).toEqual([...FULFILMENT_REFUSALS].sort());
    for (const code of FULFILMENT_REFUSALS) {
      expect(texts[code].length).toBeGreaterThan(10);
      if (locale !== 'en') expect(texts[code]).not.toBe(en.checkout.closedBecause[code]);
    }
  });
});
