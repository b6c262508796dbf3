// Staff: the customer page, one page a support call needs. The account and the first page of each section, read in
// parallel keyed Queries of the account's partition (no Scan), then the recent sign-ins of its first users. Each
// section pages on through its own route (functions/admin/list-customer-*.ts) with the section's cursor.

import { getAccount, type Account } from '#shared/accounts/account.ts';
import { membersOfAccount, type Membership } from '#shared/accounts/membership.ts';
import { listAccountAudit, type AuditEntry } from '#shared/audit/audit.ts';
import { listSignIns, type SignInRecord } from '#shared/auth/sign-ins.ts';
import { listAccountContracts, type ContractSummary } from '#shared/contracts/account-contracts.ts';
import type { Page } from '#shared/db/page.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import type { LicenceView } from '#shared/licences/model.ts';
import { listOrders } from '#shared/orders/list-orders.ts';
import type { OrderSummary } from '#shared/orders/model.ts';
import { listSupportSubscriptions } from '#shared/support/list-support.ts';
import type { SupportSubscriptionView } from '#shared/support/model.ts';
import { now } from '#shared/time.ts';

/** Users listed on the page: an account has an owner and a few contacts. */
export const MAX_CUSTOMER_USERS = 50;
/** Sign-in history: the newest SIGN_INS_PER_USER of each of the first SIGN_IN_USERS users, newest first. */
export const SIGN_IN_USERS = 10;
export const SIGN_INS_PER_USER = 5;
/** First page of each paged section. */
export const SECTION_PAGE = 10;

export type CustomerUser = Pick<Membership, 'userId' | 'email' | 'role' | 'createdAt'>;
export type CustomerSignIn = SignInRecord & { userId: string; email: string };

/** What the customer page shows of the account: the summary, not its profile and verification (their own pages). */
export type CustomerPageAccount = Pick<
  Account,
  'accountId' | 'name' | 'activationKey' | 'contactEmail' | 'country' | 'vatId' | 'createdAt' | 'licenceCount' | 'lastOrder'
>;

export interface CustomerPage {
  account: CustomerPageAccount;
  users: CustomerUser[];
  licences: Page<LicenceView>;
  support: Page<SupportSubscriptionView>;
  orders: Page<OrderSummary>;
  contracts: ContractSummary[];
  signIns: CustomerSignIn[];
  audit: Page<AuditEntry>;
}

export const customerNotFound = () => new NotFoundError('The customer account was not found.');

/** The account, or 404: the section routes check it so an unknown id is not an empty page. */
export async function requireAccount(accountId: string): Promise<Account> {
  const account = await getAccount(accountId);
  if (!account) throw customerNotFound();
  return account;
}

/** Round trips: 7 parallel keyed reads, then at most SIGN_IN_USERS parallel Queries of the users' sign-ins. */
export async function getCustomerPage(accountId: string): Promise<CustomerPage> {
  const first = { limit: SECTION_PAGE };
  const [account, members, licences, support, orders, contracts, audit] = await Promise.all([
    getAccount(accountId),
    membersOfAccount(accountId, MAX_CUSTOMER_USERS),
    listLicences(accountId, first),
    listSupportSubscriptions(accountId, first),
    listOrders(accountId, first),
    listAccountContracts(accountId, now()),
    listAccountAudit(accountId, first),
  ]);
  if (!account) throw customerNotFound();
  const histories = await Promise.all(
    members.slice(0, SIGN_IN_USERS).map(async (member) => {
      const page = await listSignIns(member.userId, { limit: SIGN_INS_PER_USER });
      return page.items.map((signIn) => ({ ...signIn, userId: member.userId, email: member.email }));
    }),
  );
  const signIns = histories.flat().sort((a, b) => b.at.localeCompare(a.at));
  const users = members.map(({ userId, email, role, createdAt }) => ({ userId, email, role, createdAt }));
  const { accountId: id, name, activationKey, contactEmail, country, vatId, createdAt, licenceCount, lastOrder } = account;
  const summary: CustomerPageAccount = {
    accountId: id,
    name,
    activationKey,
    contactEmail,
    createdAt,
    ...(country !== undefined ? { country } : {}),
    ...(vatId !== undefined ? { vatId } : {}),
    ...(licenceCount !== undefined ? { licenceCount } : {}),
    ...(lastOrder !== undefined ? { lastOrder } : {}),
  };
  return { account: summary, users, licences, support, orders, contracts, signIns, audit };
}
