// litj's ECDSA signature shares (io.litj.threshold.ecdsa) combined by the real Lit JS SDK 7.4.0's own code.
//
// For each case, the node responses are taken as pkpSign receives them from /web/pkp/sign ({success, signedData,
// signatureShare: <the Datil share object>}) and run through exactly what LitNodeClientNodeJs.pkpSign does with
// them: parsePkpSignResponse, then getSignatures (which calls @lit-protocol/crypto combineEcdsaShares, i.e. the
// wasm ecdsaCombine + ecdsaVerify). The SDK's result is then checked once more with ethers v5: the public key that
// the signature recovers to, and its address.
//
// Usage: node ecdsa-combine.mjs ['<input JSON>']   (without an argument the input JSON is read from stdin)
// Input: {"cases":[{"id":"…","minNodeCount":2,"responses":[{"success":true,"signedData":[…],
//          "signatureShare":{…}}…]}…]}
// Output: one JSON document on stdout: {versions, cases:[{id, signature:{r,s,recid,signature,publicKey,dataSigned},
// recoveredPublicKey, recoveredAddress} or {id, error}], networkGuard, timedOut}. No network at all. Exit 0 when the
// document was printed (failures of single cases are in it), 1 on bad usage or an internal error, 2 on timeout.

import { createRequire } from 'node:module';
import { readInput, runAndPrint, safeJson, sdkCryptoVersions, startOfflineScript } from './lib/harness.mjs';

const TIMEOUT_MS = 60000;
const require = createRequire(import.meta.url);
const run = startOfflineScript('ecdsa-combine');

const nodeClientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
const { parsePkpSignResponse } = nodeClientRequire('./lib/helpers/parse-pkp-sign-response');
const { getSignatures } = nodeClientRequire('./lib/helpers/get-signatures');
const { ethers } = nodeClientRequire('ethers');

const document = {
  script: 'interop/ecdsa-combine.mjs',
  node: process.version,
  versions: { ...sdkCryptoVersions(require, nodeClientRequire), ethers: ethers.version },
  cases: [],
  networkGuard: { refused: run.refusedConnections },
  timedOut: false,
  ms: null,
};

async function combineCase(c) {
  try {
    const responses = JSON.parse(JSON.stringify(c.responses)); // the SDK mutates what it parses
    const signatures = await getSignatures({
      requestId: `litj-${c.id}`,
      networkPubKeySet: 'unused-by-ecdsa',
      minNodeCount: c.minNodeCount,
      signedData: parsePkpSignResponse(responses),
    });
    const signature = signatures.signature;
    const digest = `0x${signature.dataSigned}`;
    const recoveredPublicKey = ethers.utils.recoverPublicKey(digest, signature.signature);
    return {
      id: c.id,
      signature,
      recoveredPublicKey,
      recoveredAddress: ethers.utils.computeAddress(recoveredPublicKey),
    };
  } catch (error) {
    return { id: c.id, error: { name: error?.name ?? null, message: String(error?.message ?? safeJson(error)) } };
  }
}

await runAndPrint(run, document, TIMEOUT_MS, () => document.cases.some((c) => c.error), async () => {
  for (const c of JSON.parse(await readInput()).cases) {
    document.cases.push(await combineCase(c));
  }
});
