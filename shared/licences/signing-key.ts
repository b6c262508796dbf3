// The private key that signs the licence files customers download: from Secrets Manager in AWS, from .local/ locally.

import { randomBytes, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientOptions, once } from '#shared/aws/client-options.ts';

export const PRIVATE_KEY_FILE = 'licence-signing-key.pem';
export const PUBLIC_KEY_FILE = 'licence-signing-key.pub.pem';

// Read here rather than through config(): config() fails fast without the table, mail and client settings, which a
// script or test that only signs licence files does not have, and these two values matter to this module alone.
const SECRET_ID_ENV = 'LICENCE_SIGNING_SECRET_ID';
const KEYS_DIR_ENV = 'LICENCE_KEYS_DIR';
const DEFAULT_KEYS_DIR = '.local/keys';

const secretsManager = once(() => new SecretsManagerClient(clientOptions(process.env.AWS_REGION ?? 'eu-central-1')));

// The promise, not the key, so concurrent first calls share one read (or one generation).
let cachedKey: Promise<KeyObject> | undefined;

/** The Ed25519 private key licence files are signed with; read once per cold start. */
export function licenceSigningKey(): Promise<KeyObject> {
  cachedKey ??= loadKey().catch((error: unknown) => {
    // A failed read (throttling, a placeholder secret) must not stick: the next request tries again.
    cachedKey = undefined;
    throw error;
  });
  return cachedKey;
}

/** The public half as an SPKI PEM, which the portal publishes and the licensed software ships with. */
export async function licencePublicKeyPem(): Promise<string> {
  // export() with format 'pem' returns a string; Node's types answer string | Buffer for every format.
  return createPublicKey(await licenceSigningKey()).export({ type: 'spki', format: 'pem' }) as string;
}

/** Tests change the environment between cases; this forgets the key read so far. */
export function resetLicenceKeyCacheForTests(): void {
  cachedKey = undefined;
}

function loadKey(): Promise<KeyObject> {
  const secretId = process.env[SECRET_ID_ENV];
  if (secretId) return keyFromSecret(secretId);
  // In Lambda a missing secret id is a deployment mistake; a fresh random key would sign files nobody can verify.
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) {
    return Promise.reject(new Error(`Missing required environment variable ${SECRET_ID_ENV}`));
  }
  return localLicenceSigningKey(process.env[KEYS_DIR_ENV] || DEFAULT_KEYS_DIR);
}

async function keyFromSecret(secretId: string): Promise<KeyObject> {
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId }));
  // The stack fills the secret with a random placeholder until the operator puts the real key in.
  const key = parsePrivateKey(SecretString ?? '');
  if (!key) {
    throw new Error(
      `The secret ${secretId} does not hold an Ed25519 PKCS#8 PEM private key; ` +
        'put one in as docs/operations.md says ("Putting in the licence-signing key")',
    );
  }
  return key;
}

/**
 * The local signing key in `dir`, generated on first use. Two processes starting at once end up with the same key:
 * each writes a complete file under a temporary name and hard-links it into place, which fails for all but the first.
 */
export async function localLicenceSigningKey(dir: string): Promise<KeyObject> {
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  let key = await readLocalKey(privatePath);
  if (!key) {
    await mkdir(dir, { recursive: true });
    // export() with format 'pem' returns a string; Node's types answer string | Buffer for every format.
    const generated = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const temporary = `${privatePath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, generated, { mode: 0o600 });
    try {
      await link(temporary, privatePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
    key = await readLocalKey(privatePath);
    if (!key) throw new Error(`${privatePath} does not hold an Ed25519 PKCS#8 PEM private key`);
  }
  await writePublicKey(dir, key);
  return key;
}

async function readLocalKey(path: string): Promise<KeyObject | undefined> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = parsePrivateKey(pem);
  // A file that is there but unusable is never replaced: files already issued may depend on the key it once held.
  if (!key) throw new Error(`${path} does not hold an Ed25519 PKCS#8 PEM private key`);
  return key;
}

/** The public half next to the private key, for `atrium-verify-licence --public-key`; rewritten if it drifted. */
async function writePublicKey(dir: string, key: KeyObject): Promise<void> {
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  // export() with format 'pem' returns a string; Node's types answer string | Buffer for every format.
  const pem = createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string;
  const current = await readFile(publicPath, 'utf8').catch(() => undefined);
  if (current === pem) return;
  // Rename replaces the file in one step, so a reader never sees half of it; racing writers write the same bytes.
  const temporary = `${publicPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, pem, { mode: 0o644 });
  await rename(temporary, publicPath);
}

function parsePrivateKey(pem: string): KeyObject | undefined {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
