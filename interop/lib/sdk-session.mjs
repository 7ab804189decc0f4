// What the timing and capture scripts share: an unmodified JS SDK 7.4.0 client connected to a network (a litj
// devnet or the stand-in) the way an application connects to a custom network, and one wildcard Lit Action session
// signed by an ethers v5 wallet (createSiweMessageWithRecaps + generateAuthSig), as in devnet-flows.mjs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const { createSiweMessageWithRecaps, generateAuthSig, LitActionResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK } = require('@lit-protocol/constants');

/** The trivial action of issue 8. */
export const TRIVIAL_ACTION = 'Lit.Actions.setResponse({response:"1"})';

/** Connects a new client to {rpcUrl, blockHashUrl} and returns {client, sessionSigs, wallet}. */
export async function connectWithSession({ rpcUrl, blockHashUrl }, walletKey = null) {
  const client = new LitNodeClientNodeJs({
    litNetwork: LIT_NETWORK.Custom,
    rpcUrl,
    checkNodeAttestation: false,
    debug: false,
    connectTimeout: 10000,
  });
  client._blockHashUrl = blockHashUrl;
  await client.connect();
  const wallet = walletKey ? new ethers.Wallet(walletKey) : ethers.Wallet.createRandom();
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: [{ resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution }],
    authNeededCallback: async (params) => generateAuthSig({
      signer: wallet,
      toSign: await createSiweMessageWithRecaps({
        uri: params.uri,
        expiration: params.expiration,
        resources: params.resourceAbilityRequests,
        walletAddress: wallet.address,
        nonce: params.nonce,
        litNodeClient: client,
      }),
    }),
  });
  return { client, sessionSigs, wallet };
}
