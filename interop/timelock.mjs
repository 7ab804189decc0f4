// litj's time-lock ciphertexts (io.litj.threshold.bls.TimeLock) against the real Lit JS SDK 7.4.0's own crypto.
//
// Two operations, any number of cases per run:
// - "encrypt": @lit-protocol/crypto encrypt(publicKeyHex, plaintext, identity), exactly what
//   LitNodeClientNodeJs.encrypt calls (the wasm blsEncrypt, blsful TimeCrypt); prints the base64 ciphertext.
// - "decrypt": the node responses ({signatureShare: {"ProofOfPossession": "<id ‖ G2 hex>"}, shareIndex}) go through
//   LitNodeClientNodeJs._decryptWithSignatureShares, the last step of the SDK's decrypt: @lit-protocol/crypto
//   verifyAndDecryptWithSignatureShares, i.e. the wasm blsCombine, blsVerify of the combined signature over the
//   identity under the network key, then blsDecrypt; prints the plaintext as hex.
//
// Usage: node timelock.mjs ['<input JSON>']   (without an argument the input JSON is read from stdin)
// Input: {"cases":[{"id":"…","op":"encrypt","publicKey":"<96 hex>","identity":"<hex>","plaintext":"<hex>"} |
//          {"id":"…","op":"decrypt","publicKey":"<96 hex>","identity":"<hex>","ciphertext":"<base64>",
//           "responses":[{"signatureShare":{"ProofOfPossession":"<194 hex>"},"shareIndex":0}…]}…]}
// Output: one JSON document on stdout: {script, node, versions, cases:[{id, ciphertext} | {id, plaintext} |
// {id, error}], networkGuard, timedOut, ms}. No network at all. Exit 0 when the document was printed (failures of
// single cases are in it), 1 on bad usage or an internal error, 2 on timeout.

import { createRequire } from 'node:module';
import { readInput, runAndPrint, safeJson, sdkCryptoVersions, startOfflineScript } from './lib/harness.mjs';

const TIMEOUT_MS = 60000;
const require = createRequire(import.meta.url);
const run = startOfflineScript('timelock');

const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const nodeClientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
const litCrypto = nodeClientRequire('@lit-protocol/crypto');

const document = {
  script: 'interop/timelock.mjs',
  node: process.version,
  versions: sdkCryptoVersions(require, nodeClientRequire),
  cases: [],
  networkGuard: { refused: run.refusedConnections },
  timedOut: false,
  ms: null,
};

// An offline client: nothing is connected, only its decrypt helper is used.
const client = new LitNodeClientNodeJs({ litNetwork: 'custom', debug: false, checkNodeAttestation: false });

async function runCase(c) {
  try {
    const identity = new Uint8Array(Buffer.from(c.identity, 'hex'));
    if (c.op === 'encrypt') {
      const plaintext = new Uint8Array(Buffer.from(c.plaintext, 'hex'));
      return { id: c.id, ciphertext: await litCrypto.encrypt(c.publicKey, plaintext, identity) };
    }
    if (c.op === 'decrypt') {
      const responses = JSON.parse(JSON.stringify(c.responses));
      const plaintext = await client._decryptWithSignatureShares(c.publicKey, identity, c.ciphertext, responses);
      return { id: c.id, plaintext: Buffer.from(plaintext).toString('hex') };
    }
    throw new Error(`unknown op ${c.op}`);
  } catch (error) {
    return { id: c.id, error: { name: error?.name ?? null, message: String(error?.message ?? safeJson(error)) } };
  }
}

await runAndPrint(run, document, TIMEOUT_MS, () => document.cases.some((c) => c.error), async () => {
  for (const c of JSON.parse(await readInput()).cases) {
    document.cases.push(await runCase(c));
  }
});
