// What the flows scripts (one JSON document, many named flows against a litj devnet) share: a flow runner under the
// script's time limit, the SDK error as {name, errorCode, message}, and a wallet session made as apps make one.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ethers } = require('ethers');
const { createSiweMessageWithRecaps, generateAuthSig } = require('@lit-protocol/auth-helpers');

/** An SDK error as {name, errorCode, message} (message cut at 2000 characters). */
export function errorOf(e) {
  if (e === null || typeof e !== 'object') {
    return { name: null, errorCode: null, message: String(e) };
  }
  const text = String(e.message ?? '');
  return { name: e.name ?? null, errorCode: e.info?.errorCode ?? e.errorCode ?? null,
    message: text.length > 2000 ? `${text.slice(0, 2000)}…` : text };
}

/**
 * A runner of named flows that all end 3 s before {begun + timeLimit}: run(name, body) awaits body(out) and
 * returns {ok, ms, ...out, error?}.
 */
export function flowRunner(begun, timeLimit) {
  return async (name, body) => {
    const t0 = Date.now();
    const out = {};
    let timer;
    const left = Math.max(1000, begun + timeLimit - Date.now() - 3000);
    try {
      await Promise.race([body(out), new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} took more than ${left} ms`)), left);
      })]);
      return { ok: true, ms: Date.now() - t0, ...out };
    } catch (e) {
      return { ok: false, ms: Date.now() - t0, ...out, error: errorOf(e) };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A wallet session as apps make one: the wallet of `key` signs a SIWE with the ReCap of `resources`. */
export function walletSession(client, key, resources) {
  const wallet = new ethers.Wallet(key);
  return client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: resources,
    authNeededCallback: async (p) => generateAuthSig({
      signer: wallet,
      toSign: await createSiweMessageWithRecaps({
        uri: p.uri, expiration: p.expiration, resources: p.resourceAbilityRequests, walletAddress: wallet.address,
        nonce: p.nonce, litNodeClient: client,
      }),
    }),
  });
}
