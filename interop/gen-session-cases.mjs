// Prints one JSON document of session-signature cases produced by the real, unmodified Lit JS SDK 7.4.0.
//
// Every case freezes the clock (global Date) at a fixed instant, then does what an application does:
// a tweetnacl session key from a fixed seed, an ethers v5 wallet, an offline LitNodeClientNodeJs, a wallet
// callback built with createSiweMessageWithRecaps + generateAuthSig, an optional capacity delegation
// (createCapacityDelegationAuthSig) and finally getSessionSigs. Nothing touches the network: the client is
// marked ready by hand and every outgoing socket or fetch is refused (the run fails if one is attempted).
//
// Usage: node gen-session-cases.mjs > cases.json        (stdout carries the JSON only; diagnostics go to stderr)

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);
process.noDeprecation = true; // the SDK's depd notices would only clutter stderr

// ---------------------------------------------------------------- stdout holds the JSON document only
// The SDK chats on the console even with debug off ("Storage key ... is missing. Not a problem."); keep that out of
// stdout and print it to stderr only if the run fails.
const realStdoutWrite = process.stdout.write.bind(process.stdout);
const realConsoleError = console.error.bind(console);
const sdkConsole = [];
for (const level of ['log', 'info', 'debug', 'warn', 'error']) {
  console[level] = (...args) => sdkConsole.push(`[${level}] ${args.map(String).join(' ')}`);
}

// ---------------------------------------------------------------- network guard
const networkAttempts = [];
function refuseNetwork(what) {
  networkAttempts.push(what);
  throw new Error(`gen-session-cases: network access is forbidden (${what})`);
}
net.Socket.prototype.connect = function refusedConnect(...args) {
  const target = typeof args[0] === 'object' ? JSON.stringify(args[0]) : String(args[0]);
  refuseNetwork(`socket connect ${target}`);
};
globalThis.fetch = async (input) => refuseNetwork(`fetch ${String(input?.url ?? input)}`);

// ---------------------------------------------------------------- frozen clock
const RealDate = Date;
let frozenMillis = null;
// Outside a case (module loading, deprecation notices) the real clock shows through.
function nowMillis() {
  return frozenMillis ?? RealDate.now();
}
// new Date() and Date.now() give the frozen instant; new Date(x) and the static helpers behave as usual.
const FrozenDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [nowMillis()] : args, newTarget);
  },
  apply() {
    return new RealDate(nowMillis()).toString();
  },
  get(target, property, receiver) {
    if (property === 'now') {
      return nowMillis;
    }
    return Reflect.get(target, property, receiver);
  },
});
globalThis.Date = FrozenDate;

function freezeClock(iso) {
  const millis = RealDate.parse(iso);
  if (Number.isNaN(millis) || new RealDate(millis).toISOString() !== iso) {
    throw new Error(`bad instant ${iso}`);
  }
  frozenMillis = millis;
}

// ---------------------------------------------------------------- the SDK (real packages, as installed)
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const {
  createSiweMessageWithRecaps,
  generateAuthSig,
  LitAccessControlConditionResource,
  LitActionResource,
  LitPKPResource,
  LitRLIResource,
} = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK, LIT_RESOURCE_PREFIX } = require('@lit-protocol/constants');
// tweetnacl as bundled by the SDK: resolve it from the node client package that signs with it.
const nodeClientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
const { nacl } = nodeClientRequire('@lit-protocol/nacl');
const authHelpersRequire = createRequire(require.resolve('@lit-protocol/auth-helpers'));

// The version of the copy of `pkg` that `from` (a require function) loads.
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
  throw new Error(`no package.json found for ${pkg}`);
}

const RESOURCE_CLASSES = {
  [LIT_RESOURCE_PREFIX.AccessControlCondition]: LitAccessControlConditionResource,
  [LIT_RESOURCE_PREFIX.PKP]: LitPKPResource,
  [LIT_RESOURCE_PREFIX.RLI]: LitRLIResource,
  [LIT_RESOURCE_PREFIX.LitAction]: LitActionResource,
};

// ---------------------------------------------------------------- deterministic inputs
const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const hexToBytes = (hex) => Uint8Array.from(Buffer.from(hex, 'hex'));
const bytesToHex = (bytes) => Buffer.from(bytes).toString('hex');

const HARDHAT = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
];
const wallet = (i) => (i < HARDHAT.length ? HARDHAT[i] : '0x' + sha256Hex(`litj interop wallet ${i}`));
const seed = (label) => sha256Hex(`litj interop session seed ${label}`);
const nonce = (label) => '0x' + sha256Hex(`litj interop nonce ${label}`);

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const plus = (iso, millis) => new RealDate(RealDate.parse(iso) + millis).toISOString();

const LOCAL1 = ['http://127.0.0.1:7470'];
const LOCAL3 = ['http://127.0.0.1:7470', 'http://127.0.0.1:7471', 'http://127.0.0.1:7472'];
const LOCAL5 = ['http://127.0.0.1:7470', 'http://127.0.0.1:7471', 'http://127.0.0.1:7472',
  'http://127.0.0.1:7473', 'http://127.0.0.1:7474'];
const DATIL_LIKE = ['https://51.255.59.58:443', 'https://167.114.17.201:443', 'https://158.69.34.227:443',
  'https://199.115.117.115:443'];
const MIXED2 = ['https://51.255.59.58:443', 'http://127.0.0.1:7470'];

const CID_V0 = 'QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm';
const CID_V1 = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const ACC_ID = `${sha256Hex('accs [{"conditionType":"evmBasic"}]')}/${sha256Hex('hello world')}`;
const PKP_64 = sha256Hex('litj interop pkp token');
const DELEGATEE_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const DELEGATEE_2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

const A = LIT_ABILITY;
const P = LIT_RESOURCE_PREFIX;
const req = (prefix, resource, ability) => ({ prefix, resource, ability });
const action = (id) => req(P.LitAction, id, A.LitActionExecution);
const pkp = (id) => req(P.PKP, id, A.PKPSigning);
const accDecrypt = (id) => req(P.AccessControlCondition, id, A.AccessControlConditionDecryption);
const accSign = (id) => req(P.AccessControlCondition, id, A.AccessControlConditionSigning);
const rli = (id) => req(P.RLI, id, A.RateLimitIncreaseAuth);

const capacity = (fields) => ({
  capacityTokenId: null, delegateeAddresses: null, uses: null, expiration: null, domain: null, statement: null,
  ownerPrivateKey: null, ...fields,
});

// Unset fields default to null (= not passed to the SDK).
function defineCase(fields) {
  return {
    expiration: null, statement: null, domain: null, capacity: null, ...fields,
  };
}

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-03-04T05:06:07.089Z';
const T3 = '2024-02-29T23:59:59.999Z';
const T4 = '2025-12-31T23:30:00.000Z';
const T5 = '2026-06-15T12:00:00.500Z';
const T6 = '2024-11-05T08:09:10.001Z';
const T7 = '2030-01-01T00:00:00.000Z';
const T8 = '2025-07-20T14:33:21.456Z';

const CASES = [
  defineCase({
    id: 'spec-11.1-fixed-vector', comment: 'same inputs as the spec vector 11.1 (capacity for token 12345)',
    now: T1, walletPrivateKey: HARDHAT[0], sessionSeed: '07'.repeat(32), nonce: '0x' + 'ab'.repeat(32),
    resourceAbilityRequests: [action('*'), pkp('*')], nodeUrls: LOCAL1,
    capacity: capacity({
      capacityTokenId: '12345', delegateeAddresses: [DELEGATEE_1], uses: 10,
      expiration: plus(T1, 7 * DAY),
    }),
  }),
  defineCase({
    id: 'single-action-wildcard', comment: 'minimal: one Lit Action wildcard, all defaults',
    now: T1, walletPrivateKey: wallet(1), sessionSeed: seed(1), nonce: nonce(1),
    resourceAbilityRequests: [action('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'millisecond-clock-three-nodes', comment: 'clock with milliseconds .089, three local nodes',
    now: T2, walletPrivateKey: wallet(2), sessionSeed: seed(2), nonce: nonce(2),
    resourceAbilityRequests: [pkp('*'), action('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'action-cid-v0', comment: 'Lit Action by CIDv0, custom statement and domain',
    now: T2, walletPrivateKey: wallet(3), sessionSeed: seed(3), nonce: nonce(3),
    statement: 'Sign in to run my action', domain: 'example.com',
    resourceAbilityRequests: [action(CID_V0)], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'action-cid-v1-and-wildcard', comment: 'CIDv1 plus wildcard action: two entries for one prefix',
    now: T3, walletPrivateKey: wallet(4), sessionSeed: seed(4), nonce: nonce(4),
    resourceAbilityRequests: [action(CID_V1), action('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'pkp-short-hex', comment: "LitPKPResource('0x1234') is padded to 64 hex digits",
    now: T3, walletPrivateKey: wallet(5), sessionSeed: seed(5), nonce: nonce(5),
    expiration: plus(T3, MINUTE),
    resourceAbilityRequests: [pkp('0x1234')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'pkp-64-hex', comment: 'a full 32-byte PKP token id with 0x',
    now: T4, walletPrivateKey: wallet(6), sessionSeed: seed(6), nonce: nonce(6),
    resourceAbilityRequests: [pkp('0x' + PKP_64)], nodeUrls: DATIL_LIKE,
  }),
  defineCase({
    id: 'pkp-decimal-looking', comment: 'a decimal token id counts as hex digits and is padded',
    now: T4, walletPrivateKey: wallet(7), sessionSeed: seed(7), nonce: nonce(7),
    expiration: plus(T4, 7 * DAY),
    resourceAbilityRequests: [pkp('98765432109876543210')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'pkp-uppercase-and-unprefixed', comment: 'upper-case hex id, an id without 0x and the wildcard',
    now: T5, walletPrivateKey: wallet(8), sessionSeed: seed(8), nonce: nonce(8),
    resourceAbilityRequests: [pkp('0xABCDEF0123'), pkp('deadbeef'), pkp('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'acc-wildcard-both-abilities', comment: 'both ACC abilities on lit-accesscontrolcondition://*',
    now: T5, walletPrivateKey: wallet(9), sessionSeed: seed(9), nonce: nonce(9),
    resourceAbilityRequests: [accDecrypt('*'), accSign('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'acc-hash-pair', comment: "ACC resource '<hashOfConditions>/<dataToEncryptHash>', decryption",
    now: T6, walletPrivateKey: wallet(10), sessionSeed: seed(10), nonce: nonce(10),
    expiration: plus(T6, 29 * DAY), domain: 'app.example.org:8443',
    resourceAbilityRequests: [accDecrypt(ACC_ID)], nodeUrls: MIXED2,
  }),
  defineCase({
    id: 'acc-hash-pair-signing', comment: 'ACC hash pair with the signing ability next to a PKP grant',
    now: T6, walletPrivateKey: wallet(11), sessionSeed: seed(11), nonce: nonce(11),
    resourceAbilityRequests: [accSign(ACC_ID), pkp('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'rli-wildcard', comment: 'rate-limit-increase-auth on lit-ratelimitincrease://*',
    now: T7, walletPrivateKey: wallet(12), sessionSeed: seed(12), nonce: nonce(12),
    resourceAbilityRequests: [rli('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'rli-token', comment: "LitRLIResource('12345') plus a Lit Action",
    now: T7, walletPrivateKey: wallet(13), sessionSeed: seed(13), nonce: nonce(13),
    expiration: plus(T7, MINUTE),
    resourceAbilityRequests: [rli('12345'), action('*')], nodeUrls: LOCAL5,
  }),
  defineCase({
    id: 'all-five-abilities-wildcards', comment: 'all five LIT_ABILITY values on wildcard resources (spec 11.2)',
    now: T8, walletPrivateKey: wallet(14), sessionSeed: seed(14), nonce: nonce(14),
    resourceAbilityRequests: [accDecrypt('*'), accSign('*'), pkp('*'), rli('*'), action('*')],
    nodeUrls: LOCAL5,
  }),
  defineCase({
    id: 'five-requests-specific-ids',
    comment: 'five requests with specific ids, not sorted; '
      + 'the SDK re-asks the wallet (the ACC wildcard shadows the hash pair)',
    now: T8, walletPrivateKey: wallet(15), sessionSeed: seed(15), nonce: nonce(15),
    expiration: plus(T8, 7 * DAY), statement: 'Five specific grants', domain: 'localhost:3000',
    resourceAbilityRequests: [rli('777'), pkp('0x' + PKP_64), action(CID_V0), accDecrypt(ACC_ID), accSign('*')],
    nodeUrls: DATIL_LIKE,
  }),
  defineCase({
    id: 'statement-empty-string', comment: 'statement "" is kept: the ReCap sentence then starts with a space',
    now: T1, walletPrivateKey: wallet(16), sessionSeed: seed(16), nonce: nonce(16),
    statement: '',
    resourceAbilityRequests: [pkp('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'statement-reserved-punctuation', comment: "statement with every SIWE-reserved character and a ' quote",
    now: T2, walletPrivateKey: wallet(17), sessionSeed: seed(17), nonce: nonce(17),
    statement: "Let's go: a/b?c#d[e]f@g!h$i&j'k(l)m*n+o,p;q=r -._~ end.",
    resourceAbilityRequests: [action('*'), pkp('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'statement-long-ascii', comment: 'a long statement with double spaces',
    now: T3, walletPrivateKey: wallet(18), sessionSeed: seed(18), nonce: nonce(18),
    statement: 'I accept the Terms of Service  and the Privacy Policy of Example Corp. '.repeat(4).trim(),
    domain: 'sub.domain.io',
    resourceAbilityRequests: [accDecrypt('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'capacity-wildcard-nothing-set', comment: 'capacity delegation with no token, no delegatees, no uses',
    now: T4, walletPrivateKey: wallet(19), sessionSeed: seed(19), nonce: nonce(19),
    resourceAbilityRequests: [action('*')], nodeUrls: LOCAL3,
    capacity: capacity({}),
  }),
  defineCase({
    id: 'capacity-empty-delegatees', comment: 'delegateeAddresses [] (nobody may use it) with a token id',
    now: T5, walletPrivateKey: wallet(20), sessionSeed: seed(20), nonce: nonce(20),
    resourceAbilityRequests: [pkp('*')], nodeUrls: LOCAL1,
    capacity: capacity({ capacityTokenId: '42', delegateeAddresses: [] }),
  }),
  defineCase({
    id: 'capacity-two-delegatees-uses-zero', comment: 'two delegatees (one lower-case, one without 0x), uses 0',
    now: T6, walletPrivateKey: wallet(21), sessionSeed: seed(21), nonce: nonce(21),
    resourceAbilityRequests: [action(CID_V1)], nodeUrls: LOCAL3,
    capacity: capacity({
      delegateeAddresses: [DELEGATEE_1.toLowerCase(), DELEGATEE_2.slice(2)], uses: 0,
    }),
  }),
  defineCase({
    id: 'capacity-uses-string-custom-fields',
    comment: "uses given as the string '5'; custom domain, statement, expiration",
    now: T7, walletPrivateKey: wallet(22), sessionSeed: seed(22), nonce: nonce(22),
    expiration: plus(T7, 29 * DAY),
    resourceAbilityRequests: [rli('*'), pkp('*')], nodeUrls: DATIL_LIKE,
    capacity: capacity({
      capacityTokenId: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      uses: '5', expiration: plus(T7, MINUTE), domain: 'dapp.example.com', statement: 'Capacity for my users',
    }),
  }),
  defineCase({
    id: 'capacity-unicode-statement', comment: 'capacity SIWE statement with umlaut, accent, emoji and CJK',
    now: T8, walletPrivateKey: wallet(23), sessionSeed: seed(23), nonce: nonce(23),
    resourceAbilityRequests: [action('*')], nodeUrls: LOCAL1,
    capacity: capacity({
      capacityTokenId: '9', uses: 100, statement: 'Zugriff für Café ☕ 日本語',
    }),
  }),
  defineCase({
    id: 'capacity-quotes-statement', comment: 'capacity statement with double and single quotes',
    now: T1, walletPrivateKey: wallet(24), sessionSeed: seed(24), nonce: nonce(24),
    expiration: plus(T1, MINUTE),
    resourceAbilityRequests: [pkp('0x1234')], nodeUrls: MIXED2,
    capacity: capacity({
      delegateeAddresses: [DELEGATEE_2], statement: `He said "hi" and 'bye'`,
    }),
  }),
  defineCase({
    id: 'capacity-backslash-statement',
    comment: 'capacity statement with backslashes (JSON escapes), e.g. a literal \\n',
    now: T2, walletPrivateKey: wallet(25), sessionSeed: seed(25), nonce: nonce(25),
    resourceAbilityRequests: [accSign(ACC_ID)], nodeUrls: LOCAL3,
    capacity: capacity({
      capacityTokenId: '7',
      delegateeAddresses: [DELEGATEE_1],
      statement: 'C:\\Users\\lit\\n is not a newline, nor is \\t a tab',
    }),
  }),
  defineCase({
    id: 'capacity-other-owner', comment: 'the capacity owner is a different wallet from the session wallet',
    now: T3, walletPrivateKey: wallet(26), sessionSeed: seed(26), nonce: nonce(26),
    expiration: plus(T3, 7 * DAY), domain: 'example.com', statement: 'Use my dApp',
    resourceAbilityRequests: [action(CID_V0), pkp('*')], nodeUrls: LOCAL5,
    capacity: capacity({
      ownerPrivateKey: HARDHAT[0],
      capacityTokenId: '25364',
      delegateeAddresses: [new ethers.Wallet(wallet(26)).address],
      uses: 3, expiration: plus(T3, 2 * DAY), domain: 'owner.example.com',
    }),
  }),
  defineCase({
    id: 'seed-zero-and-upper-nonce', comment: 'all-zero session seed and a nonce with upper-case hex digits',
    now: T4, walletPrivateKey: wallet(27), sessionSeed: '00'.repeat(32),
    nonce: '0x' + sha256Hex('litj interop nonce upper').toUpperCase(),
    resourceAbilityRequests: [action('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'seed-ff-year-boundary', comment: 'all-0xff seed; default 24 h expiration crosses the new year',
    now: T4, walletPrivateKey: wallet(28), sessionSeed: 'ff'.repeat(32), nonce: nonce(28),
    resourceAbilityRequests: [pkp('*'), rli('*')], nodeUrls: LOCAL3,
  }),
  defineCase({
    id: 'leap-day-29-days', comment: 'leap-day clock (.999 ms) with a 29-day session',
    now: T3, walletPrivateKey: wallet(29), sessionSeed: seed(29), nonce: nonce(29),
    expiration: plus(T3, 29 * DAY),
    resourceAbilityRequests: [accDecrypt(ACC_ID), action('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'duplicate-request', comment: 'the same resource and ability requested twice',
    now: T5, walletPrivateKey: wallet(30), sessionSeed: seed(30), nonce: nonce(30),
    resourceAbilityRequests: [pkp('*'), pkp('*')], nodeUrls: LOCAL1,
  }),
  defineCase({
    id: 'everything-at-once',
    comment: 'five requests, five datil-like nodes, capacity with all fields, custom texts; '
      + 'the SDK re-asks the wallet (the ACC wildcard lacks Signing)',
    now: T6, walletPrivateKey: wallet(31), sessionSeed: seed(31), nonce: nonce(31),
    expiration: plus(T6, 7 * DAY), statement: 'Everything (all of it): ok!', domain: 'lit.example',
    resourceAbilityRequests: [action('*'), pkp('0x1234'), accDecrypt('*'), accSign(ACC_ID), rli('12345')],
    nodeUrls: [...DATIL_LIKE, 'https://208.117.61.107:443'],
    capacity: capacity({
      capacityTokenId: '12345', delegateeAddresses: [DELEGATEE_1, DELEGATEE_2], uses: 1000,
      expiration: plus(T6, 29 * DAY), domain: 'capacity.example', statement: 'Delegated capacity: 1000 uses',
    }),
  }),
];

// ---------------------------------------------------------------- running one case with the SDK
function offlineClient(c) {
  const client = new LitNodeClientNodeJs({ litNetwork: LIT_NETWORK.Custom, debug: false, checkNodeAttestation: false });
  // What connect() would have set; getSessionSigs and createCapacityDelegationAuthSig need nothing else.
  client.ready = true;
  client.connectedNodes = new Set(c.nodeUrls);
  client.latestBlockhash = c.nonce;
  client.lastBlockHashRetrieved = Date.now();
  client._blockHashUrl = 'http://127.0.0.1:1/refused-by-gen-session-cases';
  return client;
}

async function runCase(c) {
  freezeClock(c.now);
  const client = offlineClient(c);
  const pair = nacl.sign.keyPair.fromSeed(hexToBytes(c.sessionSeed));
  const sessionKey = { publicKey: bytesToHex(pair.publicKey), secretKey: bytesToHex(pair.secretKey) };
  const signer = new ethers.Wallet(c.walletPrivateKey);
  const resourceAbilityRequests = c.resourceAbilityRequests.map((r) => ({
    resource: new RESOURCE_CLASSES[r.prefix](r.resource),
    ability: r.ability,
  }));

  let capacityAuthSig = null;
  if (c.capacity) {
    const cap = c.capacity;
    const owner = cap.ownerPrivateKey ? new ethers.Wallet(cap.ownerPrivateKey) : signer;
    const params = { dAppOwnerWallet: owner };
    // null in the case = the field is not passed at all
    for (const key of ['capacityTokenId', 'delegateeAddresses', 'uses', 'expiration', 'domain', 'statement']) {
      if (cap[key] !== null) {
        params[key] = cap[key];
      }
    }
    ({ capacityDelegationAuthSig: capacityAuthSig } = await client.createCapacityDelegationAuthSig(params));
  }

  const walletAuthSigs = [];
  const authNeededCallback = async (params) => {
    const toSign = await createSiweMessageWithRecaps({
      uri: params.uri,
      expiration: params.expiration,
      resources: params.resourceAbilityRequests,
      walletAddress: signer.address,
      nonce: params.nonce,
      litNodeClient: client,
      ...(c.statement !== null ? { statement: c.statement } : {}),
      ...(c.domain !== null ? { domain: c.domain } : {}),
    });
    const authSig = await generateAuthSig({ signer, toSign });
    walletAuthSigs.push(authSig);
    return authSig;
  };

  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests,
    authNeededCallback,
    sessionKey,
    ...(c.expiration !== null ? { expiration: c.expiration } : {}),
    ...(capacityAuthSig ? { capabilityAuthSigs: [capacityAuthSig] } : {}),
  });

  // The SDK asks the wallet a second time when its own coverage check of the fresh SIWE fails (a wildcard grant of
  // one ability shadows a specific grant of another on the same prefix). With the clock frozen the re-signed
  // message is identical; the session sigs use the last one.
  const walletAuthSig = walletAuthSigs[walletAuthSigs.length - 1];
  if (walletAuthSigs.length === 0
      || walletAuthSigs.some((a) => JSON.stringify(a) !== JSON.stringify(walletAuthSig))) {
    throw new Error(`case ${c.id}: the wallet callback ran ${walletAuthSigs.length} times with differing results`);
  }
  if (Object.keys(sessionSigs).join('\n') !== c.nodeUrls.join('\n')) {
    throw new Error(`case ${c.id}: session sigs are for ${Object.keys(sessionSigs)} not ${c.nodeUrls}`);
  }
  frozenMillis = null;

  const { id, comment, ...rest } = c;
  return {
    id,
    comment,
    input: {
      now: rest.now,
      walletPrivateKey: rest.walletPrivateKey,
      sessionSeed: rest.sessionSeed,
      nonce: rest.nonce,
      expiration: rest.expiration,
      statement: rest.statement,
      domain: rest.domain,
      resourceAbilityRequests: rest.resourceAbilityRequests,
      nodeUrls: rest.nodeUrls,
      capacity: rest.capacity,
    },
    // The *Json members are the SDK objects as JSON.stringify writes them: the exact bytes an app would send.
    output: {
      sessionPublicKey: sessionKey.publicKey,
      walletCallbackCount: walletAuthSigs.length,
      walletAuthSig,
      walletAuthSigJson: JSON.stringify(walletAuthSig),
      capacityAuthSig,
      capacityAuthSigJson: capacityAuthSig === null ? null : JSON.stringify(capacityAuthSig),
      sessionSigs,
      sessionSigJsonByNode: Object.fromEntries(
        Object.entries(sessionSigs).map(([url, sig]) => [url, JSON.stringify(sig)]),
      ),
      sessionSigsJson: JSON.stringify(sessionSigs),
    },
  };
}

async function main() {
  if (globalThis.localStorage !== undefined) {
    throw new Error('a global localStorage exists: session keys or wallet sigs could leak between cases');
  }
  const ids = new Set();
  const cases = [];
  for (const c of CASES) {
    if (ids.has(c.id)) {
      throw new Error(`duplicate case id ${c.id}`);
    }
    ids.add(c.id);
    cases.push(await runCase(c));
  }
  if (networkAttempts.length > 0) {
    throw new Error(`the SDK tried to use the network: ${networkAttempts.join('; ')}`);
  }
  if (globalThis.localStorage !== undefined) {
    throw new Error('a global localStorage appeared during the run');
  }
  const document = {
    generator: 'interop/gen-session-cases.mjs',
    node: process.version,
    versions: {
      '@lit-protocol/lit-node-client': installedVersion('@lit-protocol/lit-node-client'),
      '@lit-protocol/lit-node-client-nodejs':
        installedVersion('@lit-protocol/lit-node-client-nodejs', nodeClientRequire),
      '@lit-protocol/auth-helpers': installedVersion('@lit-protocol/auth-helpers'),
      '@lit-protocol/constants': installedVersion('@lit-protocol/constants'),
      '@lit-protocol/nacl': installedVersion('@lit-protocol/nacl', nodeClientRequire),
      ethers: installedVersion('ethers'),
      siwe: installedVersion('siwe', authHelpersRequire),
      'siwe-recap': installedVersion('siwe-recap', authHelpersRequire),
    },
    cases,
  };
  realStdoutWrite(JSON.stringify(document, null, 2) + '\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    realConsoleError(sdkConsole.join('\n'));
    realConsoleError(error?.stack ?? String(error));
    process.exit(1);
  },
);
