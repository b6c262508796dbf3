#!/usr/bin/env node
// Tells whether an Atrium licence file (.lic) is genuine: `atrium-verify-licence file.lic --public-key key.pem`, where
// key.pem is the PEM or the JSON that /api/licensing/public-key answers (README's `curl ... > key.pem`).
//
// Exit codes: 0 valid, 1 not valid (one line says why), 2 wrong usage or an unreadable file or key.
// The verifier itself is shared/licences/licence-file.ts, loaded through tsx (a devDependency) because Node 20 cannot
// run TypeScript; that keeps one implementation of the format instead of a JavaScript copy that could drift.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const USAGE = `Usage: atrium-verify-licence <file.lic> --public-key <key.pem> [--json]

Checks the Ed25519 signature of an Atrium licence file against the portal's public key.
  --public-key <path>  the public key: a PEM file (SPKI, "-----BEGIN PUBLIC KEY-----"), or the JSON that
                       GET /api/licensing/public-key answers (its publicKeyPem is used)
  --json               print the result as one JSON object
  -h, --help           show this text
Exit codes: 0 valid, 1 not valid, 2 usage error or unreadable input.`;

function usageError(message) {
  process.stderr.write(`atrium-verify-licence: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      'public-key': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError(error.message);
}
const { values, positionals } = options;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length === 0) usageError('name the licence file to check');
if (positionals.length > 1) usageError('name only one licence file');
if (!values['public-key']) usageError('--public-key is required');

function readInput(path, what) {
  try {
    return readFileSync(path);
  } catch (error) {
    usageError(`cannot read the ${what} ${path}: ${error.code ?? error.message}`);
  }
}
const file = readInput(positionals[0], 'licence file');
const publicKeyPem = publicKeyPemOf(readInput(values['public-key'], 'public key').toString('utf8'));

/** A PEM as it is, or the portal's JSON answer (`curl .../api/licensing/public-key > key.pem`) reduced to its PEM. */
function publicKeyPemOf(text) {
  if (!text.trimStart().startsWith('{')) return text;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    usageError(`${values['public-key']} is neither a PEM file nor the JSON of /api/licensing/public-key`);
  }
  if (typeof parsed?.publicKeyPem !== 'string') usageError(`${values['public-key']} is JSON without a publicKeyPem`);
  return parsed.publicKeyPem;
}

const { verifyLicenceFile } = await tsImport('../shared/licences/licence-file.ts', import.meta.url);

let result;
try {
  result = verifyLicenceFile(file, publicKeyPem);
} catch (error) {
  // Only the key can make the verifier throw: the file's own problems come back as a reason.
  usageError(`${values['public-key']} is not an Ed25519 public key (${error.message})`);
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (result.valid) {
  const p = result.payload;
  const rows = [
    ['kind', p.kind],
    [p.kind === 'support' ? 'subscription' : 'licence', p.licenceId],
    ['account', p.accountId],
    ['product', p.product],
    ['edition', p.edition],
    ['users', p.users],
    ['serial', p.serial],
    ['days', p.days],
    ['valid until', p.validUntil],
    ['support ends', p.supportEndsAt],
    ['issued at', p.issuedAt],
    ['key id', p.keyId],
  ].filter(([, value]) => value !== undefined);
  process.stdout.write(`valid\n${rows.map(([name, value]) => `  ${name.padEnd(14)}${value}`).join('\n')}\n`);
} else {
  process.stdout.write(`invalid: ${result.reason}: ${result.message}\n`);
}
process.exit(result.valid ? 0 : 1);
