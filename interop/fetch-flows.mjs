// Drives the real, unmodified Lit JS SDK 7.4.0: executeJs of Lit Actions that call fetch on a litj devnet whose
// nodes allow exactly --server-url's host:port, and prints ONE JSON document.
// Flows (each {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect        connect(): connected nodes, minNodeCount
//   fetchAllowed   an action fetches --server-url and returns the body: {response}
//   fetchNodePort  an action fetches http://127.0.0.1:<--node-port>/ and http://localhost:<--node-port>/ and returns
//                  what each fetch rejected with, joined by '|': {response}
// Every non-loopback connection of this script is refused and recorded under networkGuard.refused.
//
// Usage:
//   node fetch-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… --server-url URL --node-port N
//     [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { anyActionResources, connectFlow, openFlowScript, walletSession } from './lib/flows.mjs';

const { args, run, doc, client, finish } = openFlowScript('fetch-flows',
  ['rpc-url', 'block-hash-url', 'user-key', 'server-url', 'node-port'], 90000);
doc.input = { serverUrl: args['server-url'], nodePort: args['node-port'] };
const anyAction = anyActionResources();

// one fetch per URL in jsParams.urls; the response is each body, or 'rejected: ' + message, joined by '|'
const ACTION = `(async () => {
  const out = [];
  for (const u of urls) {
    try { out.push(await (await fetch(u)).text()); } catch (e) { out.push('rejected: ' + e.message); }
  }
  Lit.Actions.setResponse({ response: out.join('|') });
})();`;

let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    const sessionSigs = await walletSession(client, args['user-key'], anyAction);
    const execute = async (urls) => (await client.executeJs({ code: ACTION, sessionSigs, jsParams: { urls } }))
      .response;
    f.fetchAllowed = await run('fetchAllowed', async (v) => {
      v.response = await execute([args['server-url']]);
    });
    f.fetchNodePort = await run('fetchNodePort', async (v) => {
      v.response = await execute([`http://127.0.0.1:${args['node-port']}/`,
        `http://localhost:${args['node-port']}/`]);
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
finish(crash);
