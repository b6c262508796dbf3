// The e-mails Cognito sends for both pools, written by Atrium: the same texts and links as the local adapter's
// (shared/mail/templates.ts), in the user's language. Cognito puts the code in for its placeholder (`{####}`) in the
// body only: the subject never carries it (Cognito would not replace it there, and a code in a subject shows on lock
// screens), and the body carries it once.

import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import {
  accountLink,
  confirmEmailMail,
  emailChangeCodeMail,
  passwordResetMail,
  signInCodeMail,
  staffInvitationMail,
} from '#shared/mail/templates.ts';

/**
 * ClientMetadata.purpose of the "forgot password" call that invites a staff user (the Cognito adapter's
 * inviteStaffUser): its mail is the invitation to set a first password, not a reset.
 */
export const STAFF_INVITATION_PURPOSE = 'staff-invitation';

/** The trigger sources Atrium writes; any other (admin invitations) keeps Cognito's default text. */
export const CUSTOM_MESSAGE_SOURCES = [
  'CustomMessage_SignUp',
  'CustomMessage_ResendCode',
  'CustomMessage_ForgotPassword',
  'CustomMessage_Authentication',
  'CustomMessage_UpdateUserAttribute',
  'CustomMessage_VerifyUserAttribute',
] as const;

export interface CognitoEmail {
  emailSubject: string;
  emailMessage: string;
}

/**
 * The mail for one trigger source, or undefined to leave Cognito's own. `code` is Cognito's placeholder. Staff links
 * go to the staff pages (`/admin/...`); `purpose` is the call's ClientMetadata.purpose.
 */
export function customMessage(input: {
  triggerSource: string;
  email: string;
  locale: Locale;
  code: string;
  portalUrl: string;
  pool?: 'customer' | 'staff';
  purpose?: string;
}): CognitoEmail | undefined {
  const { email, locale, code, portalUrl } = input;
  const staff = input.pool === 'staff';
  let mail: Mail;
  switch (input.triggerSource) {
    case 'CustomMessage_SignUp':
    case 'CustomMessage_ResendCode':
      // Staff do not sign up: an admin invites them.
      if (staff) return undefined;
      mail = confirmEmailMail(email, accountLink(portalUrl, 'confirm-email', email, code), locale);
      break;
    case 'CustomMessage_ForgotPassword': {
      const link = accountLink(portalUrl, staff ? 'admin/reset-password' : 'reset-password', email, code);
      mail =
        staff && input.purpose === STAFF_INVITATION_PURPOSE
          ? staffInvitationMail(email, link, portalUrl, locale)
          : passwordResetMail(email, link, locale);
      break;
    }
    case 'CustomMessage_Authentication':
      mail = signInCodeMail(email, code, locale);
      break;
    // The code for a new login address (the change of e-mail), which Cognito sends to that new address.
    case 'CustomMessage_UpdateUserAttribute':
    case 'CustomMessage_VerifyUserAttribute':
      mail = emailChangeCodeMail(email, code, locale);
      break;
    default:
      return undefined;
  }
  return { emailSubject: withoutCode(mail.subject, code), emailMessage: textToHtml(mail.text) };
}

/** "Your Atrium sign-in code: {####}" becomes "Your Atrium sign-in code". */
function withoutCode(subject: string, code: string): string {
  return subject
    .split(code)
    .join('')
    .replace(/[\s:]+$/, '')
    .trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/**
 * Cognito sends the message as HTML: the plain text escaped, line breaks as <br>, and links clickable. A link shows its
 * address without the query, so the code placeholder (in the query) appears once, in the href. `{####}` has no HTML
 * characters, so it survives escaping and Cognito still finds it.
 */
export function textToHtml(text: string): string {
  return text
    .split(/(https?:\/\/[^\s]+)/)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part.split('?')[0]!)}</a>` : escapeHtml(part)))
    .join('')
    .replace(/\r?\n/g, '<br>');
}
