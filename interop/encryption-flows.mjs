// Drives the real, unmodified Lit JS SDK 7.4.0 through encrypt / decrypt against a running litj devnet and prints
// ONE JSON document. The conditions are ":userAddress = the user wallet's address" (a basic condition with empty
// method and standardContractType), and for `balance` also "eth_getBalance(:userAddress) >= 0".
// Flows (each reported as {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect        connect(): connected nodes, minNodeCount
//   jsEncrypt      encrypt(--plaintext) under the conditions: {ciphertext, dataToEncryptHash}
//   jsDecrypt      the user's session (decryption on lit-accesscontrolcondition://<accHash>/<dataHash>), decrypt
//                  jsEncrypt's ciphertext: {plaintext}
//   javaDecrypt    the same for --java-ciphertext / --java-data-hash (made by litj's Java encrypt): {plaintext}
//   wrongWallet    the other wallet's session for jsEncrypt's identity: must be refused
//   wrongDataHash  the user's session for jsEncrypt's identity, decrypt sent with another dataToEncryptHash: refused
//   tampered       jsEncrypt's ciphertext with one byte of W flipped ({tamperedCiphertext}): must fail in the SDK
//   balance        encrypt + decrypt under both conditions (the devnet chain answers eth_getBalance)
//   actionDecrypt  executeJs (the user's session on lit-litaction://*) of an action that decryptAndCombine's
//                  jsEncrypt's ciphertext inside the nodes and sets it as the response: {response}
// Every body the SDK posted to /web/encryption/sign/ is summarized under encryptionSignRequests (path, keys).
//
// Usage:
//   node encryption-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… --other-key 0x… \
//     --plaintext TEXT --java-ciphertext B64 --java-data-hash HEX [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import { connectFlow, customClient, flowArgs, flowRunner, printFlows, walletSession } from './lib/flows.mjs';
import { captureConsole, loopbackOnly, sdkVersions } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const begun = Date.now();

const captured = captureConsole();
const { realStderrWrite } = captured;
const signRequests = [];
const refused = loopbackOnly('encryption-flows', (url, init) => {
  if (url.pathname.startsWith('/web/encryption/sign')) {
    signRequests.push({ path: url.pathname, keys: Object.keys(JSON.parse(String(init?.body ?? '{}'))) });
  }
});

const REQUIRED = ['rpc-url', 'block-hash-url', 'user-key', 'other-key', 'plaintext', 'java-ciphertext',
  'java-data-hash'];
const args = flowArgs('encryption-flows', REQUIRED, 60000, realStderrWrite);
const run = flowRunner(begun, Number(args['timeout-ms']));

// ---------------------------------------------------------------- the SDK
const { ethers } = require('ethers');
const { LitAccessControlConditionResource, LitActionResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const userAddress = new ethers.Wallet(args['user-key']).address;
const userIs = { contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
  parameters: [':userAddress'], returnValueTest: { comparator: '=', value: userAddress } };
const hasBalance = { contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance',
  parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '0' } };
const onlyUser = [userIs];
const userWithBalance = [userIs, { operator: 'and' }, hasBalance];

async function decryptionSession(client, key, conditions, dataToEncryptHash) {
  const id = await LitAccessControlConditionResource.generateResourceString(conditions, dataToEncryptHash);
  return walletSession(client, key, [{ resource: new LitAccessControlConditionResource(id),
    ability: LIT_ABILITY.AccessControlConditionDecryption }]);
}

async function decrypt(client, out, { key, conditions, ciphertext, dataToEncryptHash, sentHash }) {
  const sessionSigs = await decryptionSession(client, key, conditions, dataToEncryptHash);
  const { decryptedData } = await client.decrypt({ accessControlConditions: conditions, ciphertext,
    dataToEncryptHash: sentHash ?? dataToEncryptHash, chain: 'ethereum', sessionSigs });
  out.plaintext = new TextDecoder('utf-8', { fatal: true }).decode(decryptedData);
}

function flipOneByteOfW(ciphertext) {
  const bytes = Buffer.from(ciphertext, 'base64');
  bytes[48 + 32 + 2] ^= 0x01;
  return bytes.toString('base64');
}

// ---------------------------------------------------------------- the flows
const doc = {
  script: 'interop/encryption-flows.mjs',
  node: process.version,
  versions: sdkVersions(require),
  input: { userAddress, conditions: onlyUser, balanceConditions: userWithBalance },
  flows: {},
  encryptionSignRequests: [],
  networkGuard: { refused },
  timedOut: false,
  ms: null,
};
const REFUSALS = new Set(['wrongWallet', 'wrongDataHash', 'tampered']);

const client = customClient(args['rpc-url'], args['block-hash-url']);
let crash = null;
try {
  const f = doc.flows;
  const plain = new TextEncoder().encode(args.plaintext);
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    f.jsEncrypt = await run('jsEncrypt', async (v) => {
      Object.assign(v, await client.encrypt({ accessControlConditions: onlyUser, dataToEncrypt: plain }));
    });
    const mine = { conditions: onlyUser, ciphertext: f.jsEncrypt.ciphertext,
      dataToEncryptHash: f.jsEncrypt.dataToEncryptHash };
    f.jsDecrypt = await run('jsDecrypt', (v) => decrypt(client, v, { key: args['user-key'], ...mine }));
    f.javaDecrypt = await run('javaDecrypt', (v) => decrypt(client, v, { key: args['user-key'],
      conditions: onlyUser, ciphertext: args['java-ciphertext'], dataToEncryptHash: args['java-data-hash'] }));
    f.wrongWallet = await run('wrongWallet', (v) => decrypt(client, v, { key: args['other-key'], ...mine }));
    f.wrongDataHash = await run('wrongDataHash', (v) => decrypt(client, v, { key: args['user-key'], ...mine,
      sentHash: ethers.utils.sha256(ethers.utils.toUtf8Bytes('other data')).slice(2) }));
    const tamperedCiphertext = flipOneByteOfW(mine.ciphertext);
    f.tampered = await run('tampered', async (v) => {
      v.tamperedCiphertext = tamperedCiphertext;
      await decrypt(client, v, { key: args['user-key'], ...mine, ciphertext: tamperedCiphertext });
    });
    f.actionDecrypt = await run('actionDecrypt', async (v) => {
      const sessionSigs = await walletSession(client, args['user-key'], [{ resource: new LitActionResource('*'),
        ability: LIT_ABILITY.LitActionExecution }]);
      const code = `(async () => {
        const plain = await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext, dataToEncryptHash,
          authSig: null, chain: 'ethereum' });
        Lit.Actions.setResponse({ response: plain });
      })();`;
      const result = await client.executeJs({ code, sessionSigs, jsParams: { accessControlConditions: onlyUser,
        ciphertext: mine.ciphertext, dataToEncryptHash: mine.dataToEncryptHash } });
      v.response = result.response;
    });
    f.balance = await run('balance', async (v) => {
      const enc = await client.encrypt({ accessControlConditions: userWithBalance, dataToEncrypt: plain });
      await decrypt(client, v, { key: args['user-key'], conditions: userWithBalance, ...enc });
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
doc.encryptionSignRequests = signRequests;
printFlows({ doc, begun, crash, refusals: REFUSALS, refused, run: captured, verbose: args.verbose });
