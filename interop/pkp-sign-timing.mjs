// Times sequential pkpSign calls of the unmodified JS SDK 7.4.0 against a litj devnet (bench/PkpSignLoadDriver runs
// it after its own Java runs, against the same devnet and PKP). One client connects, makes one wallet session
// granting pkp-signing on the PKP and Lit Action execution, then signs --warmup and --count random 32-byte digests,
// one at a time, waiting --pause-ms before each call (so the nodes can refill their presignature pools; the pause is
// not timed). Every signature must recover (ethers) to the PKP's address.
//
// Usage:
//   node pkp-sign-timing.mjs --rpc-url URL --block-hash-url URL --pkp-public-key 0x04… --wallet-key 0x…
//     [--count 100] [--warmup 20] [--pause-ms 0]
// stdout: one JSON line {calls, p50, p90, p99, max (ms), perSecond (calls / time spent in calls), firstMs, phases}.
// phases: the p50 (ms) of the SDK's own steps per measured call, read by wrapping the client's own methods (the SDK
// is not changed): before (pkpSign entry to its first node request: parameter and session-sig checks), fastest and
// slowest (each node request from send to parsed answer), wait (the SDK's wait for all node answers), after (the
// last answer to the signature: parsing and combining the shares).
// Only loopback connections are allowed. Exit code 0 on success, 1 on bad usage or any failed call.
import { createRequire } from 'node:module';
import { captureConsole, loopbackOnly } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const { realStdoutWrite, realStderrWrite } = captureConsole();
loopbackOnly('pkp-sign-timing');

const opts = { count: '100', warmup: '20', 'pause-ms': '0' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
    realStderrWrite(`pkp-sign-timing: bad argument ${argv[i]}\n`);
    process.exit(1);
  }
  opts[argv[i].slice(2)] = argv[i + 1];
}
for (const name of ['rpc-url', 'block-hash-url', 'pkp-public-key', 'wallet-key']) {
  if (opts[name] === undefined) {
    realStderrWrite(`pkp-sign-timing: --${name} is required\n`);
    process.exit(1);
  }
}
const count = Number(opts.count);
const warmup = Number(opts.warmup);
const pauseMs = Number(opts['pause-ms']);

const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client');
const { createSiweMessageWithRecaps, generateAuthSig, LitActionResource, LitPKPResource } =
  require('@lit-protocol/auth-helpers');
const { LIT_ABILITY, LIT_NETWORK } = require('@lit-protocol/constants');

const pubKey = opts['pkp-public-key'];
const pkpAddress = ethers.utils.computeAddress(pubKey);
const client = new LitNodeClientNodeJs({
  litNetwork: LIT_NETWORK.Custom, rpcUrl: opts['rpc-url'], checkNodeAttestation: false, debug: false,
  connectTimeout: 10000,
});
client._blockHashUrl = opts['block-hash-url'];
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Wraps the client's node request and its wait for the answers to split each call's time (see the header). */
function timePhases(c) {
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const send = c.sendCommandToNode;
  const wait = c.handleNodePromises;
  const kept = { before: [], fastest: [], slowest: [], wait: [], after: [] };
  let call;
  c.sendCommandToNode = async (args) => {
    const t = now();
    call.firstSend ??= t;
    const answer = await send(args);
    call.requests.push(now() - t);
    return answer;
  };
  c.handleNodePromises = async (...args) => {
    const t = now();
    const answer = await wait(...args);
    call.waited = now() - t;
    call.answered = now();
    return answer;
  };
  return {
    start() { call = { t0: now(), requests: [] }; },
    end(keep) {
      if (!keep) return;
      const done = now();
      kept.before.push(call.firstSend - call.t0);
      kept.fastest.push(Math.min(...call.requests));
      kept.slowest.push(Math.max(...call.requests));
      kept.wait.push(call.waited);
      kept.after.push(done - call.answered);
    },
    medians() {
      const out = {};
      for (const [k, v] of Object.entries(kept)) {
        const sorted = [...v].sort((a, b) => a - b);
        out[k] = sorted.length === 0 ? null : Math.round(sorted[Math.ceil(sorted.length / 2) - 1] * 100) / 100;
      }
      return out;
    },
  };
}

let exitCode = 0;
try {
  await client.connect();
  const wallet = new ethers.Wallet(opts['wallet-key']);
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: [
      { resource: new LitPKPResource(ethers.utils.keccak256(pubKey).slice(2)), ability: LIT_ABILITY.PKPSigning },
      { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
    ],
    authNeededCallback: async (p) => generateAuthSig({
      signer: wallet,
      toSign: await createSiweMessageWithRecaps({
        uri: p.uri, expiration: p.expiration, resources: p.resourceAbilityRequests, walletAddress: wallet.address,
        nonce: p.nonce, litNodeClient: client,
      }),
    }),
  });
  const phases = timePhases(client);
  const times = [];
  for (let i = 0; i < warmup + count; i++) {
    if (pauseMs > 0) {
      await sleep(pauseMs);
    }
    const digest = ethers.utils.randomBytes(32);
    phases.start();
    const t0 = process.hrtime.bigint();
    const sig = await client.pkpSign({ pubKey, toSign: digest, sessionSigs });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    phases.end(i >= warmup);
    if (ethers.utils.recoverAddress(digest, sig.signature) !== pkpAddress) {
      throw new Error(`call ${i}: the signature does not recover to ${pkpAddress}`);
    }
  }
  const measured = times.slice(warmup).sort((a, b) => a - b);
  const at = (q) => measured[Math.min(measured.length - 1, Math.ceil(q * measured.length) - 1)];
  const total = measured.reduce((a, b) => a + b, 0);
  realStdoutWrite(`${JSON.stringify({
    calls: measured.length, warmup, pauseMs, p50: at(0.5), p90: at(0.9), p99: at(0.99),
    max: measured[measured.length - 1], perSecond: (measured.length * 1000) / total, firstMs: times[0],
    phases: phases.medians(),
  })}\n`);
} catch (e) {
  realStderrWrite(`pkp-sign-timing: ${e?.stack ?? e}\n`);
  exitCode = 1;
} finally {
  await client.disconnect().catch(() => {});
}
process.exit(exitCode);
