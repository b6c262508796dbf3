// The route table: every HTTP route of Atrium, once. CDK builds a function, route, authorizer and grant from each entry;
// the local server dispatches the very same entries to the very same handler modules. Method, path, access and schemas
// come from each route's contract (shared/api/), so nothing about a route is written twice.

import * as api from '#shared/api/index.ts';
import { type Contract, type Method, viewAsPath } from '#shared/api/contract.ts';
import type { StaffGroup } from '#shared/accounts/groups.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';

export type { Method };
/** Which user pool's authorizer guards the route; staff routes also name their groups in the contract. */
export type Access = 'public' | 'customer' | 'staff';
export type TableAccess = 'none' | 'read' | 'read-write';

/** What the table says about a route beyond its contract: the code that serves it and what that code may touch. */
export interface RouteEntry {
  /** Method, path, access, request and response schemas (shared/api/). */
  contract: Contract;
  /** Module under functions/, without extension; it exports `handler`. */
  handler: string;
  table: TableAccess;
  /** Sends e-mail through SES. */
  sendsMail?: boolean;
  /** Calls the user pools' admin API (create, delete or sign out a user), beyond the public client's calls. */
  identityAdmin?: boolean;
  /** Signs licence files or publishes their public key: reads the licence-signing secret (docs/licence-files.md). */
  signsLicences?: boolean;
  /** Signs or checks one-click unsubscribe links: reads the unsubscribe secret (shared/notifications/unsubscribe-link.ts). */
  unsubscribeLinks?: boolean;
  /** Signs ticket reply addresses (shared/tickets/reply-address.ts): may read the reply-address key. */
  ticketReplies?: boolean;
  /**
   * The files bucket (ticket attachments): `read` signs download links (GetObject); `read-write` also checks and
   * deletes uploads and signs upload policies (GetObject, PutObject, DeleteObject on `attachments/*`).
   */
  files?: 'read' | 'read-write';
  /**
   * Invoice PDFs in the files bucket (`invoices/*`): renders and stores an invoice's PDF on its first download and signs
   * download links (GetObject, PutObject on that prefix only); the bundle carries the PDF's fonts (DejaVu Sans).
   */
  invoicePdfs?: boolean;
}

/** A route as CDK and the local server read it: the entry plus what its contract says, written once there. */
export interface Route extends RouteEntry {
  method: Method;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: string;
  access: Access;
  /** The staff groups allowed; empty unless access is `staff`. */
  staffGroups: readonly StaffGroup[];
  /** The roles in the customer's account allowed (shared/accounts/roles.ts); empty unless access is `customer`. */
  customerRoles: readonly CustomerRole[];
  /**
   * Customer routes only: the same handler mounted for staff under `/api/view-as/{viewAsAccountId}` ("view as
   * customer", read-only: shared/accounts/view-as.ts), behind the staff pool's authorizer.
   */
  viewAsPath?: string;
}

/** Every staff group may view a customer's pages (and each view is audited with its reason). */
export const VIEW_AS_GROUPS: readonly StaffGroup[] = ['admin', 'support', 'billing'];

const entries: readonly RouteEntry[] = [
  { contract: api.system.getHealth, handler: 'system/get-health', table: 'none' },
  { contract: api.system.getOpenApi, handler: 'system/get-openapi', table: 'none' },

  // Sign-in, sign-up and recovery: public by nature; each step is under the lockout or a rate limit kept in the table.
  { contract: api.auth.startSignIn, handler: 'auth/start-sign-in', table: 'read-write', sendsMail: true },
  { contract: api.auth.startOrderSignIn, handler: 'auth/start-order-sign-in', table: 'read-write', sendsMail: true, identityAdmin: true },
  { contract: api.auth.verifySignInCode, handler: 'auth/verify-sign-in-code', table: 'read-write', sendsMail: true },
  { contract: api.auth.refreshSession, handler: 'auth/refresh-session', table: 'read-write', sendsMail: true },
  { contract: api.auth.signOut, handler: 'auth/sign-out', table: 'read-write' },
  { contract: api.auth.signUp, handler: 'auth/sign-up', table: 'read-write', sendsMail: true, identityAdmin: true },
  { contract: api.auth.confirmEmail, handler: 'auth/confirm-email', table: 'read-write' },
  { contract: api.auth.resendConfirmation, handler: 'auth/resend-confirmation', table: 'read-write' },
  { contract: api.auth.startPasswordReset, handler: 'auth/start-password-reset', table: 'read-write' },
  { contract: api.auth.finishPasswordReset, handler: 'auth/finish-password-reset', table: 'read-write', identityAdmin: true },

  { contract: api.account.getMyAccount, handler: 'account/get-my-account', table: 'read' },
  { contract: api.account.listMySignIns, handler: 'account/list-my-sign-ins', table: 'read' },
  { contract: api.audit.listMyActivity, handler: 'account/list-my-activity', table: 'read' },
  { contract: api.licences.listLicences, handler: 'licences/list-licences', table: 'read' },
  { contract: api.licences.getLicence, handler: 'licences/get-licence', table: 'read' },
  // Licence files, activations and the licensing API (docs/licensing-api.md). The licensing routes are public: the vendor's
  // software calls them with the account's activation key, under rate limits per key and per source address.
  { contract: api.licences.downloadLicenceFile, handler: 'licences/download-licence-file', table: 'read', signsLicences: true },
  { contract: api.support.downloadSupportFile, handler: 'support/download-support-file', table: 'read', signsLicences: true },
  { contract: api.licences.listLicenceActivations, handler: 'licences/list-licence-activations', table: 'read' },
  { contract: api.licences.transferLicence, handler: 'licences/transfer-licence', table: 'read-write' },
  { contract: api.licences.deactivateLicence, handler: 'licences/deactivate-licence', table: 'read-write' },
  { contract: api.licensing.getPublicKey, handler: 'licensing/get-public-key', table: 'none', signsLicences: true },
  { contract: api.licensing.activateLicence, handler: 'licensing/activate-licence', table: 'read-write', signsLicences: true },
  { contract: api.licensing.refreshLicence, handler: 'licensing/refresh-licence', table: 'read-write', signsLicences: true },
  { contract: api.support.listSupportSubscriptions, handler: 'support/list-support-subscriptions', table: 'read' },
  { contract: api.orders.listOrders, handler: 'orders/list-orders', table: 'read' },
  { contract: api.orders.getOrder, handler: 'orders/get-order', table: 'read' },

  // Before any /api/admin/customers/{accountId} route: the local server dispatches the first path that matches.
  { contract: api.customers.searchCustomers, handler: 'admin/search-customers', table: 'read' },
  { contract: api.customers.listCustomers, handler: 'admin/list-customers', table: 'read' },
  // The audit trail of staff actions (every staff write declares its entry in its contract), and "view as customer".
  { contract: api.audit.listAudit, handler: 'admin/list-audit', table: 'read' },
  { contract: api.audit.listCustomerAudit, handler: 'admin/list-customer-audit', table: 'read' },
  { contract: api.audit.startViewAs, handler: 'admin/start-view-as', table: 'read-write' },
  { contract: api.dashboard.getDashboard, handler: 'admin/get-dashboard', table: 'read' },
  // The customer page: the account and the first page of each section, then each section's further pages.
  { contract: api.customerPage.getCustomer, handler: 'admin/get-customer', table: 'read' },
  { contract: api.customerPage.listCustomerLicences, handler: 'admin/list-customer-licences', table: 'read' },
  { contract: api.customerPage.listCustomerSupport, handler: 'admin/list-customer-support', table: 'read' },
  { contract: api.customerPage.listCustomerOrders, handler: 'admin/list-customer-orders', table: 'read' },
  { contract: api.customerPage.listCustomerLicenceActivations, handler: 'admin/list-customer-licence-activations', table: 'read' },
  // Staff actions from the customer page, each audited in the transaction of its change (docs/api.md).
  { contract: api.customerPage.staffFreeLicence, handler: 'admin/free-customer-licence', table: 'read-write' },
  { contract: api.customerPage.staffMoveLicence, handler: 'admin/move-customer-licence', table: 'read-write' },
  { contract: api.customerPage.staffRevokeLicence, handler: 'admin/revoke-customer-licence', table: 'read-write' },
  {
    contract: api.customerPage.staffReissueLicenceFile,
    handler: 'admin/reissue-customer-licence',
    table: 'read-write',
    signsLicences: true,
  },
  { contract: api.customerPage.extendSupport, handler: 'admin/extend-customer-support', table: 'read-write' },
  { contract: api.customerPage.resendOrderConfirmation, handler: 'admin/resend-order-confirmation', table: 'read-write', sendsMail: true },
  { contract: api.customerPage.moveOrder, handler: 'admin/move-customer-order', table: 'read-write' },
  // Staff orders: the catalogue, creating an order for a customer by e-mail (their user and account too, if new),
  // finding orders by reference or e-mail, and one order in full.
  { contract: api.orders.listCatalogue, handler: 'admin/list-catalogue', table: 'read' },
  { contract: api.orders.createStaffOrder, handler: 'admin/create-order', table: 'read-write', sendsMail: true, identityAdmin: true },
  // The catalogue (admin, billing): read whole, a SKU's price history, and audited changes.
  { contract: api.catalogue.getCatalogue, handler: 'catalogue/get-catalogue', table: 'read' },
  { contract: api.catalogue.listPriceHistory, handler: 'catalogue/list-price-history', table: 'read' },
  { contract: api.catalogue.createProduct, handler: 'catalogue/create-product', table: 'read-write' },
  { contract: api.catalogue.editProduct, handler: 'catalogue/edit-product', table: 'read-write' },
  { contract: api.catalogue.createEdition, handler: 'catalogue/create-edition', table: 'read-write' },
  { contract: api.catalogue.editEdition, handler: 'catalogue/edit-edition', table: 'read-write' },
  { contract: api.catalogue.createSku, handler: 'catalogue/create-sku', table: 'read-write' },
  { contract: api.catalogue.setSkuStatus, handler: 'catalogue/set-sku-status', table: 'read-write' },
  { contract: api.catalogue.setPrice, handler: 'catalogue/set-price', table: 'read-write' },
  { contract: api.catalogue.addUpgrade, handler: 'catalogue/add-upgrade', table: 'read-write' },
  { contract: api.catalogue.removeUpgrade, handler: 'catalogue/remove-upgrade', table: 'read-write' },
  { contract: api.orders.listStaffOrders, handler: 'admin/list-orders', table: 'read' },
  { contract: api.orders.getStaffOrder, handler: 'admin/get-order', table: 'read' },
  // Support contracts: list and search by number prefix or account, create (with a one-time activation code when
  // unassigned), one contract, regenerate its code, edit its term and SLA level.
  { contract: api.contracts.listContracts, handler: 'admin/list-contracts', table: 'read' },
  { contract: api.contracts.createContract, handler: 'admin/create-contract', table: 'read-write' },
  { contract: api.contracts.getContract, handler: 'admin/get-contract', table: 'read' },
  { contract: api.contracts.regenerateActivationCode, handler: 'admin/regenerate-activation-code', table: 'read-write' },
  { contract: api.contracts.updateContract, handler: 'admin/update-contract', table: 'read-write' },

  // Staff users (admin): the identity provider holds credentials and groups, the table the directory and the audit.
  { contract: api.staff.listStaffUsers, handler: 'admin/list-staff-users', table: 'read' },
  { contract: api.staff.inviteStaffUser, handler: 'admin/invite-staff-user', table: 'read-write', sendsMail: true, identityAdmin: true },
  { contract: api.staff.setStaffGroups, handler: 'admin/set-staff-groups', table: 'read-write', identityAdmin: true },
  { contract: api.staff.disableStaffUser, handler: 'admin/disable-staff-user', table: 'read-write', identityAdmin: true },
  { contract: api.staff.enableStaffUser, handler: 'admin/enable-staff-user', table: 'read-write', identityAdmin: true },
  { contract: api.staff.signOutStaffUser, handler: 'admin/sign-out-staff-user', table: 'read-write', identityAdmin: true },
  // Every staff user's own sign-in history.
  { contract: api.staff.listMyStaffSignIns, handler: 'admin/list-my-sign-ins', table: 'read' },
  // The customer's own account (issue #12), one section per area: profile and company verification,
  // the people of the account, the security centre, notifications and the mailing list, the home page.
  // -- profile --
  { contract: api.profile.getMyProfile, handler: 'profile/get-my-profile', table: 'read' },
  { contract: api.profile.updateMyPersonalData, handler: 'profile/update-my-personal-data', table: 'read-write' },
  { contract: api.profile.updateAccountProfile, handler: 'profile/update-account-profile', table: 'read-write' },
  { contract: api.profile.updateBillingAddress, handler: 'profile/update-billing-address', table: 'read-write' },
  // Staff (billing, admin): the company verification queue; a decision is audited and mailed to the customer.
  { contract: api.profile.listVerifications, handler: 'admin/list-verifications', table: 'read' },
  { contract: api.profile.getVerification, handler: 'admin/get-verification', table: 'read' },
  { contract: api.profile.approveVerification, handler: 'admin/approve-verification', table: 'read-write', sendsMail: true },
  { contract: api.profile.rejectVerification, handler: 'admin/reject-verification', table: 'read-write', sendsMail: true },

  // -- people --
  { contract: api.people.listPeople, handler: 'people/list-people', table: 'read' },
  { contract: api.people.invitePerson, handler: 'people/invite-person', table: 'read-write', sendsMail: true },
  { contract: api.people.resendInvitation, handler: 'people/resend-invitation', table: 'read-write', sendsMail: true },
  { contract: api.people.revokeInvitation, handler: 'people/revoke-invitation', table: 'read-write' },
  { contract: api.people.changeRole, handler: 'people/change-role', table: 'read-write', sendsMail: true },
  { contract: api.people.removePerson, handler: 'people/remove-person', table: 'read-write', sendsMail: true },
  { contract: api.people.listMyAccounts, handler: 'people/list-my-accounts', table: 'read' },
  { contract: api.people.leaveAccount, handler: 'people/leave-account', table: 'read-write', sendsMail: true },
  // Public: the invitation's token proves the mailbox. Accepting may create the user (identity admin).
  { contract: api.people.viewInvitation, handler: 'people/view-invitation', table: 'read', identityAdmin: true },
  { contract: api.people.acceptInvitation, handler: 'people/accept-invitation', table: 'read-write', sendsMail: true, identityAdmin: true },

  // -- security --
  // The security centre: the person's IP allow-list (enforced by customerCaller, sign-in and refresh), and staff clearing it.
  { contract: api.security.getIpAllowList, handler: 'security/get-ip-allow-list', table: 'read' },
  { contract: api.security.setIpAllowList, handler: 'security/set-ip-allow-list', table: 'read-write' },
  { contract: api.security.staffClearIpAllowList, handler: 'admin/clear-customer-ip-allow-list', table: 'read-write' },
  // The one-time security code for phone support: set with the password, stored hashed; staff check a code read to them.
  { contract: api.securityCode.getSecurityCode, handler: 'security/get-security-code', table: 'read' },
  { contract: api.securityCode.setSecurityCode, handler: 'security/set-security-code', table: 'read-write' },
  { contract: api.securityCode.staffVerifySecurityCode, handler: 'admin/verify-customer-security-code', table: 'read-write' },
  // The person's password and sessions: the identity provider changes the password and revokes the refresh tokens.
  { contract: api.security.changePassword, handler: 'security/change-password', table: 'read-write', sendsMail: true, identityAdmin: true },
  { contract: api.security.signOutOtherSessions, handler: 'security/sign-out-other-sessions', table: 'read-write', identityAdmin: true },

  // -- notifications --
  { contract: api.notifications.getNotificationRecipients, handler: 'notifications/get-notification-recipients', table: 'read' },
  { contract: api.notifications.setNotificationRecipients, handler: 'notifications/set-notification-recipients', table: 'read-write' },
  // The mailing list: a person's own opt-in and opt-out; the signed one-click unsubscribe (public); the admins' export.
  { contract: api.notifications.getMailingList, handler: 'notifications/get-mailing-list', table: 'read' },
  { contract: api.notifications.setMailingList, handler: 'notifications/set-mailing-list', table: 'read-write' },
  {
    contract: api.notifications.checkUnsubscribeLink,
    handler: 'notifications/check-unsubscribe-link',
    table: 'read',
    unsubscribeLinks: true,
  },
  { contract: api.notifications.unsubscribe, handler: 'notifications/unsubscribe', table: 'read-write', unsubscribeLinks: true },
  { contract: api.notifications.exportSubscribers, handler: 'notifications/export-subscribers', table: 'read' },
  // The change of the person's own login e-mail: a code to the new address, then the switch and a notice to the old one.
  { contract: api.notifications.getMyEmail, handler: 'notifications/get-my-email', table: 'read' },
  { contract: api.notifications.startEmailChange, handler: 'notifications/start-email-change', table: 'read-write', sendsMail: true },
  { contract: api.notifications.confirmEmailChange, handler: 'notifications/confirm-email-change', table: 'read-write', sendsMail: true },

  // -- home --
  { contract: api.home.getHome, handler: 'home/get-home', table: 'read' },
  { contract: api.home.listNews, handler: 'home/list-news', table: 'read' },
  { contract: api.home.listStaffNews, handler: 'home/list-staff-news', table: 'read' },
  { contract: api.home.createNews, handler: 'home/create-news', table: 'read-write' },
  { contract: api.home.editNews, handler: 'home/edit-news', table: 'read-write' },
  { contract: api.home.publishNews, handler: 'home/publish-news', table: 'read-write' },
  { contract: api.home.getBanner, handler: 'home/get-banner', table: 'read' },
  { contract: api.home.setBanner, handler: 'home/set-banner', table: 'read-write' },

  // The support desk (issue #13), one section per area.
  // -- assets --
  // Contracts and assets: the customer registers a contract with its code (the claim of sign-up, under the lockout), lists
  // contracts and assets (the ticket picker too) and notes an asset; staff add, edit and move assets, audited.
  { contract: api.assets.registerContract, handler: 'assets/register-contract', table: 'read-write' },
  { contract: api.assets.listMyContracts, handler: 'assets/list-my-contracts', table: 'read' },
  { contract: api.assets.getMyContract, handler: 'assets/get-my-contract', table: 'read' },
  { contract: api.assets.listAssets, handler: 'assets/list-assets', table: 'read' },
  { contract: api.assets.getAsset, handler: 'assets/get-asset', table: 'read' },
  { contract: api.assets.setAssetNote, handler: 'assets/set-asset-note', table: 'read-write' },
  { contract: api.assets.staffListContractAssets, handler: 'assets/staff-list-contract-assets', table: 'read' },
  { contract: api.assets.staffCreateAsset, handler: 'assets/staff-create-asset', table: 'read-write' },
  { contract: api.assets.staffEditAsset, handler: 'assets/staff-edit-asset', table: 'read-write' },
  { contract: api.assets.staffMoveAsset, handler: 'assets/staff-move-asset', table: 'read-write' },

  // -- tickets --
  { contract: api.tickets.openTicket, handler: 'tickets/open-ticket', table: 'read-write', sendsMail: true },
  { contract: api.tickets.getTicketFields, handler: 'tickets/get-ticket-fields', table: 'read' },
  { contract: api.tickets.getTicketFieldDefinition, handler: 'tickets/get-ticket-field-definition', table: 'read' },
  { contract: api.tickets.setTicketFieldDefinition, handler: 'tickets/set-ticket-field-definition', table: 'read-write' },

  // -- ticket-thread --
  { contract: api.ticketThread.listTickets, handler: 'ticket-thread/list-tickets', table: 'read' },
  { contract: api.ticketThread.getTicket, handler: 'ticket-thread/get-ticket', table: 'read' },
  { contract: api.ticketThread.replyToTicket, handler: 'ticket-thread/reply-ticket', table: 'read-write' },
  { contract: api.ticketThread.closeTicket, handler: 'ticket-thread/close-ticket', table: 'read-write' },
  { contract: api.ticketThread.reopenTicket, handler: 'ticket-thread/reopen-ticket', table: 'read-write' },
  { contract: api.ticketThread.rateTicket, handler: 'ticket-thread/rate-ticket', table: 'read-write' },

  // -- staff-tickets --
  // The staff queue: saved views, one ticket with internal notes, and the audited staff writes (replies and status mail).
  { contract: api.staffTickets.listQueue, handler: 'staff-tickets/list-queue', table: 'read' },
  { contract: api.staffTickets.getStaffTicket, handler: 'staff-tickets/get-ticket', table: 'read' },
  { contract: api.staffTickets.listAssignees, handler: 'staff-tickets/list-assignees', table: 'read' },
  { contract: api.staffTickets.assignTicket, handler: 'staff-tickets/assign-ticket', table: 'read-write' },
  { contract: api.staffTickets.addNote, handler: 'staff-tickets/add-note', table: 'read-write' },
  {
    contract: api.staffTickets.replyToTicket,
    handler: 'staff-tickets/reply-ticket',
    table: 'read-write',
    sendsMail: true,
    ticketReplies: true,
  },
  {
    contract: api.staffTickets.setTicketStatus,
    handler: 'staff-tickets/set-ticket-status',
    table: 'read-write',
    sendsMail: true,
    ticketReplies: true,
  },

  // -- attachments --
  // Files on a ticket: the browser uploads to the files bucket with a presigned POST; the API signs and checks.
  { contract: api.attachments.startUpload, handler: 'attachments/start-upload', table: 'read-write', files: 'read-write' },
  { contract: api.attachments.completeUpload, handler: 'attachments/complete-upload', table: 'read-write', files: 'read-write' },
  { contract: api.attachments.listAttachments, handler: 'attachments/list-attachments', table: 'read' },
  { contract: api.attachments.downloadAttachment, handler: 'attachments/download-attachment', table: 'read', files: 'read' },
  { contract: api.attachments.staffListAttachments, handler: 'attachments/staff-list-attachments', table: 'read' },
  { contract: api.attachments.staffDownloadAttachment, handler: 'attachments/staff-download-attachment', table: 'read', files: 'read' },

  // -- ticket-mail --

  // -- sla --
  // SLA report (the daily job keeps it), canned replies, merging duplicates and changing kind, priority or asset.
  { contract: api.sla.getSlaReport, handler: 'sla/get-sla-report', table: 'read' },
  { contract: api.sla.listCannedReplies, handler: 'sla/list-canned-replies', table: 'read' },
  { contract: api.sla.createCannedReply, handler: 'sla/create-canned-reply', table: 'read-write' },
  { contract: api.sla.updateCannedReply, handler: 'sla/update-canned-reply', table: 'read-write' },
  { contract: api.sla.deleteCannedReply, handler: 'sla/delete-canned-reply', table: 'read-write' },
  { contract: api.sla.mergeTicket, handler: 'sla/merge-ticket', table: 'read-write' },
  { contract: api.sla.updateTicket, handler: 'sla/update-ticket', table: 'read-write' },

  // -- knowledge --
  // The knowledge base: customers read the published articles through the stored search index; staff writes rebuild it.
  { contract: api.knowledge.searchArticles, handler: 'knowledge/search-articles', table: 'read' },
  { contract: api.knowledge.suggestArticles, handler: 'knowledge/suggest-articles', table: 'read' },
  { contract: api.knowledge.getArticle, handler: 'knowledge/get-article', table: 'read' },
  { contract: api.knowledge.listStaffArticles, handler: 'knowledge/list-staff-articles', table: 'read' },
  { contract: api.knowledge.getStaffArticle, handler: 'knowledge/get-staff-article', table: 'read' },
  { contract: api.knowledge.createArticle, handler: 'knowledge/create-article', table: 'read-write' },
  { contract: api.knowledge.editArticle, handler: 'knowledge/edit-article', table: 'read-write' },
  { contract: api.knowledge.publishArticle, handler: 'knowledge/publish-article', table: 'read-write' },

  // -- shop --
  { contract: api.shop.listProducts, handler: 'shop/list-products', table: 'read' },
  { contract: api.shop.getProduct, handler: 'shop/get-product', table: 'read' },
  { contract: api.shop.getCart, handler: 'shop/get-cart', table: 'read' },
  { contract: api.shop.addCartLine, handler: 'shop/add-cart-line', table: 'read-write' },
  { contract: api.shop.addCartActions, handler: 'shop/add-cart-actions', table: 'read-write' },
  { contract: api.shop.setCartLine, handler: 'shop/set-cart-line', table: 'read-write' },
  { contract: api.shop.removeCartLine, handler: 'shop/remove-cart-line', table: 'read-write' },
  { contract: api.shop.acceptCartPrices, handler: 'shop/accept-cart-prices', table: 'read-write' },

  // -- checkout --
  // The cart's review (today's prices, VAT, billing data, balance) and placing it as a prepayment order with its proforma.
  { contract: api.checkout.getCheckout, handler: 'checkout/get-checkout', table: 'read' },
  { contract: api.checkout.placeOrder, handler: 'checkout/place-order', table: 'read-write', sendsMail: true },

  // -- payments --
  // Money arriving for shop orders (shared/shop/order-payments.ts): staff record bank payments (fulfilment mails the
  // activation files: signs licences), customers pay from the balance; both sides read an order's payments.
  { contract: api.payments.recordPayment, handler: 'payments/record-payment', table: 'read-write', sendsMail: true, signsLicences: true },
  { contract: api.payments.listPayments, handler: 'payments/list-payments', table: 'read' },
  { contract: api.payments.findPaymentOrder, handler: 'payments/find-payment-order', table: 'read' },
  { contract: api.payments.getStaffOrderPayments, handler: 'payments/get-staff-order-payments', table: 'read' },
  { contract: api.payments.getMyOrderPayments, handler: 'payments/get-my-order-payments', table: 'read' },
  {
    contract: api.payments.payFromBalance,
    handler: 'payments/pay-from-balance',
    table: 'read-write',
    sendsMail: true,
    signsLicences: true,
  },

  // -- invoices --
  // Proformas, VAT and correction invoices (issued by checkout, payments and refunds), their PDFs, the payment history.
  { contract: api.invoices.listInvoices, handler: 'invoices/list-invoices', table: 'read' },
  { contract: api.invoices.downloadInvoice, handler: 'invoices/download-invoice', table: 'read', invoicePdfs: true },
  { contract: api.invoices.listPaymentHistory, handler: 'invoices/list-payment-history', table: 'read' },
  { contract: api.invoices.staffListInvoices, handler: 'invoices/staff-list-invoices', table: 'read' },
  { contract: api.invoices.staffDownloadInvoice, handler: 'invoices/staff-download-invoice', table: 'read', invoicePdfs: true },

  // -- balance --
  { contract: api.balance.getBalance, handler: 'balance/get-balance', table: 'read' },
  { contract: api.balance.listLedger, handler: 'balance/list-ledger', table: 'read' },
  { contract: api.balance.createTopUp, handler: 'balance/create-top-up', table: 'read-write', sendsMail: true },
  { contract: api.balance.setLowBalanceAlert, handler: 'balance/set-low-balance-alert', table: 'read-write' },
  { contract: api.balance.getCustomerBalance, handler: 'balance/get-customer-balance', table: 'read' },
  { contract: api.balance.adjustBalance, handler: 'balance/adjust-balance', table: 'read-write', sendsMail: true },
  { contract: api.balance.refundOrder, handler: 'balance/refund-order', table: 'read-write', sendsMail: true },

  // -- distributors --
  // Distributors and their clients (issue #15): staff mark distributors and assign clients (audited); a distributor's
  // people read their clients and the clients' licences; a client reads who its distributor is.
  { contract: api.distributors.getDistributorSection, handler: 'distributors/get-distributor-section', table: 'read' },
  { contract: api.distributors.markDistributor, handler: 'distributors/mark-distributor', table: 'read-write' },
  { contract: api.distributors.assignClient, handler: 'distributors/assign-client', table: 'read-write' },
  { contract: api.distributors.unassignClient, handler: 'distributors/unassign-client', table: 'read-write' },
  { contract: api.distributors.listMyClients, handler: 'distributors/list-my-clients', table: 'read' },
  { contract: api.distributors.listClientLicences, handler: 'distributors/list-client-licences', table: 'read' },
  { contract: api.distributors.getClientLicence, handler: 'distributors/get-client-licence', table: 'read' },
  { contract: api.distributors.getMyDistributor, handler: 'distributors/get-my-distributor', table: 'read' },

  // -- services --
  // The services pages (issue #15): the account's subscriptions (a distributor's client's with clientId), one with its
  // history, auto-renew on or off; staff read a customer's and set the identifier (audited).
  { contract: api.subscriptions.listSubscriptions, handler: 'subscriptions/list-subscriptions', table: 'read' },
  { contract: api.subscriptions.getSubscription, handler: 'subscriptions/get-subscription', table: 'read' },
  { contract: api.subscriptions.listSubscriptionHistory, handler: 'subscriptions/list-subscription-history', table: 'read' },
  { contract: api.subscriptions.setAutoRenew, handler: 'subscriptions/set-auto-renew', table: 'read-write' },
  { contract: api.subscriptions.staffListSubscriptions, handler: 'subscriptions/staff-list-subscriptions', table: 'read' },
  { contract: api.subscriptions.staffSetIdentifier, handler: 'subscriptions/staff-set-identifier', table: 'read-write' },

  // -- renewals --
  // Renewing subscriptions (issue #15): the price, into the cart or paid from the balance at once, all due into the cart.
  { contract: api.renewals.getRenewalQuote, handler: 'renewals/get-renewal-quote', table: 'read' },
  // A renewal's payment mail attaches no licence file: no signing secret.
  { contract: api.renewals.renewSubscription, handler: 'renewals/renew-subscription', table: 'read-write', sendsMail: true },
  { contract: api.renewals.listDue, handler: 'renewals/list-due', table: 'read' },
  { contract: api.renewals.renewAllDue, handler: 'renewals/renew-all-due', table: 'read-write' },

  // -- plan-changes --
  // Changing a service's plan (issue #15): the plans with their previews; the change (an upgrade's order is paid from the
  // balance at once or by transfer; a downgrade credits the balance with a correction invoice, or is scheduled).
  { contract: api.planChanges.listPlans, handler: 'plan-changes/list-plans', table: 'read' },
  // An upgrade's order issues no licence (the payment mail attaches none): it does not read the signing secret.
  { contract: api.planChanges.changePlan, handler: 'plan-changes/change-plan', table: 'read-write', sendsMail: true },

  // -- cancellations --
  // Cancelling a subscription per the stage's terms: at the period's end, or now with the prorated rest refunded to the
  // balance (a correction invoice; shared/subscriptions/cancel.ts); resuming a period-end cancellation; staff's cancel.
  { contract: api.cancellations.getCancellation, handler: 'cancellations/get-cancellation', table: 'read' },
  { contract: api.cancellations.cancelSubscription, handler: 'cancellations/cancel-subscription', table: 'read-write' },
  { contract: api.cancellations.resumeSubscription, handler: 'cancellations/resume-subscription', table: 'read-write' },
  { contract: api.cancellations.staffCancelSubscription, handler: 'cancellations/staff-cancel-subscription', table: 'read-write' },

  // -- subscription-job --

  // -- upgrades --
  // Upgrades of owned licences (issue #15): the offers and the seat rule's refusals, per licence (a distributor: a client's).
  { contract: api.upgrades.listUpgrades, handler: 'upgrades/list-upgrades', table: 'read' },

  // Importing accounts from an old portal (admin): the dry run reads by key; the import creates migrated users too.
  { contract: api.imports.dryRunImport, handler: 'admin/dry-run-import', table: 'read' },
  { contract: api.imports.runImport, handler: 'admin/run-import', table: 'read-write', identityAdmin: true },
];

export const routes: readonly Route[] = entries.map((entry) => ({
  ...entry,
  method: entry.contract.method,
  path: entry.contract.path,
  access: entry.contract.access.pool,
  staffGroups: entry.contract.access.pool === 'staff' ? entry.contract.access.groups : [],
  customerRoles: entry.contract.access.pool === 'customer' ? entry.contract.access.roles : [],
  ...(entry.contract.access.pool === 'customer' ? { viewAsPath: viewAsPath(entry.contract.path) } : {}),
}));

/** A stable, CloudFormation-safe name per route or worker, e.g. `LicencesListLicences`. */
export function routeId(entry: Pick<Route, 'handler'>): string {
  return entry.handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
