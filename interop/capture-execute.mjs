// Records the exact bytes the unmodified JS SDK 7.4.0 sends to each node for one executeJs, so that a Java load
// driver (bench/ JsSdkReplayDriver) can replay them (issue 8). The SDK connects to the network of the given line
// (a litj devnet: BenchDevnet's JSON line), makes one wildcard Lit Action session with a random wallet and calls
// executeJs --calls times (default 2; the last call is recorded). Every byte the process writes to a node's socket
// during that call (undici's request head, then the body) is kept per node, exactly as written.
//
// Usage: node capture-execute.mjs --network '<json line>' --out FILE [--code JS] [--calls N]
// FILE: {script, node, sdkVersion, capturedAt, code, response, sessionExpiration, requests: [{url, method, path,
//   headers: [[name, value]...], body, raw: <base64 of the exact request bytes>}]} (one request per node).
// The session sigs inside stay valid until sessionExpiration (the SDK's default: 24 h after the capture) and only
// against that network (they name each node's URL). Only loopback connections are allowed.
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import { captureConsole, loopbackOnly } from './lib/harness.mjs';

process.noDeprecation = true;
const { sdkConsole, realStdoutWrite, realStderrWrite } = captureConsole();
const refused = loopbackOnly('capture-execute');
const { connectWithSession, TRIVIAL_ACTION } = await import('./lib/sdk-session.mjs');
const require = createRequire(import.meta.url);

function usage(message) {
  realStderrWrite(`capture-execute: ${message}\nusage: node capture-execute.mjs --network JSON --out FILE`
    + ' [--code JS] [--calls N]\n');
  process.exit(1);
}
const args = { network: null, out: null, code: TRIVIAL_ACTION, calls: 2 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [name, value] = [argv[i], argv[i + 1]];
  if (value === undefined) usage(`${name} needs a value`);
  if (name === '--network') args.network = JSON.parse(value);
  else if (name === '--out') args.out = value;
  else if (name === '--code') args.code = value;
  else if (name === '--calls') args.calls = Number(value);
  else usage(`unknown argument ${name}`);
}
if (!args.network || !args.out || !Number.isInteger(args.calls) || args.calls < 1) usage('--network and --out are required');

// ---------------------------------------------------------------- recording what goes to the nodes' sockets
let recording = null; // Map remotePort -> Buffer[] while the recorded call runs
const realWrite = net.Socket.prototype.write;
net.Socket.prototype.write = function recordingWrite(chunk, encoding, ...rest) {
  if (recording !== null && recording.has(this.remotePort)) {
    const bytes = typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    recording.get(this.remotePort).push(Buffer.from(bytes)); // a copy: the caller may reuse its buffer
  }
  return realWrite.call(this, chunk, encoding, ...rest);
};

function parseRequest(url, raw) {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end).toString('latin1').split('\r\n');
  const [method, path] = head[0].split(' ');
  const headers = head.slice(1).map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { url, method, path, headers, body: raw.subarray(end + 4).toString('utf8'), raw: raw.toString('base64') };
}

let client = null;
try {
  const session = await connectWithSession(args.network);
  client = session.client;
  const nodeUrls = [...client.connectedNodes];
  let response = null;
  for (let i = 0; i < args.calls; i++) {
    const last = i === args.calls - 1;
    if (last) recording = new Map(nodeUrls.map((u) => [Number(new URL(u).port), []]));
    const result = await client.executeJs({ code: args.code, sessionSigs: session.sessionSigs });
    response = result.response;
  }
  const requests = nodeUrls.map((u) => parseRequest(u, Buffer.concat(recording.get(Number(new URL(u).port)))));
  recording = null;
  const anySig = session.sessionSigs[nodeUrls[0]];
  const doc = {
    script: 'interop/capture-execute.mjs',
    node: process.version,
    sdkVersion: require('@lit-protocol/lit-node-client/package.json').version,
    capturedAt: new Date().toISOString(),
    code: args.code,
    response,
    sessionExpiration: JSON.parse(anySig.signedMessage).expiration,
    requests,
  };
  fs.writeFileSync(args.out, `${JSON.stringify(doc, null, 2)}\n`);
  realStdoutWrite(`captured ${requests.length} requests (${requests.map((r) => Buffer.from(r.raw, 'base64').length)
    .join(', ')} bytes) of one executeJs, response ${JSON.stringify(response)}, in ${args.out}\n`);
} catch (error) {
  realStderrWrite(`capture-execute: ${error?.stack ?? error}\n${sdkConsole.slice(-20).join('\n')}\n`);
  process.exitCode = 1;
} finally {
  if (client) await client.disconnect();
}
process.exit(process.exitCode ?? (refused.length > 0 ? 1 : 0));
