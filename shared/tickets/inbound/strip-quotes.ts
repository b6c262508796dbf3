// What the customer actually wrote in a reply by e-mail: the text above the quoted history and the signature. Mail
// clients quote in their user's language, so the markers are listed per language (en, pl, de, fr, it) and per client
// style (Gmail/Apple "On ... wrote:", Outlook's "-----Original Message-----" and its From/Sent header block).

/** A line that introduces the quoted message ("On Mon, 2 Nov 2026, Ann <a@x> wrote:"), in each language we serve. */
const ATTRIBUTION = [
  /^on\b.+\bwrote:$/i,
  /^w dniu\b.+\bpisze:$/i,
  /^.+\bnapisał(?:\(a\)|a)?:$/i,
  /^am\b.+\bschrieb\b.*:$/i,
  /^.+\bschrieb:$/i,
  /^le\b.+\ba écrit ?:$/i,
  /^il giorno\b.+\bha scritto:$/i,
  /^il\b.+\bha scritto:$/i,
];

/** Outlook's separator line, in each language. */
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(original message|ursprüngliche nachricht|wiadomość oryginalna|oryginalna wiadomość|message d'origine|messaggio originale)\s*-{2,}$/i;

/** Outlook's quoted header block: a From line, then a Sent/Date line within the next three. */
const HEADER_FROM = /^\*?(from|von|od|de|da):\*?\s/i;
const HEADER_SENT = /^\*?(sent|date|gesendet|datum|wysłano|wysłane|data|envoyé|inviato):\*?\s/i;

/** The signature delimiter ("-- ", RFC 3676; many clients drop the trailing space). */
const SIGNATURE = /^-- ?$/;

/** Phone clients' own last line. */
const MOBILE_SIGNATURE =
  /^(sent from my \w+|get outlook for \w+|wysłane z (mojego )?\S+|von meinem \S+ gesendet|envoyé de mon \S+|inviato da(l mio)? \S+)/i;

function isAttribution(line: string): boolean {
  return ATTRIBUTION.some((pattern) => pattern.test(line));
}

/** Where the quoted history starts (an index into `lines`), or lines.length. */
function historyStart(lines: string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (!line) continue;
    if (SIGNATURE.test(lines[index]!.trimStart()) || ORIGINAL_MESSAGE.test(line) || isAttribution(line)) return index;
    // Clients wrap a long attribution: "On Mon, 2 Nov 2026 at 10:00, Ann Example <ann@example.com>\nwrote:".
    const next = lines[index + 1]?.trim();
    if (next && isAttribution(`${line} ${next}`)) return index;
    if (HEADER_FROM.test(line) && lines.slice(index + 1, index + 4).some((following) => HEADER_SENT.test(following.trim()))) {
      // Outlook puts a rule of underscores above the block.
      return index > 0 && /^_{10,}$/.test(lines[index - 1]!.trim()) ? index - 1 : index;
    }
  }
  return lines.length;
}

/** The reply without quoted history, ">" quotes and signature; an empty string when nothing of the sender's own is left. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const own = lines.slice(0, historyStart(lines)).filter((line) => !/^\s*>/.test(line));
  while (own.length && !own[own.length - 1]!.trim()) own.pop();
  if (own.length && MOBILE_SIGNATURE.test(own[own.length - 1]!.trim())) own.pop();
  while (own.length && !own[0]!.trim()) own.shift();
  return own
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}
