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
import {
  anyActionResources, connectFlow, openFlowScript, walletPkpSession, walletSession,
} from './lib/flows.mjs';

const require = createRequire(import.meta.url);
const { args, run, doc, client, finish } = openFlowScript('revoke-flows',
  ['rpc-url', 'block-hash-url', 'user-key', 'phase', 'session-file'], 90000, ['pkp-public-key']);
doc.input = { phase: args.phase };
const anyAction = anyActionResources();
const ACTION = 'Lit.Actions.setResponse({response: "ran"});';

const { LitPKPResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');
const anyActionAndPkp = [...anyAction, { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning }];

let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    let sessionSigs;
    if (args.phase === 'session') {
      sessionSigs = args['pkp-public-key']
        ? await walletPkpSession(client, args['user-key'], args['pkp-public-key'], anyActionAndPkp)
        : await walletSession(client, args['user-key'], anyAction);
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
finish(crash, new Set(args.phase === 'after' ? ['execute'] : []));
