// New programs: what the customer may buy, from the catalogue's one Query, in the account's currency. Only active
// products, editions and SKUs with a price in that currency are offered; an edition or product left with no SKU is not
// shown. The search folds case and diacritics the way every customer search does (shared/search/fold.ts).

import { type Account, getAccount } from '#shared/accounts/account.ts';
import { type Catalogue, readCatalogue } from '#shared/catalogue/read.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { money, type Money } from '#shared/money.ts';
import { foldSearchText } from '#shared/search/fold.ts';
import { accountCurrency } from '#shared/shop/currency.ts';

export interface ShopSku {
  sku: string;
  users: number;
  supportYears: number;
  days?: number;
  price: Money;
}

export interface ShopEdition {
  editionId: string;
  name: string;
  fromPrice: Money;
  skus: ShopSku[];
}

export interface ShopProduct {
  productId: string;
  name: string;
  fromPrice?: Money;
  editions: ShopEdition[];
}

const cheapest = (prices: Money[]): Money => prices.reduce((low, price) => (price.amountMinor < low.amountMinor ? price : low));

/** The products on offer in `currency`, by name; editions by their lowest price, SKUs by seats then support term. */
export function shopProducts(catalogue: Catalogue, currency: string): ShopProduct[] {
  const products = catalogue.products
    .filter((product) => product.status === 'active')
    .map((product): ShopProduct | undefined => {
      const editions = catalogue.editions
        .filter((edition) => edition.productId === product.productId && edition.status === 'active')
        .map((edition): ShopEdition | undefined => {
          const skus = catalogue.skus
            .filter((sku) => sku.productId === product.productId && sku.editionId === edition.editionId && sku.status === 'active')
            .flatMap((sku): ShopSku[] => {
              const price = sku.prices[currency];
              if (!price) return [];
              return [
                {
                  sku: sku.sku,
                  users: sku.users,
                  supportYears: sku.supportYears,
                  ...(sku.days ? { days: sku.days } : {}),
                  price: money(price.amountMinor, currency),
                },
              ];
            })
            .sort((a, b) => a.users - b.users || a.supportYears - b.supportYears || a.sku.localeCompare(b.sku));
          if (!skus.length) return undefined;
          return { editionId: edition.editionId, name: edition.name, fromPrice: cheapest(skus.map((sku) => sku.price)), skus };
        })
        .filter((edition) => edition !== undefined)
        .sort((a, b) => a.fromPrice.amountMinor - b.fromPrice.amountMinor || a.name.localeCompare(b.name));
      if (!editions.length) return undefined;
      return {
        productId: product.productId,
        name: product.name,
        fromPrice: cheapest(editions.map((edition) => edition.fromPrice)),
        editions,
      };
    });
  return products.filter((product) => product !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** The products whose name or one of whose editions' names contains the query, folded (`lodz` finds `Łódź`). */
export function searchProducts(products: ShopProduct[], query: string | undefined): ShopProduct[] {
  const folded = foldSearchText(query ?? '');
  if (!folded) return products;
  return products.filter((product) =>
    [product.name, ...product.editions.map((edition) => edition.name)].some((name) => foldSearchText(name).includes(folded)),
  );
}

/** The account's currency and the catalogue, read at once (one Get and one Query). */
export async function shopContext(accountId: string): Promise<{ currency: string; catalogue: Catalogue; account: Account }> {
  const [account, catalogue] = await Promise.all([getAccount(accountId), readCatalogue()]);
  if (!account) throw new NotFoundError('No such account.');
  return { currency: accountCurrency(account), catalogue, account };
}

export async function listShopProducts(accountId: string, query: string | undefined) {
  const { currency, catalogue } = await shopContext(accountId);
  return { currency, products: searchProducts(shopProducts(catalogue, currency), query) };
}

/**
 * One product on offer; unknown or retired: 404. An active product with nothing priced in the account's currency has
 * no editions (its page says it is not sold in that currency yet; the list leaves it out).
 */
export async function getShopProduct(accountId: string, productId: string): Promise<{ currency: string; product: ShopProduct }> {
  const { currency, catalogue } = await shopContext(accountId);
  const offered = shopProducts(catalogue, currency).find((candidate) => candidate.productId === productId);
  if (offered) return { currency, product: offered };
  const active = catalogue.products.find((candidate) => candidate.productId === productId && candidate.status === 'active');
  if (!active) throw new NotFoundError('No such product.');
  return { currency, product: { productId, name: active.name, editions: [] } };
}
