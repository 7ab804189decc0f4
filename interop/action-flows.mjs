// Drives the real, unmodified Lit JS SDK 7.4.0 through executeJs({ipfsId}) against a running litj devnet whose
// registry holds the action (stored by `litj action put`), and prints ONE JSON document.
// Flows (each reported as {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect        connect(): connected nodes, minNodeCount
//   byIpfsId       executeJs({ipfsId: --cid, jsParams: {who: --who}}) with a wildcard action session:
//                  {response, logs}
//   narrowSession  the same with a session limited to lit-litaction://<--cid>: {response}
//   unknownIpfsId  executeJs({ipfsId: --unknown-cid}) (stored nowhere): must be refused
//   runOnce        executeJs of an action whose runOnce body returns a random value: {response}
//   collect        executeJs of an action that broadcastAndCollect's a random value: {response}
//   bytes          executeJs of an action that turns --hex into base64, base58btc and utf8 with
//                  Lit.Actions.uint8arrayFromString/ToString: {response}
//   chains         executeJs of an action answering getRpcUrl({chain: 'ethereum'}), getLatestNonce of --address on
//                  ethereum, and the rejection of getRpcUrl for a chain the nodes do not have: {response}
//   call           executeJs of an action that Lit.Actions.call's the stored --cid with {who: 'a child'}: {response,
//                  logs}
//   litAuth        executeJs of an action answering JSON.stringify(Lit.Auth): {response}
//
// Usage:
//   node action-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… --cid Qm… --unknown-cid Qm… \
//     --who TEXT --hex HEX --address 0x… [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { createRequire } from 'node:module';
import { connectFlow, customClient, flowArgs, flowRunner, printFlows, walletSession } from './lib/flows.mjs';
import { captureConsole, loopbackOnly, sdkVersions } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
process.noDeprecation = true;
const begun = Date.now();

const captured = captureConsole();
const executeBodies = [];
const refused = loopbackOnly('action-flows', (url, init) => {
  if (url.pathname.startsWith('/web/execute')) {
    const keys = Object.keys(JSON.parse(String(init?.body ?? '{}')));
    if (keys.includes('ipfsId')) {
      executeBodies.push(keys);
    }
  }
});

const REQUIRED = ['rpc-url', 'block-hash-url', 'user-key', 'cid', 'unknown-cid', 'who', 'hex', 'address'];
const args = flowArgs('action-flows', REQUIRED, 60000, captured.realStderrWrite);
const run = flowRunner(begun, Number(args['timeout-ms']));

const { LitActionResource } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const actionSession = (client, id) => walletSession(client, args['user-key'],
  [{ resource: new LitActionResource(id), ability: LIT_ABILITY.LitActionExecution }]);

const doc = {
  script: 'interop/action-flows.mjs',
  node: process.version,
  versions: sdkVersions(require),
  input: { cid: args.cid, unknownCid: args['unknown-cid'] },
  flows: {},
  executeBodyKeys: [],
  networkGuard: { refused },
  timedOut: false,
  ms: null,
};
const REFUSALS = new Set(['unknownIpfsId']);

const client = customClient(args['rpc-url'], args['block-hash-url']);
let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    const anyAction = await actionSession(client, '*');
    f.byIpfsId = await run('byIpfsId', async (v) => {
      const r = await client.executeJs({ ipfsId: args.cid, sessionSigs: anyAction, jsParams: { who: args.who } });
      v.response = r.response;
      v.logs = r.logs;
    });
    f.narrowSession = await run('narrowSession', async (v) => {
      const sessionSigs = await actionSession(client, args.cid);
      const r = await client.executeJs({ ipfsId: args.cid, sessionSigs, jsParams: { who: args.who } });
      v.response = r.response;
    });
    f.runOnce = await run('runOnce', async (v) => {
      const code = `(async () => {
        const v = await Lit.Actions.runOnce({ waitForResponse: true, name: 'pick' },
          async () => 'leader-' + Math.random());
        Lit.Actions.setResponse({ response: v });
      })();`;
      v.response = (await client.executeJs({ code, sessionSigs: anyAction, jsParams: {} })).response;
    });
    f.collect = await run('collect', async (v) => {
      const code = `(async () => {
        const all = await Lit.Actions.broadcastAndCollect({ name: 'temperature', value: String(Math.random()) });
        Lit.Actions.setResponse({ response: JSON.stringify(all) });
      })();`;
      v.response = (await client.executeJs({ code, sessionSigs: anyAction, jsParams: {} })).response;
    });
    const byCode = async (code, jsParams) => client.executeJs({ code, sessionSigs: anyAction, jsParams });
    f.bytes = await run('bytes', async (v) => {
      const code = `const b = Lit.Actions.uint8arrayFromString(hex, 'base16');
        Lit.Actions.setResponse({ response: [Lit.Actions.uint8arrayToString(b, 'base64'),
          Lit.Actions.uint8arrayToString(b, 'base58btc'), Lit.Actions.uint8arrayToString(b)].join(' ') });`;
      v.response = (await byCode(code, { hex: args.hex })).response;
    });
    f.chains = await run('chains', async (v) => {
      const code = `(async () => {
        const out = [await Lit.Actions.getRpcUrl({ chain: 'ethereum' }),
          await Lit.Actions.getLatestNonce({ address, chain: 'ethereum' })];
        try { await Lit.Actions.getRpcUrl({ chain: 'nowhere' }); } catch (e) { out.push(e.message); }
        Lit.Actions.setResponse({ response: JSON.stringify(out) });
      })();`;
      v.response = (await byCode(code, { address: args.address })).response;
    });
    f.call = await run('call', async (v) => {
      const code = `(async () => {
        const got = await Lit.Actions.call({ ipfsId: child, params: { who: 'a child' } });
        Lit.Actions.setResponse({ response: JSON.stringify({ got: JSON.parse(got),
          stack: Lit.Auth.actionIpfsIdStack.length }) });
      })();`;
      const r = await byCode(code, { child: args.cid });
      v.response = r.response;
      v.logs = r.logs;
    });
    f.litAuth = await run('litAuth', async (v) => {
      v.response = (await byCode('Lit.Actions.setResponse({ response: JSON.stringify(Lit.Auth) });', {})).response;
    });
    f.unknownIpfsId = await run('unknownIpfsId', async (v) => {
      const r = await client.executeJs({ ipfsId: args['unknown-cid'], sessionSigs: anyAction, jsParams: {} });
      v.response = r.response;
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
doc.executeBodyKeys = executeBodies;
printFlows({ doc, begun, crash, refusals: REFUSALS, refused, run: captured, verbose: args.verbose });
