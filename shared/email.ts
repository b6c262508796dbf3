// E-mail addresses: how they are compared and shown. No dependencies on purpose: the identity adapters, the mail code
// and the workers all import it, and none should pay for the others' code. Validation is `emailSchema` in
// shared/http/schemas.ts.

/** The form addresses are stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** For showing where a code went without showing the whole address: j***@example.com. */
export function maskEmail(email: string): string {
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
}
