// Adds a customer's reply by e-mail to their ticket: the mail SES stored under `inbound/` in the files bucket is read,
// parsed (postal-mime), matched to a ticket by the signed reply address, checked to come from a contact of the ticket's
// account who may answer it, stripped of quoted history and signature, and appended once per Message-ID.

import { GetObjectCommand } from '@aws-sdk/client-s3';
import PostalMime from 'postal-mime';
import { membersOfAccount } from '#shared/accounts/membership.ts';
import { getPerson } from '#shared/accounts/person.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { s3 } from '#shared/aws/s3.ts';
import { normaliseEmail } from '#shared/email.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { sendMail } from '#shared/mail/send.ts';
import { MAX_PEOPLE_PER_ACCOUNT } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { nowIso } from '#shared/time.ts';
import { appendToThread, findTicket, mayView, type Ticket, type TicketMessage, type TicketStatus } from '#shared/tickets/model.ts';
import { parseReplyAddress } from '#shared/tickets/reply-address.ts';
import { claimPut, findTicketMailClaim, type InboundOutcome, messageHash, type TicketMailClaim } from '#shared/tickets/inbound/claim.ts';
import { closedTicketReplyMail } from '#shared/tickets/inbound/mails.ts';
import { stripQuotedReply } from '#shared/tickets/inbound/strip-quotes.ts';

/** SES's receipt rule writes every received mail under this prefix of the files bucket; nothing else is read. */
export const INBOUND_PREFIX = 'inbound/';
/** A reply longer than this is cut (the portal's own reply field has the same bound). */
export const MAX_REPLY_CHARS = 20_000;
/** Recipient addresses looked at per mail (each costs an HMAC): a mail to more is not a reply to one ticket. */
const MAX_RECIPIENTS = 20;
/** Retries of the append when staff changed the ticket between our read and our write. */
const MAX_ATTEMPTS = 3;

export interface InboundResult {
  outcome: InboundOutcome | 'duplicate' | 'ignored';
  ticketNumber?: number;
}

/**
 * The status after a customer's reply, as in the portal: a ticket waiting for the customer or resolved goes back to
 * the vendor; new, open and waiting-for-vendor stay. (Closed tickets are never answered by mail: see receiveReply.)
 */
export function statusAfterCustomerReply(status: TicketStatus): TicketStatus {
  return status === 'waiting-for-customer' || status === 'resolved' ? 'waiting-for-vendor' : status;
}

/** The worker's entry for one stored object (S3 notification in AWS, the local S3 server's event locally). */
export async function receiveReplyObject(bucket: string, key: string): Promise<InboundResult> {
  if (!key.startsWith(INBOUND_PREFIX)) return { outcome: 'ignored' };
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!object.Body) throw new Error(`The received mail ${key} has no body`);
  return receiveReply(await object.Body.transformToByteArray(), key);
}

type Email = Awaited<ReturnType<typeof PostalMime.parse>>;
type Address = NonNullable<Email['to']>[number];

function addressesOf(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((entry) => (entry.group ? entry.group.map((member) => member.address) : [entry.address]));
}

function header(email: Email, name: string): string | undefined {
  return email.headers.find((entry) => entry.key === name)?.value;
}

/**
 * SES's own verdicts on the mail (absent locally): a spam or virus FAIL, or a sender neither SPF nor DKIM vouches for
 * (a forged From), is refused, because the From address is what the contact check trusts.
 */
function failsVerdicts(email: Email): boolean {
  if (header(email, 'x-ses-spam-verdict') === 'FAIL' || header(email, 'x-ses-virus-verdict') === 'FAIL') return true;
  const authentication = email.headers.filter((entry) => entry.key === 'authentication-results' && /amazonses\.com/i.test(entry.value));
  if (!authentication.length) return false;
  return !authentication.some((entry) => /\b(spf|dkim)=pass\b/i.test(entry.value));
}

/** The ticket the mail answers: the first recipient that is a valid reply address. */
async function ticketNumberOf(email: Email): Promise<number | undefined> {
  const candidates = [...addressesOf(email.to), ...addressesOf(email.cc), ...(email.deliveredTo ? [email.deliveredTo] : [])];
  for (const address of candidates.slice(0, MAX_RECIPIENTS)) {
    const ticketNumber = await parseReplyAddress(address);
    if (ticketNumber !== undefined) return ticketNumber;
  }
  return undefined;
}

/** Plain text of an HTML-only mail: enough to keep what the customer wrote (quotes are cut from the text after). */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*<\/blockquote>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The sender's membership when they are a contact of the ticket's account who may see and answer it. */
async function contactOf(ticket: Ticket, sender: string) {
  const members = await membersOfAccount(ticket.accountId, MAX_PEOPLE_PER_ACCOUNT);
  const member = members.find((candidate) => normaliseEmail(candidate.email) === sender);
  if (!member) return undefined;
  const writes = (ROLE_AREAS.ticketWrite as readonly string[]).includes(member.role);
  const technical = ticket.kind !== 'technical' || (ROLE_AREAS.technicalWrite as readonly string[]).includes(member.role);
  return writes && technical && mayView(member, ticket) ? member : undefined;
}

function isCancelled(error: unknown): error is Error & { CancellationReasons?: Array<{ Code?: string }> } {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}

/** Records a mail that adds nothing (refused, or about a closed ticket); false when another delivery recorded it first. */
async function claimOnly(claim: TicketMailClaim): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [claimPut(claim)] }));
    return true;
  } catch (error) {
    if (isCancelled(error)) return false;
    throw error;
  }
}

async function refuse(claim: TicketMailClaim, reason: string): Promise<InboundResult> {
  const claimed = await claimOnly(claim);
  // Logged without addresses: the hash finds the stored mail for an operator who needs to look.
  logger.warn('a received ticket reply was not added', {
    reason,
    outcome: claim.outcome,
    messageHash: claim.messageHash,
    key: claim.objectKey,
  });
  return claimed
    ? { outcome: claim.outcome, ...(claim.ticketNumber ? { ticketNumber: claim.ticketNumber } : {}) }
    : { outcome: 'duplicate' };
}

/**
 * Handles one received mail. Non-contacts get no answer: their From may be forged, and a bounce would then go to an
 * innocent address (backscatter). A contact answering a closed ticket is told to reopen it in the portal.
 */
export async function receiveReply(raw: Uint8Array, objectKey: string): Promise<InboundResult> {
  const email = await PostalMime.parse(raw);
  const hash = messageHash(email.messageId, raw);
  if (await findTicketMailClaim(hash)) {
    logger.info('a received ticket reply was delivered again: nothing to do', { messageHash: hash });
    return { outcome: 'duplicate' };
  }
  const receivedAt = nowIso();
  const claim = (outcome: InboundOutcome, ticketNumber?: number): TicketMailClaim => ({
    messageHash: hash,
    outcome,
    objectKey,
    receivedAt,
    ...(ticketNumber ? { ticketNumber } : {}),
  });

  if (failsVerdicts(email)) return refuse(claim('refused-verdict'), 'SES verdicts: spam, virus, or neither SPF nor DKIM passed');
  const ticketNumber = await ticketNumberOf(email);
  let ticket = ticketNumber === undefined ? undefined : await findTicket(ticketNumber);
  if (!ticket) return refuse(claim('unknown-ticket'), 'no valid reply address of an existing ticket among the recipients');
  const from = email.from?.address ? normaliseEmail(email.from.address) : undefined;
  const member = from ? await contactOf(ticket, from) : undefined;
  if (!member) return refuse(claim('not-a-contact', ticket.ticketNumber), 'the sender is not a contact of the account who may answer');

  const person = await getPerson(member.userId);
  if (ticket.status === 'closed') {
    const result = await refuse(claim('closed-ticket', ticket.ticketNumber), 'the ticket is closed');
    if (result.outcome === 'closed-ticket') await sendMail(closedTicketReplyMail(member.email, ticket, person.locale ?? DEFAULT_LOCALE));
    return result;
  }

  const body = stripQuotedReply(email.text ?? htmlToText(email.html ?? '')).slice(0, MAX_REPLY_CHARS);
  if (!body.trim()) return refuse(claim('empty', ticket.ticketNumber), 'nothing but quoted history and signature');

  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  for (let attempt = 1; ; attempt += 1) {
    const at = nowIso();
    const message: TicketMessage = {
      messageId: newId(),
      at,
      author: { kind: 'customer', userId: member.userId, email: member.email, ...(name ? { name } : {}) },
      visibility: 'public',
      entry: 'reply',
      body,
      via: 'email',
      ...(email.messageId ? { emailMessageId: email.messageId.slice(0, 500) } : {}),
    };
    try {
      await appendToThread(ticket, message, { status: statusAfterCustomerReply(ticket.status), updatedAt: at }, [
        claimPut(claim('appended', ticket.ticketNumber)),
      ]);
      logger.info('a reply by e-mail was added to its ticket', { ticketNumber: ticket.ticketNumber, messageHash: hash });
      return { outcome: 'appended', ticketNumber: ticket.ticketNumber };
    } catch (error) {
      if (!isCancelled(error)) throw error;
      // Items: 0 the ticket (changed since read), 1 the message, 2 the claim (another delivery of this mail won).
      if (error.CancellationReasons?.[2]?.Code === 'ConditionalCheckFailed') return { outcome: 'duplicate' };
      if (attempt >= MAX_ATTEMPTS) throw error;
      ticket = await findTicket(ticket.ticketNumber);
      if (!ticket) throw error;
      if (ticket.status === 'closed') return refuse(claim('closed-ticket', ticket.ticketNumber), 'the ticket was closed meanwhile');
    }
  }
}

/** For the local runtime: the local S3 server's event for a new object runs the same worker on it. */
export async function onLocalInboundObject(bucket: string, key: string): Promise<InboundResult> {
  return receiveReplyObject(bucket, key);
}
