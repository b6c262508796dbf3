// Every key of the single table is built here; docs/data-model.md lists each entity and access pattern.

import type { PoolName } from '#shared/config.ts';

export const keys = {
  account: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' }),
  /** GSI1 partition holding every account, newest first when read backwards. */
  accountsIndex: (createdAt: string, accountId: string) => ({
    GSI1PK: 'ACCOUNTS',
    GSI1SK: `${createdAt}#${accountId}`,
  }),

  membership: (accountId: string, userId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `MEMBER#${userId}` }),
  /** GSI1 partition listing the accounts one user belongs to. */
  membershipByUser: (userId: string, accountId: string) => ({
    GSI1PK: `USER#${userId}`,
    GSI1SK: `ACCOUNT#${accountId}`,
  }),

  /**
   * A person (a customer user, by the identity provider's `sub`): their own settings, which follow them into every
   * account they act for (name, phone, language, time zone, IP allow-list, sessions revoked before). On GSI1 under
   * the user's partition, sorting before their memberships (`#` < `A`), so customerCaller reads both in one Query.
   */
  person: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PERSON' }),
  personByUser: (userId: string) => ({ GSI1PK: `USER#${userId}`, GSI1SK: '#PERSON' }),

  /** A person's one-time security code for phone support: only its scrypt hash and when it was set (shared/security/security-code.ts). */
  securityCode: (userId: string) => ({ PK: `USER#${userId}`, SK: 'SECURITYCODE' }),

  /** An invitation of someone by e-mail into the account with a role (shared/accounts/invitation.ts), until it expires. */
  invitation: (accountId: string, invitationId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `INVITATION#${invitationId}` }),
  /** Finds an invitation by the SHA-256 of its link's token (the token itself is never stored). */
  invitationToken: (tokenHash: string) => ({ PK: `INVITATIONTOKEN#${tokenHash}`, SK: 'INVITATIONTOKEN' }),

  /**
   * One submission of an account's legal data (company name, VAT id, registered address) for staff verification. While
   * it awaits a decision it is on GSI1 in the queue partition, oldest first; the decision removes it from there.
   */
  companyVerification: (accountId: string, verificationId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `VERIFICATION#${verificationId}`,
  }),
  verificationsQueue: (submittedAt: string, accountId: string) => ({ GSI1PK: 'VERIFICATIONS', GSI1SK: `${submittedAt}#${accountId}` }),

  /** Who of the account's people receives each category of mail (shared/notifications/recipients.ts). */
  notificationRecipients: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'NOTIFICATIONS' }),

  /**
   * One person's subscription to one mailing list (marketing, per person): the consent (time, wording) and its end. On
   * GSI1 under `MAILING#<list>` only while subscribed (the index is sparse), so the staff export reads current
   * subscribers only.
   */
  mailingSubscription: (userId: string, list: string) => ({ PK: `USER#${userId}`, SK: `MAILING#${list}` }),
  mailingSubscribers: (list: string, consentedAt: string, userId: string) => ({
    GSI1PK: `MAILING#${list}`,
    GSI1SK: `${consentedAt}#${userId}`,
  }),

  order: (accountId: string, orderId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ORDER#${orderId}` }),
  /** Claims an order reference for one order: a conditional put makes references unique table-wide. */
  orderReference: (reference: string) => ({ PK: `ORDERREF#${reference}`, SK: 'ORDERREF' }),
  /** GSI1 partition of one customer e-mail's orders (on the order item), newest first when read backwards. */
  ordersByEmail: (email: string, orderId: string) => ({ GSI1PK: `ORDERS#EMAIL#${email}`, GSI1SK: `ORDER#${orderId}` }),
  /** GSI1 partition of every order (on the reference claim, which carries the summary), newest first backwards. */
  ordersIndex: (orderId: string) => ({ GSI1PK: 'ORDERS', GSI1SK: `ORDER#${orderId}` }),
  /** The atomic counter order references are numbered from (UpdateItem ADD). */
  orderReferenceCounter: () => ({ PK: 'COUNTER#ORDERREF', SK: 'COUNTER' }),
  /** A client's idempotency key for a staff-created order: a retry with the same key finds the first order. */
  idempotency: (key: string) => ({ PK: `IDEMPOTENCY#${key}`, SK: 'IDEMPOTENCY' }),
  /** Written with the account a staff order creates for a user, so two racing orders cannot create two accounts. */
  accountOwnerClaim: (userId: string) => ({ PK: `USER#${userId}`, SK: 'OWNEDACCOUNT' }),
  /** A support contract, by its number; holds the hashed activation code until an account claims it. */
  contract: (contractNumber: string) => ({ PK: `CONTRACT#${contractNumber}`, SK: 'CONTRACT' }),
  /** GSI1 partition of every contract (on the contract item), newest first when read backwards: the staff list. */
  contractsIndex: (createdAt: string, contractNumber: string) => ({
    GSI1PK: 'CONTRACTS',
    GSI1SK: `${createdAt}#${contractNumber}`,
  }),
  /**
   * One item per contract number in one partition, sorted by number: staff find contracts by a number prefix with one
   * Query (begins_with), then read the contracts by key. Written in the same transaction as the contract.
   */
  contractNumber: (contractNumber: string) => ({ PK: 'CONTRACTNUMBERS', SK: contractNumber }),
  /** The contract as seen from the account that claimed it. */
  accountContract: (accountId: string, contractNumber: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `CONTRACT#${contractNumber}` }),
  licence: (accountId: string, licenceId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `LICENCE#${licenceId}` }),
  /** One change of the computer a licence is activated on (activated, transferred, deactivated): the audit trail. */
  licenceEvent: (accountId: string, licenceId: string, eventId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `LICENCEEVENT#${licenceId}#${eventId}`,
  }),
  /** The account an activation key (normalised) belongs to: how the licensing API finds it without a Scan. */
  activationKey: (activationKey: string) => ({ PK: `ACTIVATIONKEY#${activationKey}`, SK: 'ACTIVATIONKEY' }),
  supportSubscription: (accountId: string, subscriptionId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `SUPPORT#${subscriptionId}`,
  }),
  /** GSI1 partition holding the support subscriptions that cover one licence (the licence detail page). */
  supportByLicence: (accountId: string, licenceId: string, subscriptionId: string) => ({
    GSI1PK: `ACCOUNT#${accountId}#LICENCE#${licenceId}`,
    GSI1SK: `SUPPORT#${subscriptionId}`,
  }),

  /**
   * The catalogue: one partition. Its current state (products, editions, SKUs with their current prices, upgrade paths)
   * sorts under `CAT#`, read by one Query; the price versions sort under `PRICE#<sku>#<currency>#<version>`.
   */
  catalogueProduct: (productId: string) => ({ PK: 'CATALOGUE', SK: `CAT#PRODUCT#${productId}` }),
  catalogueEdition: (productId: string, editionId: string) => ({ PK: 'CATALOGUE', SK: `CAT#EDITION#${productId}#${editionId}` }),
  catalogueSku: (sku: string) => ({ PK: 'CATALOGUE', SK: `CAT#SKU#${sku}` }),
  catalogueUpgrade: (productId: string, fromEditionId: string, toEditionId: string) => ({
    PK: 'CATALOGUE',
    SK: `CAT#UPGRADE#${productId}#${fromEditionId}#${toEditionId}`,
  }),
  /** One version of one SKU's price in one currency; zero-padded, so a SKU's versions sort by number. */
  cataloguePrice: (sku: string, currency: string, version: number) => ({
    PK: 'CATALOGUE',
    SK: `PRICE#${sku}#${currency}#${String(version).padStart(6, '0')}`,
  }),

  /** Failed sign-in attempts in a row for one subject (an e-mail of a pool, or a source IP), and its lock. */
  lockout: (subject: string) => ({ PK: `LOCKOUT#${subject}`, SK: 'LOCKOUT' }),
  /** The sign-in code mails of one address in one pool: cooldown and hourly count (shared/auth/code-mail-limits.ts). */
  /**
   * A staff user's sessions revoked before this time (customers keep it on their memberships instead). Its sort key
   * starts like the staff user's, so one Query reads both (staffCaller).
   */
  staffRevocation: (userId: string) => ({ PK: `USER#${userId}`, SK: 'STAFF#REVOCATION' }),
  /** A staff user as Atrium knows them: e-mail, groups, status. Cognito (or the local adapter) holds the credentials. */
  staffUser: (userId: string) => ({ PK: `USER#${userId}`, SK: 'STAFF' }),
  /** GSI1 partition of every staff user, by e-mail. */
  staffDirectory: (email: string, userId: string) => ({ GSI1PK: 'STAFF', GSI1SK: `${email}#${userId}` }),

  /** One audit entry (append-only): the partition of every entry, by time (auditId is a ULID). */
  auditEntry: (auditId: string) => ({ PK: 'AUDIT', SK: `AUDIT#${auditId}` }),
  /** GSI1 partition of one staff user's audit entries, by time (on the entry). */
  auditByStaff: (userId: string, auditId: string) => ({ GSI1PK: `AUDIT#STAFF#${userId}`, GSI1SK: `AUDIT#${auditId}` }),
  /** The entry's copy under its target (a licence, an order, a contract, a staff user...), for the target filter. */
  auditByTarget: (kind: string, targetId: string, auditId: string) => ({
    PK: `AUDIT#TARGET#${kind}#${targetId}`,
    SK: `AUDIT#${auditId}`,
  }),
  /** The entry's copy in the customer account it concerns: the customer page's audit and the customer's activity. */
  accountAudit: (accountId: string, auditId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `AUDIT#${auditId}` }),
  /** How many things of one kind need the staff's attention (shared/staff/attention.ts); moved by UpdateItem ADD. */
  attentionCounter: (kind: string) => ({ PK: 'ATTENTION', SK: `COUNTER#${kind}` }),
  /** A staff user's read-only view of one customer account ("view as customer"), until `expiresAt`. */
  viewAsSession: (userId: string, accountId: string) => ({ PK: `USER#${userId}`, SK: `STAFF#VIEWAS#${accountId}` }),
  codeMail: (pool: PoolName, email: string) => ({ PK: `CODEMAIL#${pool}#${email}`, SK: 'CODEMAIL' }),
  /** A fixed-window counter of one rate limit (e.g. code e-mails per address per quarter-hour). */
  rateWindow: (limit: string, subject: string, windowStart: number) => ({
    PK: `RATE#${limit}#${subject}`,
    SK: `WINDOW#${windowStart}`,
  }),
  /** One sign-in of one user; the id is a ULID, so the user's sign-ins sort by time. */
  signIn: (userId: string, signInId: string) => ({ PK: `USER#${userId}`, SK: `SIGNIN#${signInId}` }),

  /**
   * Customer search: one index entry per searchable value (name, e-mail, order reference, serial, ...), by its folded
   * term (shared/search/fold.ts). The partition is the term's first two characters, so any prefix of two or more is one
   * Query with begins_with; the sort key ends in kind and account, so equal terms of different accounts stay apart.
   */
  searchEntry: (term: string, kind: string, accountId: string) => ({
    PK: searchPartition(term),
    SK: `${term}#${kind}#${accountId}`,
  }),

  /** An address SES reported as a permanent bounce or a complaint: Atrium does not mail it again. */
  mailSuppression: (email: string) => ({ PK: `MAIL#SUPPRESSED#${email}`, SK: 'SUPPRESSION' }),

  /**
   * What an import from an old portal created for one record, by the record's natural key (the old account id, the
   * old account id + e-mail of a user, a licence serial): a second import of the same file finds it and skips the row.
   */
  importClaim: (record: 'account' | 'user' | 'licence', naturalKey: string) => ({
    PK: `IMPORT#${record.toUpperCase()}#${naturalKey}`,
    SK: 'IMPORT',
  }),

  /** A news item for the customers' home page (shared/home/news.ts): every item in one partition, as written (ULID). */
  news: (newsId: string) => ({ PK: 'NEWS', SK: `NEWS#${newsId}` }),
  /** GSI1 partition of the published news, by date then id (on the item while it is published): the customers' list. */
  publishedNews: (date: string, newsId: string) => ({ GSI1PK: 'NEWS#PUBLISHED', GSI1SK: `${date}#${newsId}` }),
  /** The offer banner on the customers' home page (shared/home/banner.ts): one item. */
  banner: () => ({ PK: 'BANNER', SK: 'BANNER' }),

  // -- support desk (issue #13): tickets, their thread, assets, knowledge base --
  /**
   * A support ticket, by its number (shared/tickets/model.ts): the ticket item and its thread (messages, notes, status
   * events, attachments) share the partition, so one Query reads a ticket with its conversation.
   */
  ticket: (ticketNumber: number) => ({ PK: ticketPartition(ticketNumber), SK: 'TICKET' }),
  /** GSI1 partition of one account's tickets, last change first when read backwards. */
  accountTickets: (accountId: string, updatedAt: string, ticketNumber: number) => ({
    GSI1PK: `ACCOUNT#${accountId}#TICKETS`,
    GSI1SK: `${updatedAt}#${ticketSortKey(ticketNumber)}`,
  }),
  /** GSI2 partition of the staff queue: every open ticket (or every closed one), last change first when read backwards. */
  ticketQueue: (open: boolean, updatedAt: string, ticketNumber: number) => ({
    GSI2PK: open ? 'TICKETS#OPEN' : 'TICKETS#CLOSED',
    GSI2SK: `${updatedAt}#${ticketSortKey(ticketNumber)}`,
  }),
  /** One entry of a ticket's thread: a reply, an internal note, a status event (ULID: in time order). */
  ticketMessage: (ticketNumber: number, messageId: string) => ({ PK: ticketPartition(ticketNumber), SK: `MESSAGE#${messageId}` }),
  /** The counter that numbers tickets (an atomic ADD). */
  ticketCounter: () => ({ PK: 'COUNTER#TICKETS', SK: 'COUNTER' }),
  /** An asset (device or software under contract) in its account's partition (shared/assets/model.ts). */
  asset: (accountId: string, assetId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ASSET#${assetId}` }),
  /** GSI1 partition of one contract's assets. */
  contractAssets: (contractNumber: string, assetId: string) => ({ GSI1PK: `CONTRACT#${contractNumber}#ASSETS`, GSI1SK: assetId }),
  // -- attachments (issue #13): files on a ticket, in the ticket's partition; the objects are in the files bucket --
  /** A file attached to a ticket (shared/tickets/attachments.ts): pending until its upload is checked, then visible or rejected. */
  ticketAttachment: (ticketNumber: number, attachmentId: string) => ({
    PK: ticketPartition(ticketNumber),
    SK: `ATTACHMENT#${attachmentId}`,
  }),
  /** How many attachments a ticket has had (an atomic ADD with a ceiling: MAX_ATTACHMENTS_PER_TICKET). */
  ticketAttachmentCounter: (ticketNumber: number) => ({ PK: ticketPartition(ticketNumber), SK: 'ATTACHMENTS' }),

  // -- ticket-mail: replies by e-mail --
  /** A received mail, by the SHA-256 of its Message-ID: taken once, in the same transaction as its reply (idempotency). */
  ticketMailClaim: (messageHash: string) => ({ PK: `TICKETMAIL#${messageHash}`, SK: 'CLAIM' }),

  // -- tickets: product-specific ticket fields --
  /**
   * The fields a technical ticket on a product's assets asks (shared/tickets/fields.ts), in the CATALOGUE partition
   * but outside `CAT#`, so the catalogue's one-Query read never carries them.
   */
  ticketFields: (productId: string) => ({ PK: 'CATALOGUE', SK: `TICKETFIELDS#${productId}` }),

  // -- sla: breach claims, the monthly report, canned replies --
  /** Claims that a ticket's breach of one target was mailed (shared/tickets/sla-breaches.ts): written once, with the mark. */
  slaBreachClaim: (ticketNumber: number, target: 'first-response' | 'resolution') => ({
    PK: ticketPartition(ticketNumber),
    SK: `SLABREACH#${target}`,
  }),
  /** One month's SLA report (shared/tickets/sla-report.ts), `yyyy-mm`. */
  slaReport: (month: string) => ({ PK: `SLAREPORT#${month}`, SK: 'SLAREPORT' }),
  /** A canned reply of the staff (shared/tickets/canned-replies.ts): all in one partition, at most 200. */
  cannedReply: (cannedReplyId: string) => ({ PK: 'CANNED', SK: `CANNED#${cannedReplyId}` }),
  /** How many canned replies exist: kept in the same transaction as each create and delete, so the limit holds. */
  cannedReplyCount: () => ({ PK: 'CANNED', SK: 'COUNT' }),

  // -- knowledge: the knowledge base (shared/knowledge/), every item in the KB partition --
  /** A knowledge-base article with all its translations (ULID: the staff list sorts by when it was written). */
  kbArticle: (articleId: string) => ({ PK: 'KB', SK: `KB#ARTICLE#${articleId}` }),
  /** GSI1 partition of the published articles, by publishing time then id (on the item while it is published). */
  publishedArticle: (publishedAt: string, articleId: string) => ({ GSI1PK: 'KB#PUBLISHED', GSI1SK: `${publishedAt}#${articleId}` }),
  /**
   * The serialised search index of one language: a head (revision, part count) and its parts (`#00`, `#01`, ...), all
   * under one sort-key prefix, so one Query reads a language's whole index.
   */
  kbIndexHead: (locale: string) => ({ PK: 'KB', SK: `KB#INDEX#${locale}` }),
  kbIndexPart: (locale: string, part: number) => ({ PK: 'KB', SK: `KB#INDEX#${locale}#${String(part).padStart(2, '0')}` }),
  /** The knowledge base's revision: an atomic ADD with every article write; an index built from an older one never replaces a newer. */
  kbRevision: () => ({ PK: 'KB', SK: 'KB#REVISION' }),

  // -- shop and billing (issue #14): the cart, invoices and their numbers, the balance ledger, payments, refunds --
  /** The account's cart (shared/shop/cart.ts): one item, persisted across sign-outs. */
  cart: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'CART' }),
  /** An invoice (proforma, VAT or correction: shared/billing/invoice.ts) in its account's partition; ULID id: time order. */
  invoice: (accountId: string, invoiceId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `INVOICE#${invoiceId}` }),
  /** GSI2 partition of every invoice (the staff list), newest first when read backwards. */
  invoicesIndex: (issuedAt: string, invoiceId: string) => ({ GSI2PK: 'INVOICES', GSI2SK: `${issuedAt}#${invoiceId}` }),
  /** An invoice number, taken once (`FV/2026/000123`): finds the invoice by its number, and no number is used twice. */
  invoiceNumber: (number: string) => ({ PK: `INVOICENO#${number}`, SK: 'INVOICENO' }),
  /** The last number of one series and year (shared/billing/invoice-numbers.ts): set in the invoice's transaction. */
  invoiceCounter: (series: string, year: number) => ({ PK: `COUNTER#INVOICE#${series}#${year}`, SK: 'COUNTER' }),
  /** One entry of the account's balance ledger in one currency (shared/billing/ledger.ts); ULID id: time order. */
  ledgerEntry: (accountId: string, currency: string, entryId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `LEDGER#${currency}#${entryId}`,
  }),
  /** A bank payment staff recorded, by its normalised bank reference: taken once (a payment recorded twice is refused). */
  bankPayment: (bankReference: string) => ({ PK: `BANKPAYMENT#${bankReference}`, SK: 'BANKPAYMENT' }),
  /** A payment in its account's partition (the payment history), ULID id. */
  payment: (accountId: string, paymentId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `PAYMENT#${paymentId}` }),
  /** A refund to the balance, keyed by what it refunds (`order#<id>`, `subscription#<id>#<period>`): applied once. */
  refund: (sourceKey: string) => ({ PK: `REFUND#${sourceKey}`, SK: 'REFUND' }),
  /** GSI2 partition of the orders awaiting payment, by when they expire (the expiry job reads due ones in pages). */
  awaitingPayment: (expiresAt: string, orderId: string) => ({ GSI2PK: 'ORDERS#AWAITING', GSI2SK: `${expiresAt}#${orderId}` }),
  /** A checkout's idempotency record: the page's key for one account (shared/shop/checkout.ts). */
  checkoutKey: (accountId: string, key: string) => ({ PK: `CHECKOUT#${accountId}#${key}`, SK: 'CHECKOUT' }),
  // payments (shared/billing/payment.ts, shared/shop/order-payments.ts):
  /** GSI2 partition of every payment (the staff's recent payments), newest first when read backwards. */
  paymentsIndex: (recordedAt: string, paymentId: string) => ({ GSI2PK: 'PAYMENTS', GSI2SK: `${recordedAt}#${paymentId}` }),
  /** A payment from the balance, by the page's idempotency key for one account: a double click or a retry pays once. */
  balancePaymentClaim: (accountId: string, key: string) => ({ PK: `PAYCLAIM#${accountId}#${key}`, SK: 'PAYCLAIM' }),

  // -- distributors (issue #15): a distributor's clients --
  /**
   * One client of a distributor, in the distributor's partition (shared/accounts/distributors.ts): the distributor lists
   * its clients with one Query. Written with the client's `distributorId` in one transaction.
   */
  distributorClient: (distributorId: string, clientId: string) => ({ PK: `ACCOUNT#${distributorId}`, SK: `DISTCLIENT#${clientId}` }),
  // -- subscriptions (issue #15): services sold by period (shared/subscriptions/) --
  /** A subscription (support & updates of a licence, or a service plan) in its account's partition. */
  subscription: (accountId: string, subscriptionId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `SUBSCRIPTION#${subscriptionId}` }),
  /** One event of a subscription's history (renewal, plan change, cancellation, status change, reminder); ULID id. */
  subscriptionEvent: (accountId: string, subscriptionId: string, eventId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `SUBEVENT#${subscriptionId}#${eventId}`,
  }),
  /**
   * GSI2 partitions of the daily job's schedule: a subscription sits in shard `n` under the day its next action is due
   * (a reminder, a status change, auto-renew, its end) and leaves the index when nothing is left to do. The job reads
   * `GSI2SK <= <today>~` of each shard in pages: bounded work, never a Scan.
   */
  subscriptionSchedule: (shard: number, on: string, accountId: string, subscriptionId: string) => ({
    GSI2PK: `SUBSCHEDULE#${shard}`,
    GSI2SK: `${on}#${accountId}#${subscriptionId}`,
  }),
  // -- balance --
  /** A staff balance adjustment's idempotency claim (shared/billing/adjustments.ts): the same key applies once. */
  balanceAdjustment: (accountId: string, key: string) => ({ PK: `BALANCEADJ#${accountId}#${key}`, SK: 'BALANCEADJ' }),
  /** A top-up's idempotency record (shared/billing/top-up.ts): the page's key makes one top-up order per account. */
  topUpKey: (accountId: string, key: string) => ({ PK: `TOPUP#${accountId}#${key}`, SK: 'TOPUP' }),

  /** Local identity adapter: one user of one pool, addressed by normalised e-mail. */
  localUser: (pool: PoolName, email: string) => ({ PK: `IDP#${pool}#EMAIL#${email}`, SK: 'USER' }),
  /** Local identity adapter: the pending code of an e-mail confirmation, a password reset link or a change of e-mail. */
  localLinkCode: (pool: PoolName, email: string, purpose: 'confirm' | 'reset' | 'email-change') => ({
    PK: `IDP#${pool}#EMAIL#${email}`,
    SK: `CODE#${purpose}`,
  }),
  /** Local identity adapter: a refresh token, by the SHA-256 of its value (the value itself is never stored). */
  localRefreshToken: (tokenHash: string) => ({ PK: `IDP#REFRESH#${tokenHash}`, SK: 'REFRESH' }),
  /** Local identity adapter: a pending sign-in waiting for its e-mailed code. */
  localChallenge: (sessionId: string) => ({ PK: `IDP#CHALLENGE#${sessionId}`, SK: 'CHALLENGE' }),
} as const;

/** Sort-key prefixes for Query with begins_with inside an account's partition. */
export const SK_PREFIX = {
  member: 'MEMBER#',
  invitation: 'INVITATION#',
  order: 'ORDER#',
  licence: 'LICENCE#',
  supportSubscription: 'SUPPORT#',
  signIn: 'SIGNIN#',
  /** Followed by `<licenceId>#`: one licence's events. */
  licenceEvent: 'LICENCEEVENT#',
  /** The account's claimed support contracts. */
  accountContract: 'CONTRACT#',
  /** The catalogue's current state in the CATALOGUE partition (products, editions, SKUs, upgrade paths). */
  catalogue: 'CAT#',
  /** Followed by `<sku>#` (and `<currency>#`): one SKU's price versions. */
  cataloguePrice: 'PRICE#',
  /** Audit entries (in the AUDIT partition, a target's, or an account's). */
  audit: 'AUDIT#',
  /** A staff user's own items: profile, revocation, view-as sessions. */
  staff: 'STAFF',
  /** News items in the NEWS partition. */
  news: 'NEWS#',
  /** The account's assets. */
  asset: 'ASSET#',
  /** A ticket's thread in its partition. */
  ticketMessage: 'MESSAGE#',
  /** A ticket's attachments in its partition. */
  ticketAttachment: 'ATTACHMENT#',
  /** The staff's canned replies in the CANNED partition. */
  cannedReply: 'CANNED#',
  /** The account's invoices. */
  invoice: 'INVOICE#',
  /** Followed by `<currency>#`: the account's ledger in one currency. */
  ledger: 'LEDGER#',
  /** The account's payments (history). */
  payment: 'PAYMENT#',
  /** A distributor's clients (issue #15). */
  distributorClient: 'DISTCLIENT#',
  /** The account's subscriptions (issue #15). */
  subscription: 'SUBSCRIPTION#',
  /** Followed by `<subscriptionId>#`: one subscription's history. */
  subscriptionEvent: 'SUBEVENT#',
} as const;

/** The partition of one ticket: the ticket item and its thread. */
export function ticketPartition(ticketNumber: number): string {
  return `TICKET#${ticketNumber}`;
}

/** Ticket numbers zero-padded in sort keys, so equal times order by number. */
function ticketSortKey(ticketNumber: number): string {
  return String(ticketNumber).padStart(10, '0');
}

/** The search index partition of a folded term or query: `SEARCH#` and its first two characters (code points). */
export function searchPartition(term: string): string {
  return `SEARCH#${Array.from(term).slice(0, 2).join('')}`;
}

/** The partition holding the whole catalogue. */
export const CATALOGUE_PARTITION = 'CATALOGUE';

export function accountPartition(accountId: string): string {
  return `ACCOUNT#${accountId}`;
}
