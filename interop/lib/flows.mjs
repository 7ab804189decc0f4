// What the flows scripts (one JSON document, many named flows against a litj devnet) share: a flow runner under the
// script's time limit, the SDK error as {name, errorCode, message}, and a wallet session made as apps make one.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { captureConsole, isLoopback, loopbackOnly, sdkVersions } from './harness.mjs';

const require = createRequire(import.meta.url);
const { ethers } = require('ethers');
const { createSiweMessage, createSiweMessageWithRecaps, generateAuthSig } = require('@lit-protocol/auth-helpers');

/**
 * The arguments of a flows script: every name in `required` (`--name V`), those in `optional` if given,
 * `--timeout-ms` (default `defaultTimeoutMs`) and `--verbose`; `--rpc-url` and `--block-hash-url` must be URLs on
 * loopback. On bad usage it writes the reason and the usage line with `stderrWrite` and exits 1.
 */
export function flowArgs(scriptName, required, defaultTimeoutMs, stderrWrite, optional = []) {
  try {
    const options = Object.fromEntries([...required, ...optional].map((n) => [n, { type: 'string' }]));
    options['timeout-ms'] = { type: 'string', default: String(defaultTimeoutMs) };
    options.verbose = { type: 'boolean', default: false };
    const { values } = parseArgs({ options, strict: true });
    const missing = required.filter((n) => values[n] === undefined);
    if (missing.length > 0) {
      throw new Error(`missing ${missing.map((n) => `--${n}`).join(', ')}`);
    }
    for (const n of ['rpc-url', 'block-hash-url']) {
      if (!URL.canParse(values[n]) || !isLoopback(new URL(values[n]).hostname)) {
        throw new Error(`--${n} must be a URL on 127.0.0.1`);
      }
    }
    return values;
  } catch (e) {
    stderrWrite(`${scriptName}: ${e.message}\nusage: node ${scriptName}.mjs ${required
      .map((n) => `--${n} V`).join(' ')}${optional.map((n) => ` [--${n} V]`).join('')} [--timeout-ms N] [--verbose]\n`);
    process.exit(1);
  }
  return null;
}

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

/**
 * A wallet session as apps make one: the wallet of `key` signs a SIWE with the ReCap of `resources`; the
 * `capabilityAuthSigs` (e.g. capacity delegations) go into the session's capabilities ahead of it.
 */
export function walletSession(client, key, resources, capabilityAuthSigs = undefined) {
  const wallet = new ethers.Wallet(key);
  return client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: resources,
    capabilityAuthSigs,
    authNeededCallback: async (p) => generateAuthSig({
      signer: wallet,
      toSign: await createSiweMessageWithRecaps({
        uri: p.uri, expiration: p.expiration, resources: p.resourceAbilityRequests, walletAddress: wallet.address,
        nonce: p.nonce, litNodeClient: client,
      }),
    }),
  });
}

/**
 * A PKP session as apps make one: `getPkpSessionSigs` for `pkpPublicKey` proven by the wallet of `key` (its AuthSig
 * over a login SIWE, an hour long, whose nonce is the latest block hash), for `resources`.
 */
export async function walletPkpSession(client, key, pkpPublicKey, resources) {
  const { AUTH_METHOD_TYPE } = require('@lit-protocol/constants');
  const wallet = new ethers.Wallet(key);
  const login = await createSiweMessage({
    walletAddress: wallet.address, nonce: await client.getLatestBlockhash(),
    expiration: new Date(Date.now() + 3600 * 1000).toISOString(), litNodeClient: client,
  });
  const authSig = await generateAuthSig({ signer: wallet, toSign: login });
  return client.getPkpSessionSigs({
    pkpPublicKey,
    authMethods: [{ authMethodType: AUTH_METHOD_TYPE.EthWallet, accessToken: JSON.stringify(authSig) }],
    resourceAbilityRequests: resources,
  });
}

/** A JS SDK client of the devnet at rpcUrl, as an application connects to a custom network (not yet connected). */
export function customClient(rpcUrl, blockHashUrl) {
  const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
  const { LIT_NETWORK } = require('@lit-protocol/constants');
  const client = new LitNodeClientNodeJs({
    litNetwork: LIT_NETWORK.Custom, rpcUrl, checkNodeAttestation: false, debug: false, connectTimeout: 10000,
  });
  client._blockHashUrl = blockHashUrl;
  return client;
}

/** The `connect` flow: connect(), then the connected nodes and minNodeCount. */
export function connectFlow(run, client) {
  return run('connect', async (v) => {
    await client.connect();
    v.connectedNodes = [...client.connectedNodes];
    v.minNodeCount = client.config.minNodeCount ?? null;
  });
}

/**
 * Prints the flows document and exits: 0, or 1 after a crash (kept as internalError). The SDK's console (last 200
 * lines) is added when a flow came out other than expected (a name in `refusals` must fail, the others succeed),
 * after a crash, or when a connection off loopback was refused.
 */
export function printFlows({ doc, begun, crash, refusals, refused, run, verbose }) {
  doc.ms = Date.now() - begun;
  if (crash !== null) {
    doc.internalError = errorOf(crash);
  }
  const surprising = Object.entries(doc.flows).some(([name, flow]) => flow.ok === refusals.has(name));
  if (surprising || crash !== null || refused.length > 0) {
    doc.sdkConsole = run.sdkConsole.slice(-200);
  }
  if (verbose) {
    run.realStderrWrite(`${run.sdkConsole.join('\n')}\n`);
  }
  run.realStdoutWrite(`${JSON.stringify(doc, null, 2)}\n`);
  process.exit(crash === null ? 0 : 1);
}

/** Execution of any Lit Action: the resource list most flows sessions ask for. */
export function anyActionResources() {
  const { LitActionResource } = require('@lit-protocol/auth-helpers');
  const { LIT_ABILITY } = require('@lit-protocol/constants');
  return [{ resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution }];
}

/**
 * The opening every flows script shares: the SDK's console captured, connections off loopback refused, the
 * arguments read ({@link flowArgs}), the flow runner, the document ({script, node, versions, input, flows,
 * networkGuard, timedOut, ms}) and a not yet connected client of the devnet. `finish(crash, refusals)` prints the
 * document and exits ({@link printFlows}).
 */
export function openFlowScript(scriptName, required, defaultTimeoutMs, optional = []) {
  process.noDeprecation = true;
  const begun = Date.now();
  const captured = captureConsole();
  const refused = loopbackOnly(scriptName);
  const args = flowArgs(scriptName, required, defaultTimeoutMs, captured.realStderrWrite, optional);
  const run = flowRunner(begun, Number(args['timeout-ms']));
  const doc = {
    script: `interop/${scriptName}.mjs`,
    node: process.version,
    versions: sdkVersions(require),
    input: {},
    flows: {},
    networkGuard: { refused },
    timedOut: false,
    ms: null,
  };
  const client = customClient(args['rpc-url'], args['block-hash-url']);
  const finish = (crash, refusals = new Set()) => printFlows({ doc, begun, crash, refusals, refused, run: captured,
    verbose: args.verbose });
  return { args, run, doc, client, finish };
}
