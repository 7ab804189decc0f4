// Drives the real, unmodified Lit JS SDK 7.4.0 against a litj devnet whose registry is litj's contracts on anvil
// (`litj devnet up --chain anvil`), with nothing but rpcUrl = anvil: no contractContext, so the SDK reads its own
// Staking ABI at the address it knows for `custom`, and prints ONE JSON document.
// Flows (each reported as {ok, ...}; a failed one carries the SDK's error as {name, errorCode, message}):
//   connect     connect(): connected nodes (read from the Staking contract on anvil), minNodeCount
//   executeJs   a wallet session for any Lit Action, then executeJs of code setting a response: {response}
//
// Usage:
//   node anvil-flows.mjs --rpc-url URL --block-hash-url URL --user-key 0x… [--timeout-ms N] [--verbose]
// Exit code: 0 when the document was printed (whatever the flows' outcome), 1 on bad usage or an internal error.

import { anyActionResources, connectFlow, openFlowScript, walletSession } from './lib/flows.mjs';

const { args, run, doc, client, finish } = openFlowScript('anvil-flows', ['rpc-url', 'block-hash-url', 'user-key'],
  60000);

let crash = null;
try {
  const f = doc.flows;
  f.connect = await connectFlow(run, client);
  if (f.connect.ok) {
    f.executeJs = await run('executeJs', async (v) => {
      const sessionSigs = await walletSession(client, args['user-key'], anyActionResources());
      const code = 'Lit.Actions.setResponse({ response: JSON.stringify({ chain: "anvil", n: nodes }) });';
      v.response = (await client.executeJs({ code, sessionSigs, jsParams: { nodes: 3 } })).response;
    });
  }
} catch (e) {
  crash = e;
} finally {
  await client.disconnect().catch(() => {});
}
finish(crash);
