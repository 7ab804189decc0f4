// Drives the real, unmodified Lit JS SDK 7.4.0 against a litj anvil devnet (`--chain anvil`) for EIP-1271 sessions
// (docs/validation.md) and prints ONE JSON document. The session's grant is a smart-contract wallet's AuthSig:
// authNeededCallback builds the SIWE for the wallet's address from what the SDK hands it, the wallet's owners sign
// the SIWE's EIP-191 hash with their keys (ethers), and the callback answers
// {sig: <owners' signatures, ascending by owner address>, derivedVia: "EIP1271", signedMessage, address: wallet}.
// Flows (each reported as {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect    connect(): the nodes read from the Staking contract on anvil
//   bothOwners a session signed by both owners, then executeJs: {response, derivedVia, callbacks}
//   oneOwner   a session signed by owner B only, then executeJs: refused by the nodes
//
// Usage:
//   node eip1271-flows.mjs --rpc-url URL --block-hash-url URL --wallet 0x… --owner-a-key 0x… --owner-b-key 0x…
//     [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import { anyActionResources, connectFlow, openFlowScript } from './lib/flows.mjs';

const require = createRequire(import.meta.url);
const { args, run, doc, client, finish } = openFlowScript('eip1271-flows',
  ['rpc-url', 'block-hash-url', 'wallet', 'owner-a-key', 'owner-b-key'], 90000);
const anyAction = anyActionResources();
const ACTION = 'Lit.Actions.setResponse({response: "wallet ran"});';

const { ethers } = require('ethers');
const { createSiweMessageWithRecaps } = require('@lit-protocol/auth-helpers');

/** The owners' signatures of the SIWE's EIP-191 hash, concatenated in ascending order of owner address. */
function ownersSign(siwe, keys) {
  const digest = ethers.utils.hashMessage(siwe);
  const owners = keys.map((k) => new ethers.utils.SigningKey(k))
    .sort((a, b) => (ethers.utils.computeAddress(a.publicKey).toLowerCase()
      < ethers.utils.computeAddress(b.publicKey).toLowerCase() ? -1 : 1));
  return ethers.utils.hexConcat(owners.map((o) => ethers.utils.joinSignature(o.signDigest(digest))));
}

/** A session whose grant is the wallet's EIP-1271 AuthSig, signed by the owners of `keys`; counts the callbacks. */
async function walletSession(client, keys, out) {
  const wallet = ethers.utils.getAddress(args.wallet);
  out.callbacks = 0;
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: anyAction,
    authNeededCallback: async (p) => {
      out.callbacks++;
      const siwe = await createSiweMessageWithRecaps({
        uri: p.uri, expiration: p.expiration, resources: p.resourceAbilityRequests, walletAddress: wallet,
        nonce: p.nonce, litNodeClient: client,
      });
      return { sig: ownersSign(siwe, keys), derivedVia: 'EIP1271', signedMessage: siwe, address: wallet };
    },
  });
  const first = JSON.parse(Object.values(sessionSigs)[0].signedMessage);
  out.derivedVia = first.capabilities[first.capabilities.length - 1].derivedVia;
  return sessionSigs;
}

let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    f.bothOwners = await run('bothOwners', async (v) => {
      const sessionSigs = await walletSession(client, [args['owner-a-key'], args['owner-b-key']], v);
      v.response = (await client.executeJs({ code: ACTION, sessionSigs })).response;
    });
    f.oneOwner = await run('oneOwner', async (v) => {
      const sessionSigs = await walletSession(client, [args['owner-b-key']], v);
      v.response = (await client.executeJs({ code: ACTION, sessionSigs })).response;
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
finish(crash, new Set(['oneOwner']));
