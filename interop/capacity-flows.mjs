// Drives the real, unmodified Lit JS SDK 7.4.0 through capacity credits against a litj devnet started with
// --require-capacity, and prints ONE JSON document. The holder owns the credit --token-id; the user owns none;
// the stranger owns none either. Delegations are made with the SDK's own createCapacityDelegationAuthSig and passed
// to getSessionSigs as capabilityAuthSigs, as applications do.
// Flows (each {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect          connect(): connected nodes, minNodeCount
//   noCredit         the user's own session runs executeJs: must be refused (rate_limit_exceeded)
//   delegated        the holder delegates --token-id to the user (uses 10); the user's session runs: {response}
//   usesTwo          a delegation with uses '2': three executeJs with one session: {runs: [ok, ok, error]}
//   otherDelegatee   a delegation to --other-address: the user's session must be refused
//   notOwned         the stranger "delegates" the holder's credit to the user: must be refused
//   holderOwn        the holder's own wallet session runs: {response}
//   encryptionSign   the user's session with a delegation decrypts what the SDK encrypted for the user (ACC path)
// Every non-loopback connection is refused and recorded under networkGuard.refused.
//
// Usage:
//   node capacity-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… --holder-key 0x… --stranger-key 0x… \
//     --token-id N --other-address 0x… [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import { anyActionResources, connectFlow, errorOf, openFlowScript, walletSession } from './lib/flows.mjs';

const require = createRequire(import.meta.url);
const { args, run, doc, client, finish } = openFlowScript('capacity-flows', ['rpc-url', 'block-hash-url', 'user-key',
  'holder-key', 'stranger-key', 'token-id', 'other-address'], 90000);

// ---------------------------------------------------------------- the SDK
const { ethers } = require('ethers');
const { LitAccessControlConditionResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const ACTION = 'Lit.Actions.setResponse({response: "paid"})';
const user = new ethers.Wallet(args['user-key']);
const holder = new ethers.Wallet(args['holder-key']);
const stranger = new ethers.Wallet(args['stranger-key']);
const anyAction = anyActionResources();

async function delegation(client, owner, delegatee, uses) {
  const { capacityDelegationAuthSig } = await client.createCapacityDelegationAuthSig({
    dAppOwnerWallet: owner, capacityTokenId: args['token-id'], delegateeAddresses: [delegatee], uses,
  });
  return capacityDelegationAuthSig;
}

async function execute(client, sessionSigs) {
  const result = await client.executeJs({ code: ACTION, sessionSigs, jsParams: {} });
  return result.response;
}

// ---------------------------------------------------------------- the flows
doc.input = { user: user.address, holder: holder.address, stranger: stranger.address, tokenId: args['token-id'] };
const REFUSALS = new Set(['noCredit', 'otherDelegatee', 'notOwned']);

let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    f.noCredit = await run('noCredit', async (v) => {
      v.response = await execute(client, await walletSession(client, args['user-key'], anyAction));
    });
    f.delegated = await run('delegated', async (v) => {
      const d = await delegation(client, holder, user.address, '10');
      v.delegationResources = d.signedMessage.split('\n').filter((l) => l.startsWith('- urn:recap:')).length;
      v.response = await execute(client, await walletSession(client, args['user-key'], anyAction, [d]));
    });
    f.usesTwo = await run('usesTwo', async (v) => {
      const d = await delegation(client, holder, user.address, '2');
      const sessionSigs = await walletSession(client, args['user-key'], anyAction, [d]);
      v.runs = [];
      for (let i = 0; i < 3; i++) {
        try {
          v.runs.push({ ok: true, response: await execute(client, sessionSigs) });
        } catch (e) {
          v.runs.push({ ok: false, error: errorOf(e) });
        }
      }
    });
    f.otherDelegatee = await run('otherDelegatee', async (v) => {
      const d = await delegation(client, holder, args['other-address'], '10');
      v.response = await execute(client, await walletSession(client, args['user-key'], anyAction, [d]));
    });
    f.notOwned = await run('notOwned', async (v) => {
      const d = await delegation(client, stranger, user.address, '10');
      v.response = await execute(client, await walletSession(client, args['user-key'], anyAction, [d]));
    });
    f.holderOwn = await run('holderOwn', async (v) => {
      v.response = await execute(client, await walletSession(client, args['holder-key'], anyAction));
    });
    f.encryptionSign = await run('encryptionSign', async (v) => {
      const conditions = [{ contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
        parameters: [':userAddress'], returnValueTest: { comparator: '=', value: user.address } }];
      const { ciphertext, dataToEncryptHash } = await client.encrypt({ accessControlConditions: conditions,
        dataToEncrypt: new TextEncoder().encode('paid for by the holder') });
      const id = await LitAccessControlConditionResource.generateResourceString(conditions, dataToEncryptHash);
      const d = await delegation(client, holder, user.address, '10');
      const sessionSigs = await walletSession(client, args['user-key'], [{
        resource: new LitAccessControlConditionResource(id),
        ability: LIT_ABILITY.AccessControlConditionDecryption }], [d]);
      const { decryptedData } = await client.decrypt({ accessControlConditions: conditions, ciphertext,
        dataToEncryptHash, chain: 'ethereum', sessionSigs });
      v.plaintext = new TextDecoder().decode(decryptedData);
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
finish(crash, REFUSALS);
