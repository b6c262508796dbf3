// Signed licence files: what verifies and what fails (and why), where the signing key comes from, and the verifier CLI.

import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { licenceKeyId, signLicence, verifyLicenceFile, type LicenceFileFields } from '#shared/licences/licence-file.ts';
import {
  licencePublicKeyPem,
  licenceSigningKey,
  localLicenceSigningKey,
  PRIVATE_KEY_FILE,
  PUBLIC_KEY_FILE,
  resetLicenceKeyCacheForTests,
} from '#shared/licences/signing-key.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'atrium-licence-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dirCount = 0;
function freshDir(): string {
  dirCount += 1;
  return join(scratch, `dir-${dirCount}`);
}

function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

const portal = newKeyPair();
const stranger = newKeyPair();

const licenceFields: LicenceFileFields = {
  kind: 'licence',
  licenceId: '01JBX4R6Q2N8M5T7V9W3Y1Z0AB',
  accountId: '01JBX4R0000000000000000ACC',
  product: 'Księgowość Pro',
  edition: 'Business',
  users: 5,
  serial: 'NW-2291-7730',
  days: 365,
  supportEndsAt: '2027-03-31T00:00:00.000Z',
  issuedAt: '2026-11-20T09:30:00.000Z',
};

const supportFields: LicenceFileFields = {
  kind: 'support',
  licenceId: '01JBX4S0000000000000000SUP',
  accountId: '01JBX4R0000000000000000ACC',
  product: 'Księgowość Pro',
  edition: 'Business',
  users: 5,
  supportEndsAt: '2027-03-31T00:00:00.000Z',
  issuedAt: '2026-11-20T09:30:00.000Z',
};

const signed = signLicence(licenceFields, portal.privateKey);

describe('licence files', () => {
  it('verifies a file it signed and gives back the payload, with the format and key id filled in', () => {
    // Act
    const result = verifyLicenceFile(signed, portal.publicKey);
    // Assess
    expect(result).toEqual({
      valid: true,
      payload: { format: 1, ...licenceFields, keyId: licenceKeyId(portal.publicKey) },
    });
  });

  it('writes the payload as readable JSON between the licence markers, then the signature', () => {
    const lines = signed.split('\n');
    expect(lines[0]).toBe('-----BEGIN ATRIUM LICENCE-----');
    expect(signed).toContain('\n  "product": "Księgowość Pro",\n');
    expect(signed).toMatch(
      /\n-----END ATRIUM LICENCE-----\n-----BEGIN ATRIUM SIGNATURE-----\n[A-Za-z0-9+/]{86}==\n-----END ATRIUM SIGNATURE-----\n$/,
    );
  });

  it('verifies a support file that is not bound to a serial', () => {
    const result = verifyLicenceFile(signLicence(supportFields, portal.privateKey), portal.publicPem);
    expect(result.valid && result.payload.kind).toBe('support');
    expect(result.valid && result.payload.serial).toBeUndefined();
  });

  it('accepts the public key as a KeyObject, a PEM string or the private key itself', () => {
    expect(verifyLicenceFile(signed, portal.publicKey).valid).toBe(true);
    expect(verifyLicenceFile(signed, portal.publicPem).valid).toBe(true);
    expect(verifyLicenceFile(signed, portal.privateKey).valid).toBe(true);
  });

  it('fails when any single byte of the file is changed, wherever it is', () => {
    // Prepare
    const bytes = Buffer.from(signed, 'utf8');
    const passed: string[] = [];
    // Act: every byte and every character, changed two ways (the lowest bit; the bit that flips a letter's case).
    for (let position = 0; position < bytes.length; position += 1) {
      for (const flip of [0x01, 0x20]) {
        const tampered = Buffer.from(bytes);
        tampered[position] = tampered[position]! ^ flip;
        if (verifyLicenceFile(tampered, portal.publicKey).valid) passed.push(`byte ${position} ^ ${flip}`);
      }
    }
    for (let position = 0; position < signed.length; position += 1) {
      for (const flip of [0x01, 0x20]) {
        const tampered = signed.slice(0, position) + String.fromCharCode(signed.charCodeAt(position) ^ flip) + signed.slice(position + 1);
        if (verifyLicenceFile(tampered, portal.publicKey).valid) passed.push(`character ${position} ^ ${flip}`);
      }
    }
    // Assess
    expect(passed).toEqual([]);
  });

  it('fails a signature spelled differently even when it decodes to the same bytes', () => {
    // Prepare: the last digit before "==" carries 2 bits of the signature and 4 unused ones; change an unused one.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const [, digits, last] = /\n([A-Za-z0-9+/]{85})([A-Za-z0-9+/])==\n/.exec(signed)!;
    const respelled = signed.replace(`${digits}${last}==`, `${digits}${alphabet[alphabet.indexOf(last!) ^ 1]}==`);
    // Act, Assess
    expect(Buffer.from(`${digits}${alphabet[alphabet.indexOf(last!) ^ 1]}==`, 'base64')).toEqual(
      Buffer.from(`${digits}${last}==`, 'base64'),
    );
    expect(verifyLicenceFile(respelled, portal.publicKey)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('fails with bad-signature when whitespace or key order inside the JSON changes', () => {
    const edits = [
      signed.replace('\n  "users"', '\n\t"users"'),
      signed.replace('"users": 5', '"users":  5'),
      signed.replace('"users": 5', '"users":5'),
      signed.replace('"users": 5,\n  "serial": "NW-2291-7730"', '"serial": "NW-2291-7730",\n  "users": 5'),
      signed.replace('\n}\n-----END ATRIUM LICENCE', '\n}\n\n-----END ATRIUM LICENCE'),
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(signed);
      expect(verifyLicenceFile(edited, portal.publicKey)).toMatchObject({ valid: false, reason: 'bad-signature' });
    }
  });

  it('fails with bad-signature when a field value is edited', () => {
    const edited = signed.replace('"users": 5', '"users": 50');
    expect(verifyLicenceFile(edited, portal.publicKey)).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('fails a file signed by another key, also when its key id is edited to match', () => {
    // Prepare
    const foreign = signLicence(licenceFields, stranger.privateKey);
    const disguised = foreign.replace(licenceKeyId(stranger.publicKey), licenceKeyId(portal.publicKey));
    // Act, Assess
    expect(verifyLicenceFile(foreign, portal.publicKey)).toMatchObject({ valid: false, reason: 'wrong-key' });
    expect(verifyLicenceFile(disguised, portal.publicKey)).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('reports malformed input as malformed instead of throwing', () => {
    const inputs: (string | Uint8Array)[] = [
      '',
      'hello',
      '\n\n\n',
      signed.slice(0, signed.indexOf('-----BEGIN ATRIUM SIGNATURE')),
      signed.replace(/-----BEGIN ATRIUM SIGNATURE-----\n.*\n/, ''),
      `${signed}extra text\n`,
      `${signed}\n`,
      `\uFEFF${signed}`,
      ` ${signed}`,
      signed.replace(/\n([A-Za-z0-9+/]{86}==)\n/, '\n$1 \n'),
      signed.replace(/\n([A-Za-z0-9+/]{86})==\n/, '\n$1\n'),
      signed.replace(/\n\{[\s\S]*\}\n/, '\n[1, 2]\n'),
      signed.replace(/\n\{[\s\S]*\}\n/, '\n{\n'),
      'x'.repeat(100_000),
      Uint8Array.from([0xff, 0xfe, 0x00, 0xc3]),
      signed.replace('-----BEGIN ATRIUM LICENCE-----\n', '-----BEGIN ATRIUM LICENCE-----\n-----END ATRIUM LICENCE-----\n'),
    ];
    for (const input of inputs) {
      expect(verifyLicenceFile(input, portal.publicKey)).toMatchObject({ valid: false, reason: 'malformed' });
    }
  });

  it('refuses a format version it does not know', () => {
    const future = signed.replace('"format": 1', '"format": 2');
    expect(verifyLicenceFile(future, portal.publicKey)).toMatchObject({ valid: false, reason: 'unsupported-format' });
  });

  it('reports a genuine file that states revokedAt as revoked, with its payload, and a forged revocation as bad-signature', () => {
    const revokedAt = '2026-11-28T12:00:00.000Z';
    const revoked = signLicence({ ...licenceFields, revokedAt }, portal.privateKey);
    expect(revoked).toContain(`"revokedAt": "${revokedAt}",\n  "issuedAt"`);
    expect(verifyLicenceFile(revoked, portal.publicKey)).toEqual({
      valid: false,
      reason: 'revoked',
      message: `the licence was revoked at ${revokedAt}`,
      payload: expect.objectContaining({ licenceId: licenceFields.licenceId, revokedAt }),
    });
    // Removing the revocation from the text breaks the signature; the file without it never had one.
    const unrevoked = revoked.replace(`  "revokedAt": "${revokedAt}",\n`, '');
    expect(verifyLicenceFile(unrevoked, portal.publicKey)).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(() => signLicence({ ...licenceFields, revokedAt: 'yesterday' }, portal.privateKey)).toThrow(/revokedAt/);
  });

  it('verifies a file whose line endings became CRLF, or that lost its final newline', () => {
    expect(verifyLicenceFile(signed.replace(/\n/g, '\r\n'), portal.publicKey).valid).toBe(true);
    expect(verifyLicenceFile(Buffer.from(signed.replace(/\n/g, '\r\n')), portal.publicKey).valid).toBe(true);
    expect(verifyLicenceFile(signed.replace(/\n$/, ''), portal.publicKey).valid).toBe(true);
  });

  it('fails a file with a carriage return that is not part of a CRLF', () => {
    const strayInPayload = signed.replace('"users": 5,\n', '"users": 5,\r\r\n');
    const oldMacEndings = signed.replace(/\n/g, '\r');
    expect(verifyLicenceFile(strayInPayload, portal.publicKey).valid).toBe(false);
    expect(verifyLicenceFile(oldMacEndings, portal.publicKey)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('refuses to sign fields that break the format', () => {
    const broken: Record<string, unknown>[] = [
      { ...licenceFields, orderId: '01JBX' },
      { ...licenceFields, users: 0 },
      { ...licenceFields, users: 2.5 },
      { ...licenceFields, serial: undefined },
      { ...licenceFields, product: ' ' },
      { ...licenceFields, issuedAt: '2026-11-20' },
      { ...licenceFields, kind: 'trial' },
      { ...supportFields, supportEndsAt: undefined },
    ];
    for (const fields of broken) {
      expect(() => signLicence(fields as unknown as LicenceFileFields, portal.privateKey)).toThrow(TypeError);
    }
    expect(() => signLicence(licenceFields, portal.publicKey)).toThrow(/Ed25519 private key/);
    expect(() => signLicence(licenceFields, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(TypeError);
  });

  it('throws for a verifying key that is not Ed25519, since that is the caller’s mistake and not the file’s', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(() => verifyLicenceFile(signed, rsa)).toThrow(TypeError);
    expect(() => verifyLicenceFile(signed, 'not a key')).toThrow();
  });

  it('names the key by the first 16 hex digits of the SHA-256 of its SPKI DER, the same for both halves', () => {
    expect(licenceKeyId(portal.privateKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(licenceKeyId(portal.privateKey)).toBe(licenceKeyId(portal.publicPem));
    expect(licenceKeyId(portal.publicKey)).not.toBe(licenceKeyId(stranger.publicKey));
  });
});

describe('licence signing key', () => {
  // Secrets Manager has no local engine: its client is mocked, and records the calls.
  const secretsManager = mockClient(SecretsManagerClient);
  const secretCalls = () => secretsManager.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input);
  const answerSecrets = (...answers: string[]) => {
    let stub = secretsManager.on(GetSecretValueCommand);
    for (const SecretString of answers) stub = stub.resolvesOnce({ SecretString });
    stub.resolves({ SecretString: answers.at(-1) });
  };

  beforeEach(() => {
    vi.stubEnv('LICENCE_SIGNING_SECRET_ID', undefined);
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
    resetLicenceKeyCacheForTests();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    secretsManager.reset();
    resetLicenceKeyCacheForTests();
  });

  it('generates a key pair once into LICENCE_KEYS_DIR and returns the same key afterwards', async () => {
    // Prepare
    const dir = freshDir();
    vi.stubEnv('LICENCE_KEYS_DIR', dir);
    // Act
    const first = await licenceSigningKey();
    const again = await licenceSigningKey();
    resetLicenceKeyCacheForTests();
    const afterRestart = await licenceSigningKey();
    // Assess
    expect(first.asymmetricKeyType).toBe('ed25519');
    expect(again).toBe(first);
    expect(afterRestart.equals(first)).toBe(true);
    expect(statSync(join(dir, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(await licencePublicKeyPem());
    expect(readdirSync(dir).sort()).toEqual([PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]);
  });

  it('signs files that verify with the public key it publishes', async () => {
    vi.stubEnv('LICENCE_KEYS_DIR', freshDir());
    const file = signLicence(licenceFields, await licenceSigningKey());
    expect(verifyLicenceFile(file, await licencePublicKeyPem()).valid).toBe(true);
  });

  it('ends with one key on disk, and the same key in every caller, when several first uses overlap', async () => {
    // Prepare
    const dir = freshDir();
    // Act
    const keys = await Promise.all([1, 2, 3, 4].map(() => localLicenceSigningKey(dir)));
    // Assess
    const onDisk = createPublicKey(readFileSync(join(dir, PRIVATE_KEY_FILE), 'utf8'));
    for (const key of keys) expect(createPublicKey(key).equals(onDisk)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]);
  });

  it('never replaces a local key file it cannot read', async () => {
    const dir = freshDir();
    await localLicenceSigningKey(dir);
    writeFileSync(join(dir, PRIVATE_KEY_FILE), 'damaged');
    await expect(localLicenceSigningKey(dir)).rejects.toThrow(/does not hold an Ed25519/);
    expect(readFileSync(join(dir, PRIVATE_KEY_FILE), 'utf8')).toBe('damaged');
  });

  it('reads the key from the Secrets Manager secret named by LICENCE_SIGNING_SECRET_ID, once', async () => {
    // Prepare
    const dir = freshDir();
    vi.stubEnv('LICENCE_KEYS_DIR', dir);
    vi.stubEnv('LICENCE_SIGNING_SECRET_ID', 'atrium/test/licence-signing-key');
    const pem = portal.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    answerSecrets(pem);
    // Act
    const [key, sameKey] = await Promise.all([licenceSigningKey(), licenceSigningKey()]);
    const publicPem = await licencePublicKeyPem();
    // Assess
    expect(key.equals(portal.privateKey)).toBe(true);
    expect(sameKey).toBe(key);
    expect(publicPem).toBe(portal.publicPem);
    expect(secretCalls()).toEqual([{ SecretId: 'atrium/test/licence-signing-key' }]);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
  });

  it('says what to do while the secret still holds the deploy-time placeholder, and tries again next time', async () => {
    // Prepare
    vi.stubEnv('LICENCE_SIGNING_SECRET_ID', 'atrium/test/licence-signing-key');
    const pem = portal.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    answerSecrets('Qm9v3pXo1RzK8sWc2TgYh7LdNa4EjUbF', pem);
    // Act, Assess
    await expect(licenceSigningKey()).rejects.toThrow(/Putting in the licence-signing key/);
    await expect(licenceSigningKey()).resolves.toSatisfy((key: KeyObject) => key.equals(portal.privateKey));
    expect(secretCalls()).toHaveLength(2);
  });

  it('lets a throttled or timed-out read fail this request and tries Secrets Manager again on the next', async () => {
    // Prepare: the first read fails as the SDK reports a throttle after its retries, the second as a timeout.
    vi.stubEnv('LICENCE_SIGNING_SECRET_ID', 'atrium/test/licence-signing-key');
    const pem = portal.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .rejectsOnce(Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' }))
      .resolves({ SecretString: pem });
    // Act, Assess
    await expect(licenceSigningKey()).rejects.toThrow('Rate exceeded');
    await expect(licenceSigningKey()).rejects.toThrow('Connection timed out');
    await expect(licenceSigningKey()).resolves.toSatisfy((key: KeyObject) => key.equals(portal.privateKey));
    expect(secretCalls()).toHaveLength(3);
  });

  it('refuses to invent a key inside Lambda when LICENCE_SIGNING_SECRET_ID is missing', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'atrium-test-download-licence');
    vi.stubEnv('LICENCE_KEYS_DIR', freshDir());
    await expect(licenceSigningKey()).rejects.toThrow(/LICENCE_SIGNING_SECRET_ID/);
  });
});

describe('atrium-verify-licence CLI', () => {
  const cli = join(root, 'bin', 'atrium-verify-licence.mjs');
  const dir = freshDir();
  const licencePath = join(dir, 'nordwind.lic');
  const tamperedPath = join(dir, 'tampered.lic');
  const foreignPath = join(dir, 'foreign.lic');
  const keyPath = join(dir, 'licence-signing-key.pub.pem');

  function run(...args: string[]) {
    return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  }

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(licencePath, signed);
    writeFileSync(tamperedPath, signed.replace('"users": 5', '"users": 6'));
    writeFileSync(foreignPath, signLicence(licenceFields, stranger.privateKey));
    writeFileSync(keyPath, portal.publicPem);
  });

  it('is the package bin that npx runs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(root, pkg.bin['atrium-verify-licence']!)).toBe(cli);
  });

  it('exits 0 and prints the licence for a valid file', () => {
    const { status, stdout } = run(licencePath, '--public-key', keyPath);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^valid\n/);
    expect(stdout).toContain('Księgowość Pro');
    expect(stdout).toContain('NW-2291-7730');
  });

  it('prints the result as JSON with --json', () => {
    const { status, stdout } = run(licencePath, '--public-key', keyPath, '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, payload: { users: 5, kind: 'licence' } });
  });

  it('exits 1 with one line of reason for a tampered file', () => {
    const { status, stdout } = run(tamperedPath, '--public-key', keyPath);
    expect(status).toBe(1);
    expect(stdout).toBe('invalid: bad-signature: the signature does not match the licence text\n');
  });

  it('exits 1 and says revoked for a file that states the licence was revoked', () => {
    const revokedPath = join(dir, 'revoked.lic');
    writeFileSync(revokedPath, signLicence({ ...licenceFields, revokedAt: '2026-11-28T12:00:00.000Z' }, portal.privateKey));
    const { status, stdout } = run(revokedPath, '--public-key', keyPath);
    expect(status).toBe(1);
    expect(stdout).toBe('invalid: revoked: the licence was revoked at 2026-11-28T12:00:00.000Z\n');
  });

  it('exits 1 for a file signed by another key', () => {
    const { status, stdout } = run(foreignPath, '--public-key', keyPath);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^invalid: wrong-key: /);
  });

  it('takes the JSON that /api/licensing/public-key answers as the key, and names JSON without a key', () => {
    const jsonKeyPath = join(dir, 'key.json.pem');
    const noKeyPath = join(dir, 'no-key.json');
    writeFileSync(
      jsonKeyPath,
      JSON.stringify({ algorithm: 'Ed25519', keyId: licenceKeyId(portal.publicKey), publicKeyPem: portal.publicPem }),
    );
    writeFileSync(noKeyPath, '{"algorithm":"Ed25519"}');
    const valid = run(licencePath, '--public-key', jsonKeyPath);
    const noKey = run(licencePath, '--public-key', noKeyPath);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^valid\n/);
    expect(run(foreignPath, '--public-key', jsonKeyPath).stdout).toMatch(/^invalid: wrong-key: /);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('JSON without a publicKeyPem');
  });

  it('exits 2 when the file, the key or a readable input is missing', () => {
    expect(run().status).toBe(2);
    expect(run(licencePath).status).toBe(2);
    expect(run('--public-key', keyPath).status).toBe(2);
    expect(run(join(dir, 'missing.lic'), '--public-key', keyPath).status).toBe(2);
    expect(run(licencePath, '--public-key', licencePath).status).toBe(2);
    expect(run(licencePath, '--public-key', keyPath, '--colour').status).toBe(2);
  });
});
