// Drives the real, unmodified Lit JS SDK 7.4.0 on a litj devnet for the revocation test (docs/revocation.md) and
// prints ONE JSON document. Two phases, run one after the other by the Java test, which revokes in between:
//   --phase session  connect; a wallet session made as apps make one (getSessionSigs with --user-key, any action),
//                    or with --pkp-public-key a PKP session (getPkpSessionSigs with an EthWallet auth method of
//                    --user-key, which the PKP permits); flow execute runs an action with it: {response}; the
//                    sessionSigs are written to --session-file
//   --phase after    connect; flow execute runs the action with the sessionSigs read from --session-file (the
//                    ones of the first phase, revoked since): the SDK's error as {name, errorCode, message}
// Every non-loopback connection of this script is refused and recorded under networkGuard.refused.
//
// Usage:
//   node revoke-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… --phase session|after
//     --session-file FILE [--pkp-public-key 0x04…] [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { connectFlow, customClient, flowArgs, flowRunner, printFlows, walletSession } from './lib/flows.mjs';
import { captureConsole, loopbackOnly, sdkVersions } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const begun = Date.now();

const captured = captureConsole();
const { realStderrWrite } = captured;
const refused = loopbackOnly('revoke-flows');

const args = flowArgs('revoke-flows', ['rpc-url', 'block-hash-url', 'user-key', 'phase', 'session-file'], 90000,
  realStderrWrite, ['pkp-public-key']);
const run = flowRunner(begun, Number(args['timeout-ms']));

const { ethers } = require('ethers');
const { LitActionResource, LitPKPResource, createSiweMessage, generateAuthSig } = require('@lit-protocol/auth-helpers');
const { AUTH_METHOD_TYPE, LIT_ABILITY } = require('@lit-protocol/constants');
const anyAction = [{ resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution }];
const ACTION = 'Lit.Actions.setResponse({response: "ran"});';

const doc = {
  script: 'interop/revoke-flows.mjs',
  node: process.version,
  versions: sdkVersions(require),
  input: { phase: args.phase },
  flows: {},
  networkGuard: { refused },
  timedOut: false,
  ms: null,
};

/** A PKP session as apps make one: getPkpSessionSigs proven by the wallet's AuthSig over a login SIWE. */
async function pkpSession(client, key, pkpPublicKey) {
  const wallet = new ethers.Wallet(key);
  const toSign = await createSiweMessage({
    walletAddress: wallet.address, nonce: await client.getLatestBlockhash(),
    expiration: new Date(Date.now() + 3600 * 1000).toISOString(), litNodeClient: client,
  });
  const authSig = await generateAuthSig({ signer: wallet, toSign });
  return client.getPkpSessionSigs({
    pkpPublicKey,
    authMethods: [{ authMethodType: AUTH_METHOD_TYPE.EthWallet, accessToken: JSON.stringify(authSig) }],
    resourceAbilityRequests: [...anyAction,
      { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning }],
  });
}

const client = customClient(args['rpc-url'], args['block-hash-url']);
let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    let sessionSigs;
    if (args.phase === 'session' && args['pkp-public-key']) {
      sessionSigs = await pkpSession(client, args['user-key'], args['pkp-public-key']);
      fs.writeFileSync(args['session-file'], JSON.stringify(sessionSigs), { mode: 0o600 });
    } else if (args.phase === 'session') {
      sessionSigs = await walletSession(client, args['user-key'], anyAction);
      fs.writeFileSync(args['session-file'], JSON.stringify(sessionSigs), { mode: 0o600 });
    } else {
      sessionSigs = JSON.parse(fs.readFileSync(args['session-file'], 'utf8'));
    }
    f.execute = await run('execute', async (v) => {
      v.response = (await client.executeJs({ code: ACTION, sessionSigs })).response;
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
printFlows({ doc, begun, crash, refusals: new Set(args.phase === 'after' ? ['execute'] : []), refused, run: captured,
  verbose: args.verbose });
