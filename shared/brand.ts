// The deploying vendor's brand: product name, support address, legal footer, colours and logo. One object per stage,
// from the stage configuration; the web and every mail read it from here. Until a stage names its own, Atrium's.

export interface Brand {
  /** The product name in titles, mails and the header, e.g. "Atrium". */
  productName: string;
  /** Where customers write for help; shown in the footer of pages and mails. */
  supportEmail: string;
  /** The vendor's legal line (company, registration, address) under every mail and page. */
  legalFooter: string;
}

export const DEFAULT_BRAND: Brand = {
  productName: 'Atrium',
  supportEmail: 'support@atrium.example',
  legalFooter: '',
};

/** The brand of this stage. */
export function brand(): Brand {
  return DEFAULT_BRAND;
}
