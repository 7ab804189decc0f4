// Drives the real, unmodified Lit JS SDK 7.4.0 through PKP and Lit-Action sessions against a running litj devnet
// and prints ONE JSON document. The PKP (minted by the caller) must permit the wallet, the "true" action's CID and,
// for the refusals to mean what they say, the "false" action's CID; it must not permit the stranger wallet.
// Flows (each reported as {ok, ...}; on failure with the SDK's error):
//   connect              connect(): connected nodes, minNodeCount, the handshake's network BLS key
//   pkpSessionSigs       getPkpSessionSigs with one EthWallet auth method (the wallet's AuthSig over a login SIWE)
//   pkpExecuteJs         executeJs of the report action with those session sigs
//   actionSessionSigs    getLitActionSessionSigs with the "true" action (base64 code, jsParams, no auth method)
//   actionExecuteJs      executeJs of the report action with those session sigs
//   strangerWallet       getPkpSessionSigs proven by a wallet the PKP does not permit: must be refused
//   scopelessWallet      (with --scopeless-key) a wallet permitted without scope: must be refused
//   falseAction          getLitActionSessionSigs with the action answering "false": must be refused
// For each session flow the document says what the SDK sent to /web/sign_session_key/v1 (one request per node;
// a second round would mean the SDK found the combined signature wrong) and whether the SDK's own BLS check
// (blsSessionSigVerify under the handshake's networkPubKey) accepts the grant it built.
//
// Only loopback connections are allowed (sockets and fetch; refusals are recorded under networkGuard.refused). No
// storage provider is used, so every getPkpSessionSigs call makes a new session key and asks the nodes.
//
// Usage:
//   node pkp-flows.mjs --rpc-url URL --block-hash-url URL --pkp-public-key 0x04… --wallet-key 0x… \
//     --stranger-key 0x… --true-code-file F --false-code-file F --report-code-file F \
//     [--scopeless-key 0x…] [--auth-js-params JSON] [--report-js-params JSON] [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error,
// 2 when the time limit struck (a partial document is printed).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import { captureConsole, isLoopback, loopbackOnly, safeJson } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const startedAt = Date.now();

// ---------------------------------------------------------------- stdout for the document; loopback only
const { sdkConsole, realStdoutWrite, realStderrWrite } = captureConsole();
const signSessionKeyBodies = []; // every body the SDK posted to /web/sign_session_key/v1, in order
const refusedConnections = loopbackOnly('pkp-flows', (url, init) => {
  if (url.pathname === '/web/sign_session_key/v1') {
    signSessionKeyBodies.push({ url: url.origin, body: JSON.parse(String(init?.body ?? 'null')) });
  }
});

// ---------------------------------------------------------------- arguments
const REQUIRED = ['rpc-url', 'block-hash-url', 'pkp-public-key', 'wallet-key', 'stranger-key', 'true-code-file',
  'false-code-file', 'report-code-file'];
const OPTIONAL = ['scopeless-key', 'auth-js-params', 'report-js-params', 'timeout-ms'];
function usage(message) {
  realStderrWrite(`pkp-flows: ${message}\nusage: node pkp-flows.mjs ${REQUIRED.map((o) => `--${o} V`).join(' ')}`
    + ` ${OPTIONAL.map((o) => `[--${o} V]`).join(' ')} [--verbose]\n`);
  process.exit(1);
}
function parseArgs(argv) {
  const v = { verbose: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verbose') {
      v.verbose = true;
      continue;
    }
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
    if (!REQUIRED.includes(name) && !OPTIONAL.includes(name)) {
      usage(`unknown argument ${argv[i]}`);
    }
    if (i + 1 >= argv.length) {
      usage(`${argv[i]} needs a value`);
    }
    v[name] = argv[++i];
  }
  REQUIRED.filter((name) => v[name] === undefined).forEach((name) => usage(`--${name} is required`));
  for (const name of ['rpc-url', 'block-hash-url']) {
    let host = null;
    try {
      host = new URL(v[name]).hostname;
    } catch {
      // not a URL: reported below
    }
    if (host === null || !isLoopback(host)) {
      usage(`--${name} must be a URL of the local machine (127.0.0.1)`);
    }
  }
  for (const name of ['wallet-key', 'stranger-key', 'scopeless-key'].filter((n) => v[n] !== undefined)) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(v[name])) {
      usage(`--${name} must be 0x + 64 hex`);
    }
  }
  if (!/^0x04[0-9a-fA-F]{128}$/.test(v['pkp-public-key'])) {
    usage('--pkp-public-key must be 0x04 + 128 hex (uncompressed)');
  }
  const object = (name) => {
    let parsed = null;
    try {
      parsed = JSON.parse(v[name] ?? '{}');
    } catch {
      // reported below
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      usage(`--${name} must be a JSON object`);
    }
    return parsed;
  };
  const timeoutMs = Number(v['timeout-ms'] ?? 50000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000) {
    usage('--timeout-ms must be an integer >= 1000');
  }
  const read = (name) => {
    try {
      return fs.readFileSync(v[name], 'utf8');
    } catch (e) {
      return usage(`cannot read --${name}: ${e.message}`);
    }
  };
  return {
    rpcUrl: v['rpc-url'], blockHashUrl: v['block-hash-url'], pkpPublicKey: v['pkp-public-key'],
    walletKey: v['wallet-key'], strangerKey: v['stranger-key'], scopelessKey: v['scopeless-key'] ?? null,
    trueCode: read('true-code-file'), falseCode: read('false-code-file'), reportCode: read('report-code-file'),
    authJsParams: object('auth-js-params'), reportJsParams: object('report-js-params'), timeoutMs, verbose: v.verbose,
  };
}
const config = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- the SDK (real packages, as installed)
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const { createSiweMessage, generateAuthSig, LitActionResource, LitPKPResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK, AUTH_METHOD_TYPE } = require('@lit-protocol/constants');
const nodeClientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
const { blsSessionSigVerify } = nodeClientRequire('./lib/helpers/validate-bls-session-sig');
const { verifySignature } = nodeClientRequire('@lit-protocol/crypto');
const { SiweMessage } = nodeClientRequire('siwe');
const versionOf = (pkg, from = require) => {
  for (let dir = from.resolve(pkg); dir !== '/'; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    const file = `${dir}/package.json`;
    if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).name === pkg) {
      return JSON.parse(fs.readFileSync(file, 'utf8')).version;
    }
  }
  return null;
};

// ---------------------------------------------------------------- helpers
const resourceAbilityRequests = () => [
  { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
  { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
];

// An EthWallet auth method as apps make it: the wallet's AuthSig over a login SIWE (default URI
// https://localhost/login, not a session URI) whose nonce is the latest block hash, valid for an hour.
async function walletAuthMethod(client, key) {
  const wallet = new ethers.Wallet(key);
  const toSign = await createSiweMessage({
    walletAddress: wallet.address,
    nonce: await client.getLatestBlockhash(),
    expiration: new Date(Date.now() + 3600 * 1000).toISOString(),
    litNodeClient: client,
  });
  const authSig = await generateAuthSig({ signer: wallet, toSign });
  return { authMethodType: AUTH_METHOD_TYPE.EthWallet, accessToken: JSON.stringify(authSig) };
}

// The SDK's errors are VErrors; a NodeError carries the most common node error in info.errorCode / info.message.
function describeError(error) {
  if (error === null || typeof error !== 'object') {
    return { name: null, message: String(error) };
  }
  const message = String(error.message ?? '');
  return {
    name: error.name ?? null,
    kind: error.kind ?? null,
    errorCode: error.info?.errorCode ?? error.errorCode ?? null,
    infoMessage: error.info?.message ?? null,
    message: message.length > 3000 ? `${message.slice(0, 3000)}…` : message,
  };
}

const deadline = startedAt + config.timeoutMs;
async function flow(name, body) {
  const t0 = Date.now();
  const values = {};
  const remaining = Math.max(1, deadline - Date.now() - 3000); // keep 3 s for disconnecting and printing
  let timer;
  try {
    await Promise.race([body(values), new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not finish within ${remaining} ms`)), remaining);
    })]);
    return { ok: true, ms: Date.now() - t0, ...values };
  } catch (error) {
    return { ok: false, ms: Date.now() - t0, ...values, error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

// What the SDK sent to sign_session_key since `from` (credentials left out: only the auth methods' types).
function sentSince(from) {
  return signSessionKeyBodies.slice(from).map(({ url, body }) => ({
    url,
    keys: Object.keys(body),
    sessionKey: body.sessionKey,
    authMethodTypes: (body.authMethods ?? []).map((m) => m.authMethodType),
    pkpPublicKey: body.pkpPublicKey ?? null,
    curveType: body.curveType,
    epoch: body.epoch ?? null,
    code: body.code ?? null,
    jsParams: body.jsParams ?? null,
    siweMessage: body.siweMessage,
  }));
}

// Gets session sigs through `get` and reports them, the requests behind them and the SDK's own BLS verdict.
async function sessionFlow(client, v, get) {
  const from = signSessionKeyBodies.length;
  try {
    const sigs = await get();
    const urls = Object.keys(sigs);
    const payload = JSON.parse(sigs[urls[0]].signedMessage);
    const grant = payload.capabilities[payload.capabilities.length - 1];
    v.nodeUrls = urls;
    v.nodeAddresses = urls.map((u) => JSON.parse(sigs[u].signedMessage).nodeAddress);
    v.sessionPublicKey = sigs[urls[0]].address;
    const capabilities = (u) => safeJson(JSON.parse(sigs[u].signedMessage).capabilities);
    v.sameGrantEverywhere = urls.every((u) => capabilities(u) === capabilities(urls[0]));
    v.grant = grant;
    await blsSessionSigVerify(verifySignature, client.networkPubKey, grant, new SiweMessage(grant.signedMessage));
    v.sdkBlsVerify = true;
    return sigs;
  } finally {
    v.signSessionKeyRequests = sentSince(from);
  }
}

async function executeFlow(client, v, sessionSigs) {
  const result = await client.executeJs({ code: config.reportCode, sessionSigs, jsParams: config.reportJsParams });
  v.success = result.success ?? null;
  v.response = typeof result.response === 'string' ? result.response : JSON.stringify(result.response);
  v.logs = result.logs ?? null;
}

// ---------------------------------------------------------------- the flows
const EXPECTED_TO_FAIL = new Set(['strangerWallet', 'scopelessWallet', 'falseAction']);
const document = {
  script: 'interop/pkp-flows.mjs',
  node: process.version,
  versions: Object.fromEntries(['@lit-protocol/lit-node-client', '@lit-protocol/auth-helpers',
    '@lit-protocol/constants', 'ethers'].map((p) => [p, versionOf(p)])
    .concat([['@lit-protocol/lit-node-client-nodejs', versionOf('@lit-protocol/lit-node-client-nodejs',
      nodeClientRequire)]])),
  input: { rpcUrl: config.rpcUrl, pkpPublicKey: config.pkpPublicKey, authJsParams: config.authJsParams },
  flows: {},
  networkGuard: { refused: refusedConnections },
  disconnect: null,
  timedOut: false,
  ms: null,
};

let client = null;
async function runFlows() {
  const flows = document.flows;
  client = new LitNodeClientNodeJs({
    litNetwork: LIT_NETWORK.Custom, rpcUrl: config.rpcUrl, checkNodeAttestation: false, debug: false,
    connectTimeout: 10000,
  });
  client._blockHashUrl = config.blockHashUrl;
  flows.connect = await flow('connect', async (v) => {
    await client.connect();
    v.connectedNodes = [...client.connectedNodes];
    v.minNodeCount = client.config.minNodeCount ?? null;
    v.networkPubKey = client.networkPubKey ?? null;
    v.currentEpochNumber = client.currentEpochNumber ?? null;
  });
  if (!flows.connect.ok) {
    return;
  }
  const base64 = (code) => Buffer.from(code, 'utf8').toString('base64');
  const pkp = (authMethods) => client.getPkpSessionSigs({
    pkpPublicKey: config.pkpPublicKey, authMethods, resourceAbilityRequests: resourceAbilityRequests(),
  });
  const action = (code) => client.getLitActionSessionSigs({
    pkpPublicKey: config.pkpPublicKey, litActionCode: base64(code), jsParams: config.authJsParams,
    resourceAbilityRequests: resourceAbilityRequests(), authMethods: [],
  });

  let pkpSigs = null;
  flows.pkpSessionSigs = await flow('pkpSessionSigs', async (v) => {
    const method = await walletAuthMethod(client, config.walletKey);
    pkpSigs = await sessionFlow(client, v, () => pkp([method]));
  });
  flows.pkpExecuteJs = pkpSigs === null ? { ok: false, skipped: 'no PKP session sigs' }
    : await flow('pkpExecuteJs', (v) => executeFlow(client, v, pkpSigs));

  let actionSigs = null;
  flows.actionSessionSigs = await flow('actionSessionSigs', async (v) => {
    actionSigs = await sessionFlow(client, v, () => action(config.trueCode));
  });
  flows.actionExecuteJs = actionSigs === null ? { ok: false, skipped: 'no Lit-Action session sigs' }
    : await flow('actionExecuteJs', (v) => executeFlow(client, v, actionSigs));

  flows.strangerWallet = await flow('strangerWallet', async (v) => {
    const method = await walletAuthMethod(client, config.strangerKey);
    await sessionFlow(client, v, () => pkp([method]));
  });
  if (config.scopelessKey !== null) {
    flows.scopelessWallet = await flow('scopelessWallet', async (v) => {
      const method = await walletAuthMethod(client, config.scopelessKey);
      await sessionFlow(client, v, () => pkp([method]));
    });
  }
  flows.falseAction = await flow('falseAction', (v) => sessionFlow(client, v, () => action(config.falseCode)));
}

function print(exitCode) {
  document.ms = Date.now() - startedAt;
  const unexpected = Object.entries(document.flows).some(([name, f]) => f.ok === EXPECTED_TO_FAIL.has(name));
  if (unexpected || refusedConnections.length > 0 || document.timedOut) {
    document.sdkConsole = sdkConsole.slice(-200);
  }
  if (config.verbose) {
    realStderrWrite(`${sdkConsole.join('\n')}\n`);
  }
  realStdoutWrite(`${JSON.stringify(document, null, 2)}\n`);
  process.exitCode = exitCode;
}

const deadlineTimer = setTimeout(() => {
  document.timedOut = true; // flows give up 3 s before the deadline: only a hanging disconnect gets here
  print(2);
  process.exit(2);
}, config.timeoutMs);

let internalError = null;
try {
  await runFlows();
} catch (error) {
  internalError = error;
} finally {
  try {
    await client?.disconnect();
    document.disconnect = { ok: true, ready: client?.ready ?? null };
  } catch (error) {
    document.disconnect = { ok: false, error: describeError(error) };
  }
  clearTimeout(deadlineTimer);
}
if (internalError !== null) {
  document.internalError = describeError(internalError);
  print(1);
  realStderrWrite(`${internalError?.stack ?? String(internalError)}\n`);
} else {
  print(0);
}
process.exit(process.exitCode);
