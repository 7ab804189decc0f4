// Drives the real, unmodified @lit-protocol/contracts-sdk 7.4.0 and Lit JS SDK 7.4.0 against a litj devnet whose
// registry is litj's contracts on anvil (`litj devnet up --chain anvil --require-capacity`). LitContracts gets the
// `contracts` object the devnet printed (`--json`) as its customContext, anvil as its rpc and the holder's key, and
// mints on chain; the JS SDK (only rpcUrl = anvil) then uses what was minted. Prints ONE JSON document.
// Flows (each {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   contractsConnect   new LitContracts({network: 'custom', rpc, privateKey, customContext}).connect()
//   plainMint          pkpNftContractUtils.write.mint(): {tokenId, publicKey, ethAddress, owner}
//   permitAction       pkpPermissionsContractUtils.write.addPermittedAction(plain PKP, --action-cid), then
//                      pkpPermissionsContractUtils.read.isPermittedAction: {permitted}
//   mintWithAuth       mintWithAuth({authMethod: the holder's EthWallet auth method, scopes: [1]}) through
//                      PKPHelper.mintNextAndAddAuthMethods: {tokenId, publicKey, ethAddress, owner, authMethods}
//   mintCapacity       mintCapacityCreditsNFT({requestsPerKilosecond, daysUntilUTCMidnightExpiration: 1}):
//                      {capacityTokenId, owner}
//   connect            the JS SDK's connect(): connected nodes
//   noCredit           a new wallet's session (no credit, no delegation) runs executeJs: must be refused
//   pkpSessionSigs     getPkpSessionSigs for the mintWithAuth PKP, proven by the holder's EthWallet auth method,
//                      with the holder's capacity delegation (createCapacityDelegationAuthSig to the PKP's address)
//   pkpWithoutDelegation  PKP session sigs for that PKP without a delegation, then executeJs: must be refused
//   pkpExecuteJs       executeJs with those session sigs: {response}
//   actionSessionSigs  getLitActionSessionSigs for the plain PKP with the code of --action-cid, with the delegation
//   actionExecuteJs    executeJs with those session sigs: {response}
// Every non-loopback connection is refused and recorded under networkGuard.refused.
//
// Usage:
//   node contracts-sdk-flows.mjs --rpc-url URL --block-hash-url URL --contracts JSON --holder-key 0x… \
//     --action-code-file F --action-cid CID [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import { connectFlow, openFlowScript, walletSession } from './lib/flows.mjs';

const require = createRequire(import.meta.url);
const REQUIRED = ['rpc-url', 'block-hash-url', 'contracts', 'holder-key', 'action-code-file', 'action-cid'];
const { args, run, doc, client, finish } = openFlowScript('contracts-sdk-flows', REQUIRED, 120000);

const { ethers } = require('ethers');
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const { createSiweMessage, generateAuthSig, LitActionResource, LitPKPResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK, AUTH_METHOD_TYPE } = require('@lit-protocol/constants');

const actionCode = fs.readFileSync(args['action-code-file'], 'utf8');
const holder = new ethers.Wallet(args['holder-key']);
const sessionResources = [
  { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
  { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
];
const REPORT = 'Lit.Actions.setResponse({ response: JSON.stringify({ pkp: pkpAddress }) });';

// The holder's EthWallet auth method as apps make one: its AuthSig over a login SIWE whose nonce is a block hash.
async function walletAuthMethod() {
  const toSign = await createSiweMessage({
    walletAddress: holder.address, nonce: await client.getLatestBlockhash(),
    expiration: new Date(Date.now() + 3600 * 1000).toISOString(), litNodeClient: client,
  });
  const authSig = await generateAuthSig({ signer: holder, toSign });
  return { authMethodType: AUTH_METHOD_TYPE.EthWallet, accessToken: JSON.stringify(authSig) };
}

const contracts = new LitContracts({
  network: LIT_NETWORK.Custom, rpc: args['rpc-url'], privateKey: args['holder-key'],
  customContext: JSON.parse(args.contracts),
});
let crash = null;
try {
  const f = doc.flows;
  const plain = {};
  const withAuth = {};
  const credit = {};
  f.contractsConnect = await run('contractsConnect', async () => {
    await contracts.connect();
  });
  if (f.contractsConnect.ok) {
    f.plainMint = await run('plainMint', async (v) => {
      const { pkp } = await contracts.pkpNftContractUtils.write.mint();
      Object.assign(plain, pkp);
      Object.assign(v, pkp, { owner: await contracts.pkpNftContract.read.ownerOf(pkp.tokenId) });
    });
    if (f.plainMint.ok) {
      f.permitAction = await run('permitAction', async (v) => {
        const tx = await contracts.pkpPermissionsContractUtils.write.addPermittedAction(plain.tokenId,
          args['action-cid']);
        await tx.wait();
        v.permitted = await contracts.pkpPermissionsContractUtils.read.isPermittedAction(plain.tokenId,
          args['action-cid']);
      });
    }
    f.connect = await connectFlow(run, client);
    if (f.connect.ok) {
      f.mintWithAuth = await run('mintWithAuth', async (v) => {
        const { pkp } = await contracts.mintWithAuth({ authMethod: await walletAuthMethod(), scopes: [1] });
        Object.assign(withAuth, pkp);
        const methods = await contracts.pkpPermissionsContract.read.getPermittedAuthMethods(pkp.tokenId);
        Object.assign(v, pkp, {
          owner: await contracts.pkpNftContract.read.ownerOf(pkp.tokenId),
          authMethods: methods.map((m) => ({ authMethodType: m.authMethodType.toNumber(), id: m.id })),
        });
      });
      f.mintCapacity = await run('mintCapacity', async (v) => {
        const minted = await contracts.mintCapacityCreditsNFT({
          requestsPerKilosecond: 1000, daysUntilUTCMidnightExpiration: 1,
        });
        credit.id = minted.capacityTokenIdStr;
        v.capacityTokenId = minted.capacityTokenIdStr;
        v.owner = await contracts.rateLimitNftContract.read.ownerOf(minted.capacityTokenId);
      });
      f.noCredit = await run('noCredit', async (v) => {
        const sessionSigs = await walletSession(client, ethers.Wallet.createRandom().privateKey, sessionResources);
        v.response = (await client.executeJs({ code: REPORT, sessionSigs, jsParams: { pkpAddress: 'none' } }))
          .response;
      });
      const delegateTo = async (address) => (await client.createCapacityDelegationAuthSig({
        dAppOwnerWallet: holder, capacityTokenId: credit.id, delegateeAddresses: [address], uses: '10',
      })).capacityDelegationAuthSig;
      let pkpSigs = null;
      if (f.mintWithAuth.ok && f.mintCapacity.ok) {
        f.pkpSessionSigs = await run('pkpSessionSigs', async (v) => {
          pkpSigs = await client.getPkpSessionSigs({
            pkpPublicKey: withAuth.publicKey.startsWith('0x') ? withAuth.publicKey : `0x${withAuth.publicKey}`,
            authMethods: [await walletAuthMethod()],
            resourceAbilityRequests: sessionResources,
            capabilityAuthSigs: [await delegateTo(withAuth.ethAddress)],
          });
          v.nodes = Object.keys(pkpSigs).length;
        });
      }
      if (f.mintWithAuth.ok) {
        f.pkpWithoutDelegation = await run('pkpWithoutDelegation', async (v) => {
          const sigs = await client.getPkpSessionSigs({
            pkpPublicKey: withAuth.publicKey.startsWith('0x') ? withAuth.publicKey : `0x${withAuth.publicKey}`,
            authMethods: [await walletAuthMethod()],
            resourceAbilityRequests: sessionResources,
          });
          v.response = (await client.executeJs({
            code: REPORT, sessionSigs: sigs, jsParams: { pkpAddress: withAuth.ethAddress },
          })).response;
        });
      }
      if (pkpSigs !== null) {
        f.pkpExecuteJs = await run('pkpExecuteJs', async (v) => {
          v.response = (await client.executeJs({
            code: REPORT, sessionSigs: pkpSigs, jsParams: { pkpAddress: withAuth.ethAddress },
          })).response;
        });
      }
      let actionSigs = null;
      if (f.permitAction?.ok && f.mintCapacity.ok) {
        f.actionSessionSigs = await run('actionSessionSigs', async (v) => {
          actionSigs = await client.getLitActionSessionSigs({
            pkpPublicKey: plain.publicKey.startsWith('0x') ? plain.publicKey : `0x${plain.publicKey}`,
            litActionCode: Buffer.from(actionCode).toString('base64'),
            jsParams: {},
            resourceAbilityRequests: sessionResources,
            capabilityAuthSigs: [await delegateTo(plain.ethAddress)],
          });
          v.nodes = Object.keys(actionSigs).length;
        });
      }
      if (actionSigs !== null) {
        f.actionExecuteJs = await run('actionExecuteJs', async (v) => {
          v.response = (await client.executeJs({
            code: REPORT, sessionSigs: actionSigs, jsParams: { pkpAddress: plain.ethAddress },
          })).response;
        });
      }
    }
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
finish(crash, new Set(['noCredit', 'pkpWithoutDelegation']));
