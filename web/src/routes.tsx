// The portal's pages, one line each: path → page → guard. A guarded page needs a session of its pool (restored silently
// from the refresh-token cookie after a reload); without one, its pool's sign-in opens and leads back here afterwards.

import type { VNode } from 'preact';
import type { Pool } from './api.ts';
import { SupportFileButton } from './download.tsx';
import { ActivityPage } from './pages/Activity.tsx';
import { AssetsPage } from './pages/Assets.tsx';
import { ContractDetailPage, ContractsPage } from './pages/Contracts.tsx';
import { AdminAuditPage } from './pages/AdminAudit.tsx';
import { AdminCannedRepliesPage } from './pages/AdminCannedReplies.tsx';
import { AdminSlaPage } from './pages/AdminSla.tsx';
import { AdminDashboardPage } from './pages/AdminDashboard.tsx';
import { AdminContractDetailPage } from './pages/AdminContractDetail.tsx';
import { AdminContractsPage } from './pages/AdminContracts.tsx';
import { AdminImportPage } from './pages/AdminImport.tsx';
import { AdminMailingPage } from './pages/AdminMailing.tsx';
import { AdminNewsPage } from './pages/AdminNews.tsx';
import { AdminTicketDetailPage } from './pages/AdminTicketDetail.tsx';
import { AdminTicketsPage } from './pages/AdminTickets.tsx';
import { AdminKnowledgePage } from './pages/AdminKnowledge.tsx';
import { AdminPaymentsPage } from './pages/AdminPayments.tsx';
import { KnowledgeArticlePage, KnowledgePage } from './pages/Knowledge.tsx';
import { HomePage } from './pages/Home.tsx';
import { AdminInvoicesPage } from './pages/AdminInvoices.tsx';
import { InvoicesPage } from './pages/Invoices.tsx';
import { NewsPage } from './pages/News.tsx';
import { AdminOrderDetailPage } from './pages/AdminOrderDetail.tsx';
import { AdminOrdersPage } from './pages/AdminOrders.tsx';
import { CataloguePage } from './pages/Catalogue.tsx';
import { CartPage } from './pages/Cart.tsx';
import { RenewSubscriptionPage } from './pages/renew-panel.tsx';
import { ShopPage, ShopProductPage } from './pages/Shop.tsx';
import { ConfirmEmailPage } from './pages/ConfirmEmail.tsx';
import { CustomerPage } from './pages/CustomerPage.tsx';
import { DistributorClientsPage, DistributorLicencePage, DistributorLicencesPage } from './pages/Distributors.tsx';
import { CustomersPage } from './pages/Customers.tsx';
import { ChangePlanPage } from './pages/plan-panel.tsx';
import { LicenceDetailPage } from './pages/LicenceDetail.tsx';
import { LicencesPage } from './pages/Licences.tsx';
import { NewContractPage } from './pages/NewContract.tsx';
import { MySignInsPage } from './pages/MySignIns.tsx';
import { NewOrderPage } from './pages/NewOrder.tsx';
import { NewTicketPage } from './pages/NewTicket.tsx';
import { NotificationsPage } from './pages/Notifications.tsx';
import { ChangeEmailPage } from './pages/ChangeEmail.tsx';
import { SecurityCodePage } from './pages/SecurityCode.tsx';
import { CheckoutPage } from './pages/Checkout.tsx';
import { OrderDetailPage } from './pages/OrderDetail.tsx';
import { OrdersPage } from './pages/Orders.tsx';
import { PeoplePage } from './pages/People.tsx';
import { InvitationPage } from './pages/Invitation.tsx';
import { ProfilePage } from './pages/Profile.tsx';
import { AdminVerificationPage, AdminVerificationsPage } from './pages/AdminVerifications.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordReset.tsx';
import { SecurityPage } from './pages/Security.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { SignUpPage } from './pages/SignUp.tsx';
import { StaffUsersPage } from './pages/StaffUsers.tsx';
import { ServicesPage } from './pages/Services.tsx';
import { SubscriptionDetailPage } from './pages/SubscriptionDetail.tsx';
import { SupportPage } from './pages/Support.tsx';
import { TicketDetailPage } from './pages/TicketDetail.tsx';
import { TicketsPage } from './pages/Tickets.tsx';
import { BalancePage } from './pages/Balance.tsx';
import { CancelSubscriptionPage } from './pages/cancel-panel.tsx';
import { UnsubscribePage } from './pages/Unsubscribe.tsx';
import { UpgradesPage } from './pages/Upgrades.tsx';
import type { Notice } from './router.ts';

export interface PageContext {
  /** The `:name` parts of the path, decoded. */
  params: Record<string, string>;
  notice: Notice | undefined;
}

export interface WebRoute {
  /** Literal segments and `:name` parameters; the first matching route wins. */
  path: string;
  /** 'public', or the pool whose session the page needs. */
  guard: 'public' | Pool;
  page: (context: PageContext) => VNode;
}

export const webRoutes: readonly WebRoute[] = [
  { path: '/', guard: 'public', page: ({ notice }) => <SignInPage key="customer" pool="customer" notice={notice} /> },
  { path: '/sign-in', guard: 'public', page: ({ notice }) => <SignInPage key="customer" pool="customer" notice={notice} /> },
  { path: '/sign-up', guard: 'public', page: () => <SignUpPage /> },
  { path: '/confirm-email', guard: 'public', page: () => <ConfirmEmailPage /> },
  { path: '/forgot-password', guard: 'public', page: () => <ForgotPasswordPage key="customer" pool="customer" /> },
  { path: '/reset-password', guard: 'public', page: () => <ResetPasswordPage key="customer" pool="customer" /> },
  { path: '/licences', guard: 'customer', page: () => <LicencesPage /> },
  // Detail pages are keyed by their id, so moving from one to another starts afresh.
  {
    path: '/licences/:licenceId',
    guard: 'customer',
    page: ({ params }) => <LicenceDetailPage key={params.licenceId} licenceId={params.licenceId!} />,
  },
  {
    path: '/support',
    guard: 'customer',
    page: () => <SupportPage fileAction={(subscription) => <SupportFileButton subscription={subscription} />} />,
  },
  { path: '/orders', guard: 'customer', page: () => <OrdersPage /> },
  { path: '/activity', guard: 'customer', page: () => <ActivityPage /> },
  { path: '/orders/:orderId', guard: 'customer', page: ({ params }) => <OrderDetailPage key={params.orderId} orderId={params.orderId!} /> },
  // The customer's own account (issue #12), and the staff's side of it.
  // -- profile --
  { path: '/account/profile', guard: 'customer', page: () => <ProfilePage /> },
  { path: '/admin/verifications', guard: 'staff', page: () => <AdminVerificationsPage /> },
  {
    path: '/admin/verifications/:accountId',
    guard: 'staff',
    page: ({ params }) => <AdminVerificationPage key={params.accountId} accountId={params.accountId!} />,
  },

  // -- people --
  { path: '/account/people', guard: 'customer', page: () => <PeoplePage /> },
  { path: '/invitation', guard: 'public', page: () => <InvitationPage /> },

  // -- security --
  { path: '/account/security/code', guard: 'customer', page: () => <SecurityCodePage /> },
  { path: '/account/security', guard: 'customer', page: () => <SecurityPage /> },

  // -- notifications --
  { path: '/account/notifications', guard: 'customer', page: () => <NotificationsPage /> },
  { path: '/account/email', guard: 'customer', page: () => <ChangeEmailPage /> },
  { path: '/unsubscribe', guard: 'public', page: () => <UnsubscribePage /> },
  { path: '/admin/mailing', guard: 'staff', page: () => <AdminMailingPage /> },

  // -- home --
  { path: '/home', guard: 'customer', page: () => <HomePage /> },
  { path: '/news', guard: 'customer', page: () => <NewsPage /> },
  { path: '/admin/news', guard: 'staff', page: () => <AdminNewsPage /> },

  // The support desk (issue #13), one section per area.
  // -- assets --
  { path: '/contracts', guard: 'customer', page: () => <ContractsPage /> },
  {
    path: '/contracts/:contractNumber',
    guard: 'customer',
    page: ({ params }) => <ContractDetailPage key={params.contractNumber} contractNumber={params.contractNumber!} />,
  },
  { path: '/assets', guard: 'customer', page: () => <AssetsPage /> },

  // -- tickets --
  // Before the thread's /tickets/:ticketNumber: the first route that matches wins.
  { path: '/tickets/new', guard: 'customer', page: () => <NewTicketPage /> },

  // -- ticket-thread --
  { path: '/tickets', guard: 'customer', page: () => <TicketsPage /> },
  {
    path: '/tickets/:ticketNumber',
    guard: 'customer',
    page: ({ params }) => <TicketDetailPage key={params.ticketNumber} ticketNumber={params.ticketNumber!} />,
  },

  // -- staff-tickets --
  { path: '/admin/tickets', guard: 'staff', page: () => <AdminTicketsPage /> },
  {
    path: '/admin/tickets/:ticketNumber',
    guard: 'staff',
    page: ({ params }) => <AdminTicketDetailPage key={params.ticketNumber} ticketNumber={params.ticketNumber!} />,
  },

  // -- attachments --

  // -- ticket-mail --

  // -- sla --
  { path: '/admin/sla', guard: 'staff', page: () => <AdminSlaPage /> },
  { path: '/admin/canned-replies', guard: 'staff', page: () => <AdminCannedRepliesPage /> },

  // -- knowledge --
  { path: '/knowledge', guard: 'customer', page: () => <KnowledgePage /> },
  {
    path: '/knowledge/:articleId',
    guard: 'customer',
    page: ({ params }) => <KnowledgeArticlePage key={params.articleId} articleId={params.articleId!} />,
  },
  { path: '/admin/knowledge', guard: 'staff', page: () => <AdminKnowledgePage /> },

  // -- shop --
  { path: '/shop', guard: 'customer', page: () => <ShopPage /> },
  {
    path: '/shop/:productId',
    guard: 'customer',
    page: ({ params }) => <ShopProductPage key={params.productId} productId={params.productId!} />,
  },
  { path: '/cart', guard: 'customer', page: () => <CartPage /> },

  // -- checkout --
  { path: '/checkout', guard: 'customer', page: () => <CheckoutPage /> },

  // -- payments --
  { path: '/admin/payments', guard: 'staff', page: () => <AdminPaymentsPage /> },

  // -- invoices --
  { path: '/invoices', guard: 'customer', page: () => <InvoicesPage /> },
  { path: '/admin/invoices', guard: 'staff', page: () => <AdminInvoicesPage /> },

  // -- balance --
  { path: '/balance', guard: 'customer', page: () => <BalancePage /> },

  // -- distributors --
  { path: '/distributor/clients', guard: 'customer', page: () => <DistributorClientsPage /> },
  { path: '/distributor/licences', guard: 'customer', page: () => <DistributorLicencesPage /> },
  {
    path: '/distributor/licences/:licenceId',
    guard: 'customer',
    page: ({ params }) => <DistributorLicencePage key={params.licenceId} licenceId={params.licenceId!} />,
  },

  // -- services --
  { path: '/services', guard: 'customer', page: () => <ServicesPage /> },
  {
    path: '/services/:subscriptionId',
    guard: 'customer',
    page: ({ params }) => <SubscriptionDetailPage key={params.subscriptionId} subscriptionId={params.subscriptionId!} />,
  },

  // -- renewals --
  {
    path: '/services/:subscriptionId/renew',
    guard: 'customer',
    page: ({ params }) => <RenewSubscriptionPage key={params.subscriptionId} subscriptionId={params.subscriptionId!} />,
  },

  // -- plan-changes --
  {
    path: '/services/:subscriptionId/plan',
    guard: 'customer',
    page: ({ params }) => <ChangePlanPage key={params.subscriptionId} subscriptionId={params.subscriptionId!} />,
  },

  // -- cancellations --
  {
    path: '/services/:subscriptionId/cancel',
    guard: 'customer',
    page: ({ params }) => <CancelSubscriptionPage key={params.subscriptionId} subscriptionId={params.subscriptionId!} />,
  },

  // -- subscription-job --

  // -- upgrades --
  { path: '/upgrades', guard: 'customer', page: () => <UpgradesPage /> },

  { path: '/admin', guard: 'public', page: ({ notice }) => <SignInPage key="staff" pool="staff" notice={notice} /> },
  { path: '/admin/sign-in', guard: 'public', page: ({ notice }) => <SignInPage key="staff" pool="staff" notice={notice} /> },
  { path: '/admin/forgot-password', guard: 'public', page: () => <ForgotPasswordPage key="staff" pool="staff" /> },
  { path: '/admin/reset-password', guard: 'public', page: () => <ResetPasswordPage key="staff" pool="staff" /> },
  { path: '/admin/dashboard', guard: 'staff', page: () => <AdminDashboardPage /> },
  { path: '/admin/customers', guard: 'staff', page: () => <CustomersPage /> },
  {
    path: '/admin/customers/:accountId',
    guard: 'staff',
    page: ({ params }) => <CustomerPage key={params.accountId} accountId={params.accountId!} />,
  },
  { path: '/admin/orders', guard: 'staff', page: () => <AdminOrdersPage /> },
  { path: '/admin/audit', guard: 'staff', page: () => <AdminAuditPage /> },
  { path: '/admin/orders/new', guard: 'staff', page: () => <NewOrderPage /> },
  { path: '/admin/catalogue', guard: 'staff', page: () => <CataloguePage /> },
  { path: '/admin/staff', guard: 'staff', page: () => <StaffUsersPage /> },
  { path: '/admin/me/sign-ins', guard: 'staff', page: () => <MySignInsPage /> },
  { path: '/admin/import', guard: 'staff', page: () => <AdminImportPage /> },
  {
    path: '/admin/orders/:accountId/:orderId',
    guard: 'staff',
    page: ({ params }) => (
      <AdminOrderDetailPage key={`${params.accountId}/${params.orderId}`} accountId={params.accountId!} orderId={params.orderId!} />
    ),
  },
  { path: '/admin/contracts', guard: 'staff', page: () => <AdminContractsPage /> },
  { path: '/admin/contracts/new', guard: 'staff', page: () => <NewContractPage /> },
  {
    path: '/admin/contracts/:contractNumber',
    guard: 'staff',
    page: ({ params }) => <AdminContractDetailPage key={params.contractNumber} contractNumber={params.contractNumber!} />,
  },
];
