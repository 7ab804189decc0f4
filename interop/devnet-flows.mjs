// Drives the real, unmodified Lit JS SDK 7.4.0 against a running litj devnet and prints ONE JSON document.
//
// The SDK connects exactly as an application would for a custom network: it reads the validator list from the
// Staking contract through the devnet's JSON-RPC endpoint (rpcUrl), handshakes with every node, takes fresh block
// hashes from the devnet's block-hash endpoint, signs session keys with an ethers v5 wallet and runs Lit Actions.
// Flows (each reported as {ok, ...} with the SDK's error on failure):
//   connect              connect(): connected nodes, latest block hash, minNodeCount
//   sessionSigs          getSessionSigs for lit-litaction://* (wallet callback: createSiweMessageWithRecaps +
//                        generateAuthSig)
//   executeJs            executeJs of the main action (Lit.Actions.setResponse, console.log, jsParams as globals)
//   executeJsOther       executeJs of the other action (LitActions.setResponse) with the same wildcard session
//   blockHashRefresh     the cached block hash made stale (as 30 s later), then getLatestBlockhash(): the SDK must
//                        fetch _blockHashUrl (the devnet's) and take its answer, without the public-RPC fallback
//   cidSession           getSessionSigs limited to lit-litaction://<otherCid> (its SIWE nonce is the refreshed hash)
//   cidSessionMainCode   that narrow session running the main action: the nodes must refuse it
//   cidSessionOtherCode  that narrow session running the other action (the one its CID names): must succeed
//   storageReuse         a second client with an in-memory storage provider: two getSessionSigs calls, one wallet
//                        signature; the cached session then runs the main action
//
// Every request the SDK sent to a node (it carries the SDK's own X-Request-Id) is listed under nodeRequests as
// {node, path, requestId}, in order, so that a test can find those ids in the nodes' logs and count them in /metrics.
// Every non-loopback connection is refused (sockets and fetch) and recorded under networkGuard.refused. The whole
// run is bounded by --timeout-ms; the clients are always disconnected at the end (which stops the SDK's chain
// listener), then the process exits without waiting for idle keep-alive connections to time out.
// The SDK's console chatter is kept off stdout; it is added to the document (sdkConsole) when a flow did not end as
// expected, and printed to stderr with --verbose.
//
// Usage:
//   node devnet-flows.mjs --rpc-url http://127.0.0.1:8545 \
//     --block-hash-url http://127.0.0.1:8545/get_most_recent_valid_block --wallet-key 0x<64 hex> [options]
// Options (all optional; built-in actions otherwise): --code <js> | --code-file <UTF-8 file>, --js-params <json>,
//   --other-code <js> | --other-code-file <file>, --other-js-params <json>,
//   --other-cid <CIDv0 of the other code; default: the SDK's own getIpfsId>, --timeout-ms <n, default 50000>,
//   --verbose. (Files keep non-ASCII code intact whatever the caller's locale does to arguments.)
// Every option can also be given as an environment variable: LITJ_RPC_URL, LITJ_BLOCK_HASH_URL, LITJ_WALLET_KEY,
// LITJ_CODE, LITJ_CODE_FILE, LITJ_JS_PARAMS, LITJ_OTHER_CODE, LITJ_OTHER_CODE_FILE, LITJ_OTHER_JS_PARAMS,
// LITJ_OTHER_CID, LITJ_TIMEOUT_MS.
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error,
// 2 when the time limit struck (a partial document is printed).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { captureConsole, isLoopback, loopbackOnly, sentRequestId } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true; // the SDK's depd notices would only clutter stderr
const startedAt = Date.now();

// ---------------------------------------------------------------- stdout for the document; loopback only
const { sdkConsole, realStdoutWrite, realStderrWrite } = captureConsole();
const fetchedUrls = []; // every URL the SDK fetched (node requests and the block-hash endpoint), in order
const nodeRequests = []; // every request the SDK sent with an X-Request-Id: {node (origin), path, requestId}
const refusedConnections = loopbackOnly('devnet-flows', (url, init) => {
  fetchedUrls.push(url.href);
  const requestId = sentRequestId(init);
  if (requestId !== null) {
    nodeRequests.push({ node: url.origin, path: url.pathname, requestId });
  }
});

// ---------------------------------------------------------------- arguments
const OPTIONS = {
  'rpc-url': 'LITJ_RPC_URL',
  'block-hash-url': 'LITJ_BLOCK_HASH_URL',
  'wallet-key': 'LITJ_WALLET_KEY',
  code: 'LITJ_CODE',
  'code-file': 'LITJ_CODE_FILE',
  'js-params': 'LITJ_JS_PARAMS',
  'other-code': 'LITJ_OTHER_CODE',
  'other-code-file': 'LITJ_OTHER_CODE_FILE',
  'other-js-params': 'LITJ_OTHER_JS_PARAMS',
  'other-cid': 'LITJ_OTHER_CID',
  'timeout-ms': 'LITJ_TIMEOUT_MS',
};
function usage(message) {
  realStderrWrite(`devnet-flows: ${message}\n`
    + 'usage: node devnet-flows.mjs --rpc-url URL --block-hash-url URL --wallet-key 0xKEY'
    + ' [--code JS | --code-file PATH] [--js-params JSON] [--other-code JS | --other-code-file PATH]'
    + ' [--other-js-params JSON] [--other-cid CID] [--timeout-ms N] [--verbose]\n');
  process.exit(1);
}
function parseArgs(argv) {
  const values = {};
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose') {
      verbose = true;
      continue;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name === null || !(name in OPTIONS)) {
      usage(`unknown argument ${arg}`);
    }
    if (i + 1 >= argv.length) {
      usage(`${arg} needs a value`);
    }
    values[name] = argv[++i];
  }
  for (const [name, env] of Object.entries(OPTIONS)) {
    if (values[name] === undefined && process.env[env] !== undefined && process.env[env] !== '') {
      values[name] = process.env[env];
    }
  }
  for (const required of ['rpc-url', 'block-hash-url', 'wallet-key']) {
    if (values[required] === undefined) {
      usage(`--${required} (or ${OPTIONS[required]}) is required`);
    }
  }
  for (const name of ['rpc-url', 'block-hash-url']) {
    let url;
    try {
      url = new URL(values[name]);
    } catch {
      usage(`--${name} is not a URL: ${values[name]}`);
    }
    if (!isLoopback(url.hostname)) {
      usage(`--${name} must point at the local machine (127.0.0.1), not ${url.hostname}`);
    }
  }
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(values['wallet-key'])) {
    usage('--wallet-key must be 32 bytes of hex');
  }
  const json = (name, fallback) => {
    if (values[name] === undefined) {
      return fallback;
    }
    try {
      const parsed = JSON.parse(values[name]);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error('not an object');
      }
      return parsed;
    } catch (e) {
      return usage(`--${name} must be a JSON object: ${e.message}`);
    }
  };
  const code = (name) => {
    if (values[name] !== undefined && values[`${name}-file`] !== undefined) {
      usage(`give --${name} or --${name}-file, not both`);
    }
    if (values[`${name}-file`] === undefined) {
      return values[name];
    }
    try {
      return fs.readFileSync(values[`${name}-file`], 'utf8');
    } catch (e) {
      return usage(`cannot read --${name}-file: ${e.message}`);
    }
  };
  const timeoutMs = values['timeout-ms'] === undefined ? 50000 : Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000) {
    usage('--timeout-ms must be an integer >= 1000');
  }
  return {
    rpcUrl: values['rpc-url'],
    blockHashUrl: values['block-hash-url'],
    walletKey: values['wallet-key'].startsWith('0x') ? values['wallet-key'] : `0x${values['wallet-key']}`,
    code: code('code') ?? DEFAULT_CODE,
    jsParams: json('js-params', DEFAULT_JS_PARAMS),
    otherCode: code('other-code') ?? DEFAULT_OTHER_CODE,
    otherJsParams: json('other-js-params', DEFAULT_OTHER_JS_PARAMS),
    otherCid: values['other-cid'] ?? null,
    timeoutMs,
    verbose,
  };
}

// Default actions for runs by hand; the Java test passes its own (and the CIDv0 of the other one).
const DEFAULT_CODE = `const total = numbers.reduce((sum, n) => sum + n, 0);
console.log('hello from', who, 'total', total);
Lit.Actions.setResponse({ response: JSON.stringify({ greeting: greeting + ', ' + who + '!', total }) });
`;
const DEFAULT_JS_PARAMS = { greeting: 'Hello', who: 'litj', numbers: [1, 2, 3] };
const DEFAULT_OTHER_CODE = `console.log('other action for', name);
LitActions.setResponse({ response: JSON.stringify({ other: true, name }) });
`;
const DEFAULT_OTHER_JS_PARAMS = { name: 'narrow' };

const config = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- the SDK (real packages, as installed)
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const { createSiweMessageWithRecaps, generateAuthSig, LitActionResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK } = require('@lit-protocol/constants');
const nodeClientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));

function installedVersion(pkg, from = require) {
  let dir = path.dirname(from.resolve(pkg));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === pkg) {
        return json.version;
      }
    }
    dir = path.dirname(dir);
  }
  return null;
}

// ---------------------------------------------------------------- helpers
const wallet = new ethers.Wallet(config.walletKey);
const clients = [];

function newClient(extra = {}) {
  const client = new LitNodeClientNodeJs({
    litNetwork: LIT_NETWORK.Custom,
    rpcUrl: config.rpcUrl,
    checkNodeAttestation: false,
    debug: false,
    connectTimeout: 10000,
    ...extra,
  });
  client._blockHashUrl = config.blockHashUrl;
  clients.push(client);
  return client;
}

// A Storage-like object kept in memory (what storageProvider.provider must look like).
class MemoryStorage {
  #items = new Map();

  get length() {
    return this.#items.size;
  }

  key(index) {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }

  setItem(key, value) {
    this.#items.set(key, String(value));
  }

  removeItem(key) {
    this.#items.delete(key);
  }

  clear() {
    this.#items.clear();
  }

  keys() {
    return [...this.#items.keys()];
  }
}

// The SDK's errors are VErrors: name, meta code/kind, info.{errorCode,message}; a NodeError's message ends with the
// JSON of the failed aggregation ({success:false, error:<most common node error body>}).
function describeError(error) {
  if (error === null || typeof error !== 'object') {
    return { name: null, message: String(error) };
  }
  const message = String(error.message ?? '');
  let nodeResponse = null;
  const marker = 'Response from the nodes: ';
  const at = message.indexOf(marker);
  if (at >= 0) {
    const tail = message.slice(at + marker.length);
    for (let end = tail.lastIndexOf('}'); end > 0; end = tail.lastIndexOf('}', end - 1)) {
      try {
        nodeResponse = JSON.parse(tail.slice(0, end + 1));
        break;
      } catch {
        // try a shorter prefix (the VError cause text may follow the JSON)
      }
    }
  }
  return {
    name: error.name ?? null,
    code: error.code ?? null,
    kind: error.kind ?? null,
    errorCode: error.info?.errorCode ?? error.errorCode ?? null,
    infoMessage: error.info?.message ?? null,
    errorKind: nodeResponse?.error?.errorKind ?? null,
    nodeError: nodeResponse?.error ?? null,
    message: message.length > 4000 ? `${message.slice(0, 4000)}…` : message,
  };
}

let deadlineTimer = null;
const deadline = startedAt + config.timeoutMs;
function withTimeout(promise, what) {
  const remaining = Math.max(1, deadline - Date.now() - 3000); // keep 3 s for disconnecting and printing
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${remaining} ms`)), remaining);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// Runs one flow: {ok: true, ms, ...values} or {ok: false, ms, error, ...values gathered before the failure}.
async function flow(name, body) {
  const t0 = Date.now();
  const values = {};
  try {
    await withTimeout(body(values), name);
    return { ok: true, ms: Date.now() - t0, ...values };
  } catch (error) {
    return { ok: false, ms: Date.now() - t0, ...values, error: describeError(error) };
  }
}

// The one flow whose SDK call must fail (the nodes refuse an action the session does not name).
const EXPECTED_TO_FAIL = 'cidSessionMainCode';
const skipped = (reason) => ({ ok: false, skipped: reason });

function walletCallback(client, counter) {
  return async (params) => {
    counter.count++;
    const toSign = await createSiweMessageWithRecaps({
      uri: params.uri,
      expiration: params.expiration,
      resources: params.resourceAbilityRequests,
      walletAddress: wallet.address,
      nonce: params.nonce,
      litNodeClient: client,
    });
    return generateAuthSig({ signer: wallet, toSign });
  };
}

// What a session sigs map says, for asserting: its keys, and the (identical) session key / wallet capability.
function summarizeSessionSigs(sessionSigs) {
  const nodeUrls = Object.keys(sessionSigs);
  const first = sessionSigs[nodeUrls[0]];
  const signed = JSON.parse(first.signedMessage);
  const walletSig = signed.capabilities[signed.capabilities.length - 1];
  const nodeAddresses = nodeUrls.map((url) => JSON.parse(sessionSigs[url].signedMessage).nodeAddress);
  return {
    nodeUrls,
    nodeAddresses,
    sessionPublicKey: first.address,
    algo: first.algo,
    derivedVia: first.derivedVia,
    resourceAbilityRequests: signed.resourceAbilityRequests,
    walletAddress: walletSig.address,
    walletSignedMessage: walletSig.signedMessage,
    walletSig: walletSig.sig,
  };
}

async function getSessionSigs(client, resource, counter) {
  return client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: [{ resource, ability: LIT_ABILITY.LitActionExecution }],
    authNeededCallback: walletCallback(client, counter),
  });
}

// The SDK's combined executeJs result, as JSON-safe values.
function summarizeExecution(result) {
  return {
    success: result.success ?? null,
    response: result.response ?? null,
    logs: result.logs ?? null,
    signedData: result.signedData ?? null,
    claimData: result.claimData ?? null,
    resultKeys: Object.keys(result),
  };
}

// ---------------------------------------------------------------- the flows
const document = {
  script: 'interop/devnet-flows.mjs',
  node: process.version,
  versions: {
    '@lit-protocol/lit-node-client': installedVersion('@lit-protocol/lit-node-client'),
    '@lit-protocol/lit-node-client-nodejs': installedVersion('@lit-protocol/lit-node-client-nodejs', nodeClientRequire),
    '@lit-protocol/auth-helpers': installedVersion('@lit-protocol/auth-helpers'),
    '@lit-protocol/constants': installedVersion('@lit-protocol/constants'),
    ethers: installedVersion('ethers'),
  },
  input: {
    rpcUrl: config.rpcUrl,
    blockHashUrl: config.blockHashUrl,
    walletAddress: wallet.address,
    code: config.code,
    jsParams: config.jsParams,
    otherCode: config.otherCode,
    otherJsParams: config.otherJsParams,
    otherCid: config.otherCid,
    timeoutMs: config.timeoutMs,
  },
  sdkIpfsIds: null,
  flows: {},
  nodeRequests,
  disconnect: null,
  networkGuard: { refused: refusedConnections },
  timedOut: false,
  ms: null,
};

async function runFlows() {
  const flows = document.flows;
  const client = newClient();

  flows.connect = await flow('connect', async (v) => {
    await client.connect();
    v.ready = client.ready;
    v.connectedNodes = [...client.connectedNodes];
    v.latestBlockhash = client.latestBlockhash ?? null;
    v.minNodeCount = client.config.minNodeCount ?? null;
    v.currentEpochNumber = client.currentEpochNumber ?? null;
  });

  // The SDK's own IPFS hash of both actions (the one it uses for getLitActionSessionSigs), to compare with litj's.
  document.sdkIpfsIds = {
    code: await client.getIpfsId({ str: config.code }),
    otherCode: await client.getIpfsId({ str: config.otherCode }),
  };
  const otherCid = config.otherCid ?? document.sdkIpfsIds.otherCode;
  document.input.otherCidUsed = otherCid;

  if (!flows.connect.ok) {
    for (const name of ['sessionSigs', 'executeJs', 'executeJsOther', 'blockHashRefresh', 'cidSession', 'cidSessionMainCode',
      'cidSessionOtherCode', 'storageReuse']) {
      flows[name] = skipped('connect failed');
    }
    return;
  }

  let wildcardSigs = null;
  flows.sessionSigs = await flow('sessionSigs', async (v) => {
    const counter = { count: 0 };
    try {
      wildcardSigs = await getSessionSigs(client, new LitActionResource('*'), counter);
      Object.assign(v, summarizeSessionSigs(wildcardSigs));
    } finally {
      v.callbackCount = counter.count;
    }
  });

  if (wildcardSigs === null) {
    flows.executeJs = skipped('no session sigs');
    flows.executeJsOther = skipped('no session sigs');
  } else {
    flows.executeJs = await flow('executeJs', async (v) => {
      Object.assign(v, summarizeExecution(await client.executeJs({
        code: config.code, sessionSigs: wildcardSigs, jsParams: config.jsParams,
      })));
    });
    flows.executeJsOther = await flow('executeJsOther', async (v) => {
      Object.assign(v, summarizeExecution(await client.executeJs({
        code: config.otherCode, sessionSigs: wildcardSigs, jsParams: config.otherJsParams,
      })));
    });
  }

  flows.blockHashRefresh = await flow('blockHashRefresh', async (v) => {
    v.before = client.latestBlockhash;
    // getLatestBlockhash() re-syncs once the cached hash is 30 s old; pretend it is, rather than wait.
    client.lastBlockHashRetrieved = 0;
    const fetchesBefore = fetchedUrls.length;
    v.after = await client.getLatestBlockhash();
    v.fetched = fetchedUrls.slice(fetchesBefore);
    v.lastBlockHashRetrieved = client.lastBlockHashRetrieved;
    // The SDK stores the endpoint's timestamp (seconds) * 1000: a fresh block is a few seconds old at most.
    v.ageMs = Date.now() - client.lastBlockHashRetrieved;
    v.refusedDuring = refusedConnections.length; // public-RPC fallback attempts would show up here
  });

  let narrowSigs = null;
  flows.cidSession = await flow('cidSession', async (v) => {
    const counter = { count: 0 };
    v.resource = `lit-litaction://${otherCid}`;
    try {
      narrowSigs = await getSessionSigs(client, new LitActionResource(otherCid), counter);
      Object.assign(v, summarizeSessionSigs(narrowSigs));
    } finally {
      v.callbackCount = counter.count;
    }
  });
  if (narrowSigs === null) {
    flows.cidSessionMainCode = skipped('no CID-scoped session sigs');
    flows.cidSessionOtherCode = skipped('no CID-scoped session sigs');
  } else {
    flows.cidSessionMainCode = await flow('cidSessionMainCode', async (v) => {
      Object.assign(v, summarizeExecution(await client.executeJs({
        code: config.code, sessionSigs: narrowSigs, jsParams: config.jsParams,
      })));
    });
    flows.cidSessionOtherCode = await flow('cidSessionOtherCode', async (v) => {
      Object.assign(v, summarizeExecution(await client.executeJs({
        code: config.otherCode, sessionSigs: narrowSigs, jsParams: config.otherJsParams,
      })));
    });
  }

  // Last: a storage provider becomes the process-wide localStorage, so no client before this one may depend on
  // having none.
  flows.storageReuse = await flow('storageReuse', async (v) => {
    const storage = new MemoryStorage();
    const cached = newClient({ storageProvider: { provider: storage } });
    await cached.connect();
    const counter = { count: 0 };
    try {
      const first = summarizeSessionSigs(await getSessionSigs(cached, new LitActionResource('*'), counter));
      v.callbackCountAfterFirst = counter.count;
      const secondSigs = await getSessionSigs(cached, new LitActionResource('*'), counter);
      const second = summarizeSessionSigs(secondSigs);
      v.nodeUrls = second.nodeUrls;
      v.sameSessionKey = first.sessionPublicKey === second.sessionPublicKey;
      v.sameWalletSig = first.walletSig === second.walletSig;
      v.storageKeys = storage.keys();
      Object.assign(v, { execution: summarizeExecution(await cached.executeJs({
        code: config.code, sessionSigs: secondSigs, jsParams: config.jsParams,
      })) });
    } finally {
      v.callbackCount = counter.count;
    }
  });
}

async function disconnectAll() {
  const results = [];
  for (const client of clients) {
    try {
      await client.disconnect();
      results.push({ ok: true, ready: client.ready });
    } catch (error) {
      results.push({ ok: false, error: describeError(error) });
    }
  }
  return results;
}

function print(exitCode) {
  document.ms = Date.now() - startedAt;
  const unexpected = Object.entries(document.flows).some(([name, f]) => f.ok !== (name !== EXPECTED_TO_FAIL));
  if (unexpected || refusedConnections.length > 0 || document.timedOut) {
    document.sdkConsole = sdkConsole.slice(-200);
  }
  if (config.verbose) {
    realStderrWrite(`${sdkConsole.join('\n')}\n`);
  }
  realStdoutWrite(`${JSON.stringify(document, null, 2)}\n`);
  process.exitCode = exitCode;
}

deadlineTimer = setTimeout(() => {
  // The flows each give up 3 s before the deadline, so this only strikes if disconnecting hangs.
  document.timedOut = true;
  print(2);
  process.exit(2);
}, config.timeoutMs);

let internalError = null;
try {
  await runFlows();
} catch (error) {
  internalError = error;
} finally {
  document.disconnect = await disconnectAll();
  clearTimeout(deadlineTimer);
}
// What still holds the event loop after disconnect(): normally only idle keep-alive connections of fetch to the
// nodes (they close on their own after ~4 s) and stdio. Reported for diagnosis; the process then exits right away.
document.activeResourcesAfterDisconnect = process.getActiveResourcesInfo?.() ?? null;
if (internalError !== null) {
  document.internalError = describeError(internalError);
  print(1);
  realStderrWrite(`${internalError?.stack ?? String(internalError)}\n`);
} else {
  print(0);
}
process.exit(process.exitCode);
