// Times sequential executeJs calls of the unmodified JS SDK 7.4.0 against one or more networks IN ONE RUN, in
// interleaved blocks (issue 8: litj devnet vs the stand-in of bench/, side by side on the same noisy machine).
//
// For each network: a new client connects (Staking contract read from the network's chain view, handshakes), makes
// one wildcard Lit Action session with a random wallet, and runs the same action. After a warm-up of --warmup calls
// per network (interleaved too), --blocks rounds each run --per-block sequential calls on every network, the order
// of the networks alternating from round to round (A B, B A, A B, …). Every call must return the expected response.
// Reported per network: p50/p90/p99/max latency over all measured calls, sequential req/s (calls / time spent in
// that network's blocks), the spread of the per-block p50s, and, when the network line names a pid, the CPU time
// that process spent per call (from /proc/<pid>/stat, 10 ms ticks summed over the blocks) next to this client's.
//
// Usage:
//   node execute-timing.mjs --network '<json line>' [--network '<json line>' ...] [--blocks 10] [--per-block 100]
//     [--warmup 200] [--code JS] [--expect TEXT] [--json FILE]
// A network line is what bench/BenchDevnet and bench/StandInNetwork print:
//   {"network":"litj","pid":123,"rpcUrl":"http://127.0.0.1:P","blockHashUrl":"http://127.0.0.1:P/get_most_recent_valid_block"}
// stdout: one markdown table row per network (the columns of docs/benchmarks.md); --json FILE also writes every
// number (and the per-block values) as one JSON document. Only loopback connections are allowed.
// Exit code 0 on success, 1 on bad usage or any failed call.
import fs from 'node:fs';
import os from 'node:os';
import { captureConsole, loopbackOnly } from './lib/harness.mjs';

process.noDeprecation = true;
const { sdkConsole, realStdoutWrite, realStderrWrite } = captureConsole();
const refused = loopbackOnly('execute-timing');
const { connectWithSession, TRIVIAL_ACTION } = await import('./lib/sdk-session.mjs');

function usage(message) {
  realStderrWrite(`execute-timing: ${message}\nusage: node execute-timing.mjs --network JSON [--network JSON ...]`
    + ' [--blocks N] [--per-block N] [--warmup N] [--code JS] [--expect TEXT] [--json FILE]\n');
  process.exit(1);
}

const args = { networks: [], blocks: 10, perBlock: 100, warmup: 200, code: TRIVIAL_ACTION, expect: '1', json: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [name, value] = [argv[i], argv[i + 1]];
  if (value === undefined) usage(`${name} needs a value`);
  switch (name) {
    case '--network':
      try {
        args.networks.push(JSON.parse(value));
      } catch (e) {
        usage(`--network is not JSON: ${e.message}`);
      }
      break;
    case '--blocks': args.blocks = Number(value); break;
    case '--per-block': args.perBlock = Number(value); break;
    case '--warmup': args.warmup = Number(value); break;
    case '--code': args.code = value; break;
    case '--expect': args.expect = value; break;
    case '--json': args.json = value; break;
    default: usage(`unknown argument ${name}`);
  }
}
if (args.networks.length === 0) usage('give at least one --network');
for (const n of ['blocks', 'perBlock', 'warmup']) {
  if (!Number.isInteger(args[n]) || args[n] < (n === 'warmup' ? 0 : 1)) usage(`--${n} must be a positive integer`);
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux), or null. */
function processCpuSeconds(pid) {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}
const clientCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function callOnce(net) {
  const t0 = process.hrtime.bigint();
  const result = await net.client.executeJs({ code: args.code, sessionSigs: net.sessionSigs });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (String(result.response) !== args.expect) {
    throw new Error(`${net.name}: executeJs answered ${JSON.stringify(result.response)}, expected ${args.expect}`);
  }
  return ms;
}

const loadBefore = os.loadavg();
const nets = [];
try {
  for (const line of args.networks) {
    const { client, sessionSigs } = await connectWithSession(line);
    nets.push({
      name: line.network, pid: line.pid ?? null, client, sessionSigs, nodes: client.connectedNodes.size,
      latencies: [], blocks: [], wallSeconds: 0, serverCpu: 0, clientCpu: 0, cpuKnown: true,
    });
  }
  for (let i = 0; i < args.warmup; i++) {
    for (const net of nets) await callOnce(net);
  }
  for (let round = 0; round < args.blocks; round++) {
    const order = round % 2 === 0 ? nets : [...nets].reverse();
    for (const net of order) {
      const cpu0 = processCpuSeconds(net.pid);
      const client0 = clientCpuSeconds();
      const t0 = process.hrtime.bigint();
      const block = [];
      for (let i = 0; i < args.perBlock; i++) block.push(await callOnce(net));
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu1 = processCpuSeconds(net.pid);
      net.clientCpu += clientCpuSeconds() - client0;
      if (cpu0 === null || cpu1 === null) net.cpuKnown = false;
      else net.serverCpu += cpu1 - cpu0;
      net.wallSeconds += wall;
      net.latencies.push(...block);
      const sorted = [...block].sort((a, b) => a - b);
      net.blocks.push({ round, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), reqPerSec: block.length / wall });
    }
  }
} catch (error) {
  realStderrWrite(`execute-timing: ${error?.stack ?? error}\n${sdkConsole.slice(-20).join('\n')}\n`);
  process.exit(1);
} finally {
  for (const net of nets) {
    try {
      await net.client.disconnect();
    } catch {
      // exiting anyway
    }
  }
}
const loadAfter = os.loadavg();

const fmt = (x, d = 2) => x.toFixed(d);
const summary = nets.map((net) => {
  const sorted = [...net.latencies].sort((a, b) => a - b);
  const blockP50 = net.blocks.map((b) => b.p50);
  const n = sorted.length;
  return {
    network: net.name,
    nodes: net.nodes,
    calls: n,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[n - 1],
    reqPerSec: n / net.wallSeconds,
    blockP50Min: Math.min(...blockP50),
    blockP50Max: Math.max(...blockP50),
    blockReqPerSecMin: Math.min(...net.blocks.map((b) => b.reqPerSec)),
    blockReqPerSecMax: Math.max(...net.blocks.map((b) => b.reqPerSec)),
    serverCpuMsPerCall: net.cpuKnown && net.pid ? (net.serverCpu * 1000) / n : null,
    clientCpuMsPerCall: (net.clientCpu * 1000) / n,
    blocks: net.blocks,
  };
});
const doc = {
  script: 'interop/execute-timing.mjs', node: process.version, code: args.code, blocks: args.blocks,
  perBlock: args.perBlock, warmup: args.warmup, loadavgBefore: loadBefore, loadavgAfter: loadAfter,
  cpus: os.cpus().length, networkGuard: { refused }, results: summary,
};
if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(doc, null, 2)}\n`);
realStdoutWrite(`| network | nodes | calls | p50 ms | p90 ms | p99 ms | max ms | req/s | block p50 min–max ms `
  + '| block req/s min–max | network CPU ms/call | SDK CPU ms/call |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n');
for (const s of summary) {
  realStdoutWrite(`| ${s.network} | ${s.nodes} | ${s.calls} | ${fmt(s.p50)} | ${fmt(s.p90)} | ${fmt(s.p99)} | ${fmt(s.max)} `
    + `| ${fmt(s.reqPerSec, 0)} | ${fmt(s.blockP50Min)}–${fmt(s.blockP50Max)} | ${fmt(s.blockReqPerSecMin, 0)}–`
    + `${fmt(s.blockReqPerSecMax, 0)} | ${s.serverCpuMsPerCall === null ? '–' : fmt(s.serverCpuMsPerCall)} `
    + `| ${fmt(s.clientCpuMsPerCall)} |\n`);
}
// p50 of each network over the reference (the one named stand-in, else the last one)
const reference = summary.find((s) => s.network === 'stand-in') ?? summary[summary.length - 1];
const ratios = summary.filter((s) => s !== reference).map((s) => `${s.network} ${fmt(s.p50 / reference.p50)}`);
realStdoutWrite(`p50 over ${reference.network}'s: ${ratios.join(', ') || '–'}; load average before `
  + `${loadBefore.map((x) => fmt(x)).join(' ')}, after ${loadAfter.map((x) => fmt(x)).join(' ')}\n`);
process.exit(refused.length > 0 ? 1 : 0);
