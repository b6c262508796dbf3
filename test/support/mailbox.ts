// Reading the local SES server's mailbox (GET /store): what Atrium mailed to an address, and the sign-in codes in it.

export interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  at: number;
}

/** Every mail the local SES server holds for this address, oldest first. */
export async function mailsTo(mailUrl: string, email: string): Promise<StoredMail[]> {
  const response = await fetch(`${mailUrl}/store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails.filter((mail) => mail.destination.to.includes(email));
}

/** The six-digit code in a mail's text, if there is one. */
export function codeIn(mail: StoredMail | undefined): string | undefined {
  return /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1];
}
