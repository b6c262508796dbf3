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

/**
 * The newest mail to this address whose subject matches, waiting for it a little: some mail leaves without the request
 * waiting for it (a reset link is handed over like a queued mail, so the answer's time tells nothing).
 */
export async function awaitMailTo(mailUrl: string, email: string, subject: RegExp): Promise<StoredMail> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = (await mailsTo(mailUrl, email)).filter((mail) => subject.test(mail.subject)).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail with a subject like ${subject} reached ${email}`);
}
