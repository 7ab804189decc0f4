// Drives the real, unmodified Lit JS SDK 7.4.0 through pkpSign against a running litj devnet and prints ONE JSON
// document. The PKP (minted by the caller) must permit the signer wallet with scope 1 (sign anything) and the
// personal wallet with scope 2 only; it must not permit the stranger wallet.
// Flows (each reported as {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect          connect(): connected nodes, minNodeCount
//   walletSign       getSessionSigs (signer wallet; pkp-signing on lit-pkp://<tokenId> + lit-action-execution on *),
//                    then pkpSign: the SDK's result and the address ethers recovers from it
//   pkpSessionSign   getPkpSessionSigs proven by the signer wallet (EthWallet auth method), then pkpSign
//   noPkpSigning     a signer wallet session granting only lit-action-execution: pkpSign must be refused
//   strangerWallet   a session of a wallet the PKP does not permit: pkpSign must be refused
//   personalOnly     a session of the personal-sign-only wallet: pkpSign (sign anything) must be refused
//   actionSignEcdsa  executeJs of an action calling Lit.Actions.signEcdsa (signer wallet session): the SDK combines
//                    signatures.sig1, and ethers recovers it
//   actionPersonal   executeJs of an action calling ethPersonalSignMessageEcdsa (personal wallet, scope 2 suffices):
//                    signatures.personal, checked with ethers.utils.verifyMessage
//   actionNotPermitted executeJs of an action calling signEcdsa in a session of the stranger wallet (neither the
//                    action nor the wallet is permitted): must be refused; the SDK's error is reported
//   actionCombine    executeJs of an action calling Lit.Actions.signAndCombineEcdsa (signer wallet session): the
//                    action's response is the signature JSON, joined as Lit's docs show and recovered with ethers
//   actionPermissions executeJs of an action calling pubkeyToTokenId, isPermittedAction, isPermittedAddress and
//                    getPermittedAddresses: their answers, as the SDK returns the response
// Every body the SDK posted to /web/pkp/sign/v1 is summarized under pkpSignRequests (keys, toSign length, pubkey).
//
// Usage:
//   node pkp-sign-flows.mjs --rpc-url URL --block-hash-url URL --pkp-public-key 0x04… --signer-key 0x… \
//     --personal-key 0x… --stranger-key 0x… --digest 0x<64 hex> [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import {
  connectFlow, customClient, flowRunner, printFlows, walletPkpSession, walletSession,
} from './lib/flows.mjs';
import { captureConsole, installedVersion, isLoopback, loopbackOnly } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const begun = Date.now();

const captured = captureConsole();
const { realStderrWrite } = captured;
const pkpSignBodies = [];
const refused = loopbackOnly('pkp-sign-flows', (url, init) => {
  if (url.pathname === '/web/pkp/sign/v1') {
    pkpSignBodies.push({ url: url.origin, body: JSON.parse(String(init?.body ?? 'null')) });
  }
});

// ---------------------------------------------------------------- arguments
const KEYS = ['signer-key', 'personal-key', 'stranger-key'];
const NAMES = ['rpc-url', 'block-hash-url', 'pkp-public-key', 'digest', ...KEYS];
function fail(message) {
  realStderrWrite(`pkp-sign-flows: ${message}\nusage: node pkp-sign-flows.mjs ${NAMES.map((n) => `--${n} V`)
    .join(' ')} [--timeout-ms N] [--verbose]\n`);
  process.exit(1);
}
const args = { verbose: false, 'timeout-ms': '60000' };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--verbose') {
    args.verbose = true;
  } else if (a.startsWith('--') && [...NAMES, 'timeout-ms'].includes(a.slice(2)) && i + 1 < process.argv.length) {
    args[a.slice(2)] = process.argv[++i];
  } else {
    fail(`unexpected argument ${a}`);
  }
}
NAMES.filter((n) => args[n] === undefined).forEach((n) => fail(`--${n} is required`));
['rpc-url', 'block-hash-url'].forEach((n) => {
  const host = URL.canParse(args[n]) ? new URL(args[n]).hostname : '';
  if (!isLoopback(host)) {
    fail(`--${n} must be a URL on 127.0.0.1`);
  }
});
KEYS.filter((n) => !/^0x[0-9a-fA-F]{64}$/.test(args[n])).forEach((n) => fail(`--${n} must be 0x + 64 hex`));
if (!/^0x04[0-9a-fA-F]{128}$/.test(args['pkp-public-key'])) {
  fail('--pkp-public-key must be 0x04 + 128 hex');
}
if (!/^0x[0-9a-fA-F]{64}$/.test(args.digest)) {
  fail('--digest must be 0x + 64 hex');
}
const timeLimit = Number(args['timeout-ms']);

// ---------------------------------------------------------------- the SDK
const { ethers } = require('ethers');
const { LitActionResource, LitPKPResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const publicKey = args['pkp-public-key'];
const tokenId = ethers.utils.keccak256(publicKey).slice(2);
const digest = ethers.utils.arrayify(args.digest);
const pkpAddress = ethers.utils.computeAddress(publicKey);
const signingResources = () => [
  { resource: new LitPKPResource(tokenId), ability: LIT_ABILITY.PKPSigning },
  { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
];
const PERSONAL_MESSAGE = 'hello PKP';
const actionOnly = () => [{ resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution }];

const run = flowRunner(begun, timeLimit);

/** A PKP session proven by the wallet of `key` (its AuthSig over a login SIWE, an hour long). */
function pkpSession(client, key) {
  return walletPkpSession(client, key, publicKey, signingResources());
}

/** pkpSign with `sessionSigs`, reporting the SDK's result and what ethers recovers from its signature. */
async function sign(client, out, sessionSigs) {
  const result = await client.pkpSign({ pubKey: publicKey, toSign: digest, sessionSigs });
  out.result = result;
  out.recoveredAddress = ethers.utils.recoverAddress(digest, result.signature);
  out.pkpAddress = pkpAddress;
}

// ---------------------------------------------------------------- the flows
const doc = {
  script: 'interop/pkp-sign-flows.mjs',
  node: process.version,
  versions: Object.fromEntries(['@lit-protocol/lit-node-client', '@lit-protocol/auth-helpers',
    '@lit-protocol/constants', 'ethers'].map((p) => [p, installedVersion(p, require)])
    .concat([['@lit-protocol/lit-node-client-nodejs', installedVersion('@lit-protocol/lit-node-client-nodejs',
      createRequire(require.resolve('@lit-protocol/lit-node-client')))]])),
  input: { pkpPublicKey: publicKey, tokenId, digest: args.digest },
  flows: {},
  pkpSignRequests: [],
  networkGuard: { refused },
  timedOut: false,
  ms: null,
};
const REFUSALS = new Set(['noPkpSigning', 'strangerWallet', 'personalOnly', 'actionNotPermitted']);

const client = customClient(args['rpc-url'], args['block-hash-url']);
let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    f.walletSign = await run('walletSign', async (v) => sign(client, v,
      await walletSession(client, args['signer-key'], signingResources())));
    f.pkpSessionSign = await run('pkpSessionSign', async (v) => sign(client, v,
      await pkpSession(client, args['signer-key'])));
    f.noPkpSigning = await run('noPkpSigning', async (v) => sign(client, v,
      await walletSession(client, args['signer-key'], actionOnly())));
    f.strangerWallet = await run('strangerWallet', async (v) => sign(client, v,
      await walletSession(client, args['stranger-key'], signingResources())));
    f.personalOnly = await run('personalOnly', async (v) => sign(client, v,
      await walletSession(client, args['personal-key'], signingResources())));
    f.actionSignEcdsa = await run('actionSignEcdsa', async (v) => {
      const result = await client.executeJs({
        code: '(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "sig1" }); })();',
        jsParams: { toSign: [...digest], publicKey },
        sessionSigs: await walletSession(client, args['signer-key'], signingResources()),
      });
      v.result = result.signatures.sig1;
      v.recoveredAddress = ethers.utils.recoverAddress(digest, result.signatures.sig1.signature);
      v.pkpAddress = pkpAddress;
    });
    f.actionPersonal = await run('actionPersonal', async (v) => {
      const result = await client.executeJs({
        code: '(async () => { await Lit.Actions.ethPersonalSignMessageEcdsa({ message, publicKey, sigName: "personal" });'
          + ' })();',
        jsParams: { message: PERSONAL_MESSAGE, publicKey },
        sessionSigs: await walletSession(client, args['personal-key'], signingResources()),
      });
      v.result = result.signatures.personal;
      v.recoveredAddress = ethers.utils.verifyMessage(PERSONAL_MESSAGE, result.signatures.personal.signature);
      v.pkpAddress = pkpAddress;
    });
    f.actionNotPermitted = await run('actionNotPermitted', async (v) => {
      await client.executeJs({
        code: '(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "refused" }); })();',
        jsParams: { toSign: [...digest], publicKey },
        sessionSigs: await walletSession(client, args['stranger-key'], signingResources()),
      });
    });
    const response = (result) => (typeof result.response === 'string' ? JSON.parse(result.response)
      : result.response);
    f.actionCombine = await run('actionCombine', async (v) => {
      const result = await client.executeJs({
        code: '(async () => { const sig = await Lit.Actions.signAndCombineEcdsa({ toSign, publicKey,'
          + ' sigName: "combined" }); Lit.Actions.setResponse({ response: sig }); })();',
        jsParams: { toSign: [...digest], publicKey },
        sessionSigs: await walletSession(client, args['signer-key'], signingResources()),
      });
      const sig = response(result);
      v.response = sig;
      v.signatureCount = Object.keys(result.signatures ?? {}).length;
      const joined = ethers.utils.joinSignature({ r: `0x${sig.r.substring(2)}`, s: `0x${sig.s}`, v: sig.v });
      v.recoveredAddress = ethers.utils.recoverAddress(digest, joined);
      v.pkpAddress = pkpAddress;
    });
    f.actionPermissions = await run('actionPermissions', async (v) => {
      const signer = new ethers.Wallet(args['signer-key']).address;
      const result = await client.executeJs({
        code: '(async () => { const tokenId = Lit.Actions.pubkeyToTokenId({ publicKey });'
          + ' Lit.Actions.setResponse({ response: JSON.stringify({ tokenId,'
          + ' isPermittedAction: await Lit.Actions.isPermittedAction({ tokenId, ipfsId }),'
          + ' isPermittedAddress: await Lit.Actions.isPermittedAddress({ tokenId, address }),'
          + ' permittedAddresses: await Lit.Actions.getPermittedAddresses({ tokenId }) }) }); })();',
        jsParams: { publicKey, ipfsId: 'QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm', address: signer },
        sessionSigs: await walletSession(client, args['signer-key'], actionOnly()),
      });
      v.response = response(result);
      v.expectedTokenId = ethers.BigNumber.from(`0x${tokenId}`).toString();
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
doc.pkpSignRequests = pkpSignBodies.map(({ url, body }) => ({
  url, keys: Object.keys(body), toSignLength: Array.isArray(body.toSign) ? body.toSign.length : null,
  pubkey: body.pubkey ?? null, authSigAddress: body.authSig?.address ?? null, epoch: body.epoch ?? null,
}));
printFlows({ doc, begun, crash, refusals: REFUSALS, refused, run: captured, verbose: args.verbose });
