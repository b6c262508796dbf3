// Customer accounts and the people who may act for them.

export interface Account {
  accountId: string;
  name: string;
  /** Entered in the vendor's software to activate its licences. */
  activationKey: string;
  contactEmail: string;
  country?: string;
  createdAt: string;
}

export interface Membership {
  accountId: string;
  userId: string;
  email: string;
  role: 'owner' | 'contact';
  createdAt: string;
}
