// The licence file a customer downloads (`.lic`): a readable payload plus an Ed25519 signature, and its verifier.
//
// Only node:crypto is imported, on purpose: the verifier CLI and the Lambda bundles load this module as it is, and a
// vendor can copy it into their own product to check the files Atrium issues. See docs/licence-files.md.

import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const LICENCE_FILE_FORMAT = 1;

export type LicenceFileKind = 'licence' | 'support';

/** What a licence file states, in the order it is written. */
export interface LicenceFilePayload {
  /** Version of this file format; a verifier refuses versions it does not know. */
  format: typeof LICENCE_FILE_FORMAT;
  kind: LicenceFileKind;
  /** The licence id, or for kind 'support' the support subscription's id. */
  licenceId: string;
  accountId: string;
  product: string;
  edition: string;
  users: number;
  /** Serial number or computer id the file is bound to. Required for a licence; a support file may be unbound. */
  serial?: string;
  /** Time-limited licences: how many days they run (counted by the licensed software from activation). */
  days?: number;
  /** Time-limited licences: the instant they stop, when the end is a fixed date. */
  validUntil?: string;
  /** End of support & updates. Required for a support file. */
  supportEndsAt?: string;
  /** The vendor revoked the licence at this instant: the file is signed, but the licence no longer holds. */
  revokedAt?: string;
  issuedAt: string;
  /** Fingerprint of the public key that verifies this file (see licenceKeyId). */
  keyId: string;
}

/** What the caller supplies; the format version and the key id are filled in by signLicence. */
export type LicenceFileFields = Omit<LicenceFilePayload, 'format' | 'keyId'>;

export type LicenceFileProblem = 'malformed' | 'unsupported-format' | 'wrong-key' | 'bad-signature';

export type LicenceFileVerification =
  | { valid: true; payload: LicenceFilePayload }
  | { valid: false; reason: LicenceFileProblem; message: string }
  /** Genuine and intact, but it states that the vendor revoked the licence: the software must stop using it. */
  | { valid: false; reason: 'revoked'; message: string; payload: LicenceFilePayload };

const BEGIN_PAYLOAD = '-----BEGIN ATRIUM LICENCE-----';
const END_PAYLOAD = '-----END ATRIUM LICENCE-----';
const BEGIN_SIGNATURE = '-----BEGIN ATRIUM SIGNATURE-----';
const END_SIGNATURE = '-----END ATRIUM SIGNATURE-----';

// The written key order is part of the format: the signature covers the bytes, so they must come out the same way.
const KEY_ORDER = [
  'format',
  'kind',
  'licenceId',
  'accountId',
  'product',
  'edition',
  'users',
  'serial',
  'days',
  'validUntil',
  'supportEndsAt',
  'revokedAt',
  'issuedAt',
  'keyId',
] as const satisfies readonly (keyof LicenceFilePayload)[];

// Generous for a few short fields; it keeps a hostile upload from costing more than a glance.
const MAX_FILE_BYTES = 16 * 1024;
// An Ed25519 signature is 64 bytes: 86 base64 characters and "==".
const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{86}==$/;
// Exactly what Date#toISOString prints, so an instant has one spelling and therefore one signature.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTANT_EXAMPLE = '2026-01-31T00:00:00.000Z';

/** Short fingerprint of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER encoding. */
export function licenceKeyId(key: KeyObject | string): string {
  const der = ed25519PublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Writes and signs a licence file. Throws a TypeError on fields that break the format (a caller's bug). */
export function signLicence(fields: LicenceFileFields, privateKey: KeyObject): string {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('signLicence needs an Ed25519 private key');
  }
  const payload = { ...fields, format: LICENCE_FILE_FORMAT, keyId: licenceKeyId(privateKey) } as LicenceFilePayload;
  const problem = payloadProblem(payload);
  if (problem) throw new TypeError(`Cannot sign this licence file: ${problem}`);
  const payloadText = serialisePayload(payload);
  const signature = sign(null, Buffer.from(payloadText, 'utf8'), privateKey).toString('base64');
  return [BEGIN_PAYLOAD, payloadText, END_PAYLOAD, BEGIN_SIGNATURE, signature, END_SIGNATURE, ''].join('\n');
}

/**
 * Checks a licence file against a public key (a KeyObject or a PEM string). Never throws for a bad file; throws a
 * TypeError only when the key itself is not an Ed25519 key.
 *
 * Tolerated: CRLF line endings (a file that passed through Windows or a mail client) and a missing final newline.
 * Neither is part of what is signed. Anything else that differs from what signLicence wrote fails.
 */
export function verifyLicenceFile(file: string | Uint8Array, publicKey: KeyObject | string): LicenceFileVerification {
  const key = ed25519PublicKey(publicKey);
  const parts = splitFile(file);
  if (typeof parts === 'string') return invalid('malformed', parts);

  let parsed: unknown;
  try {
    parsed = JSON.parse(parts.payloadText);
  } catch {
    return invalid('malformed', 'the licence text is not valid JSON');
  }
  if (!isRecord(parsed)) return invalid('malformed', 'the licence text is not a JSON object');
  if (parsed.format !== LICENCE_FILE_FORMAT) {
    return invalid('unsupported-format', `format ${JSON.stringify(parsed.format)} is not one this verifier knows`);
  }
  const expectedKeyId = licenceKeyId(key);
  if (parsed.keyId !== expectedKeyId) {
    return invalid('wrong-key', `the file names key ${JSON.stringify(parsed.keyId)}, not this key (${expectedKeyId})`);
  }
  if (!verify(null, Buffer.from(parts.payloadText, 'utf8'), key, parts.signature)) {
    return invalid('bad-signature', 'the signature does not match the licence text');
  }
  // Signed by the key's owner, so these only fail if a signer wrote something signLicence never would.
  const problem = payloadProblem(parsed);
  if (problem) return invalid('malformed', problem);
  const payload = parsed as unknown as LicenceFilePayload;
  if (serialisePayload(payload) !== parts.payloadText) return invalid('malformed', 'the licence text is not canonical');
  if (payload.revokedAt !== undefined) {
    return { valid: false, reason: 'revoked', message: `the licence was revoked at ${payload.revokedAt}`, payload };
  }
  return { valid: true, payload };
}

function invalid(reason: LicenceFileProblem, message: string): LicenceFileVerification {
  return { valid: false, reason, message };
}

function ed25519PublicKey(key: KeyObject | string): KeyObject {
  // createPublicKey also accepts a private key and derives its public half, so either may be passed.
  const publicKey = typeof key === 'string' || key.type !== 'public' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('The licence key must be an Ed25519 key');
  return publicKey;
}

function serialisePayload(payload: LicenceFilePayload): string {
  const ordered: Record<string, unknown> = {};
  for (const name of KEY_ORDER) {
    if (payload[name] !== undefined) ordered[name] = payload[name];
  }
  return JSON.stringify(ordered, null, 2);
}

/** The signed text and the signature bytes, or why the file does not have the expected shape. */
function splitFile(file: string | Uint8Array): { payloadText: string; signature: Buffer } | string {
  if (file.length > MAX_FILE_BYTES) return 'the file is too large to be a licence file';
  let text: string;
  if (typeof file === 'string') {
    text = file;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
    } catch {
      return 'the file is not UTF-8 text';
    }
  }
  // CRLF is the only rewrite allowed: the signed text was written with \n, so this gives back the exact bytes.
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  // JSON keeps newlines inside strings escaped, so no payload line can pass for a marker line.
  const endPayload = lines.indexOf(END_PAYLOAD);
  if (lines[0] !== BEGIN_PAYLOAD || endPayload < 2) return 'the ATRIUM LICENCE block is missing';
  const signatureBlock = lines.slice(endPayload + 1);
  if (signatureBlock.length !== 3 || signatureBlock[0] !== BEGIN_SIGNATURE || signatureBlock[2] !== END_SIGNATURE) {
    return 'the ATRIUM SIGNATURE block is missing or followed by other text';
  }
  const signatureText = signatureBlock[1]!;
  const signature = Buffer.from(signatureText, 'base64');
  // Node's base64 decoder skips stray characters and ignores the unused low bits of the last digit, so a changed
  // character could decode to the same bytes. Only the one canonical spelling is accepted.
  if (!SIGNATURE_BASE64.test(signatureText) || signature.toString('base64') !== signatureText) {
    return 'the signature is not 64 bytes of base64';
  }
  return { payloadText: lines.slice(1, endPayload).join('\n'), signature };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** The first rule the payload breaks, or undefined when it is a well-formed payload. */
function payloadProblem(payload: Record<string, unknown> | LicenceFilePayload): string | undefined {
  const record = payload as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((name) => !(KEY_ORDER as readonly string[]).includes(name) && record[name] !== undefined);
  if (unknownKeys.length > 0) return `unknown fields ${unknownKeys.join(', ')}`;
  if (record.format !== LICENCE_FILE_FORMAT) return `format must be ${LICENCE_FILE_FORMAT}`;
  if (record.kind !== 'licence' && record.kind !== 'support') return 'kind must be licence or support';
  for (const name of ['licenceId', 'accountId', 'product', 'edition', 'keyId'] as const) {
    if (!isText(record[name])) return `${name} must be non-empty text without surrounding spaces`;
  }
  if (!isCount(record.users)) return 'users must be a whole number of at least 1';
  if (record.serial !== undefined && !isText(record.serial)) return 'serial must be non-empty text when present';
  if (record.kind === 'licence' && record.serial === undefined) return 'a licence file must name its serial';
  if (record.days !== undefined && !isCount(record.days)) return 'days must be a whole number of at least 1';
  for (const name of ['validUntil', 'supportEndsAt', 'revokedAt'] as const) {
    if (record[name] !== undefined && !isInstant(record[name])) return `${name} must be an ISO instant (${INSTANT_EXAMPLE})`;
  }
  if (record.kind === 'support' && record.supportEndsAt === undefined) return 'a support file must give supportEndsAt';
  if (!isInstant(record.issuedAt)) return `issuedAt must be an ISO instant (${INSTANT_EXAMPLE})`;
  return undefined;
}
