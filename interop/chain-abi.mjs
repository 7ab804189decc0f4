// litj's chain wire code (io.litj.protocol.chain) against the ABI decoding the real Lit JS SDK 7.4.0 itself uses.
//
// At connect() the SDK runs LitContracts.getConnectionInfo (@lit-protocol/contracts-sdk), which calls the Staking
// contract's getActiveUnkickedValidatorStructsAndCounts() through an ethers v5 Contract built from the Staking ABI
// of NETWORK_CONTEXT_BY_NETWORK.custom (@lit-protocol/constants, i.e. @lit-protocol/contracts prod/datil-dev).
// This script uses exactly that ethers (resolved from contracts-sdk) and that ABI, and no RPC server:
//  - staking cases: litj's encoding is the answer of an in-process ethers provider; the SDK's Contract decodes it
//    and, for cases marked `connect`, the SDK's own getConnectionInfo turns it into node URLs, threshold and epoch;
//    then the case's values are encoded with the SDK's Interface for litj to decode;
//  - codec cases: litj's encoding is decoded with that ethers' defaultAbiCoder, and the values are encoded with it;
//  - selectors: the signature (ethers 'sighash' format), selector and output types of every Staking function.
//
// Usage: node chain-abi.mjs '<input JSON>'   (written by ChainAbiJsSdkTest: {stakingCases, codecCases})
// Output: one JSON document on stdout. Values are JSON: numbers as decimal strings, addresses and bytes as 0x hex,
// tuples and arrays as arrays. No network at all: every socket and fetch is refused and recorded. Exit 0 when the
// document was printed (failures of single cases are in it), 1 on bad usage or an internal error, 2 on timeout.

import { createRequire } from 'node:module';
import { installedVersion, runAndPrint, safeJson, sdkVersions, startOfflineScript } from './lib/harness.mjs';

const TIMEOUT_MS = 30000;
const require = createRequire(import.meta.url);
const run = startOfflineScript('chain-abi');

// ---------------------------------------------------------------- the SDK's own ethers and Staking ABI
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const { NETWORK_CONTEXT_BY_NETWORK } = require('@lit-protocol/constants');
const contractsSdkRequire = createRequire(require.resolve('@lit-protocol/contracts-sdk'));
const constantsRequire = createRequire(require.resolve('@lit-protocol/constants'));
const { ethers } = contractsSdkRequire('ethers');
const stakingEntry = NETWORK_CONTEXT_BY_NETWORK.custom.data.find((d) => d.name === 'Staking').contracts[0];
const STAKING = { address: stakingEntry.address_hash, abi: stakingEntry.ABI };
const FUNCTION = 'getActiveUnkickedValidatorStructsAndCounts';
const CHAIN = { chainId: 175188, name: 'litj-chain-abi' };

/** An ethers v5 provider that answers every eth_call with one fixed result and records the call data. */
class FixedAnswerProvider extends ethers.providers.BaseProvider {
  constructor(answer) {
    super(CHAIN);
    this.answer = answer;
    this.callData = [];
  }

  async detectNetwork() {
    return CHAIN;
  }

  async perform(method, params) {
    if (method !== 'call') {
      throw new Error(`chain-abi: unexpected provider method ${method}`);
    }
    this.callData.push(params.transaction.data);
    return this.answer;
  }
}

/** Decoded ethers values as plain JSON: integers (BigNumbers, and numbers for uint48 and narrower) as decimal
 * strings, Results as arrays. */
function plain(value) {
  if (ethers.BigNumber.isBigNumber(value) || typeof value === 'number') {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return Array.from(value, plain);
  }
  return value;
}

function describeError(error) {
  return { name: error?.name ?? null, code: error?.code ?? null, message: String(error?.message ?? safeJson(error)) };
}

async function stakingCase(input) {
  const provider = new FixedAnswerProvider(input.encoded);
  const contract = new ethers.Contract(STAKING.address, STAKING.abi, provider);
  const out = { id: input.id };
  try {
    out.decoded = plain(await contract[FUNCTION]());
    if (input.connect) {
      const info = await LitContracts.getConnectionInfo({
        litNetwork: 'custom',
        networkContext: { Staking: { address: STAKING.address, abi: STAKING.abi }, provider },
      });
      out.connectionInfo = {
        bootstrapUrls: info.bootstrapUrls,
        minNodeCount: info.minNodeCount,
        epochInfo: info.epochInfo,
      };
    }
    out.callData = provider.callData;
    out.encoded = contract.interface.encodeFunctionResult(FUNCTION, input.values);
  } catch (error) {
    out.error = describeError(error);
  }
  return out;
}

function codecCase(input) {
  const out = { id: input.id };
  try {
    out.decoded = plain(ethers.utils.defaultAbiCoder.decode(input.types, input.encoded));
    out.encoded = ethers.utils.defaultAbiCoder.encode(input.types, input.values);
  } catch (error) {
    out.error = describeError(error);
  }
  return out;
}

function selectors() {
  const iface = new ethers.utils.Interface(STAKING.abi);
  return Object.values(iface.functions).map((f) => ({
    signature: f.format('sighash'),
    selector: iface.getSighash(f),
    outputs: (f.outputs ?? []).map((o) => o.format('sighash')),
  }));
}

// ---------------------------------------------------------------- the document
const document = {
  script: 'interop/chain-abi.mjs',
  node: process.version,
  versions: {
    ...sdkVersions(require),
    '@lit-protocol/contracts-sdk': installedVersion('@lit-protocol/contracts-sdk', require),
    '@lit-protocol/contracts': installedVersion('@lit-protocol/contracts', constantsRequire),
    ethers: ethers.version,
  },
  staking: { address: STAKING.address, source: 'NETWORK_CONTEXT_BY_NETWORK.custom Staking' },
  selectors: null,
  stakingCases: [],
  codecCases: [],
  networkGuard: { refused: run.refusedConnections },
  timedOut: false,
  ms: null,
};

const failed = () => [...document.stakingCases, ...document.codecCases].some((c) => c.error);
await runAndPrint(run, document, TIMEOUT_MS, failed, async () => {
  if (process.argv.length !== 3) {
    run.realStderrWrite("usage: node chain-abi.mjs '<input JSON>'\n");
    process.exit(1);
  }
  const input = JSON.parse(process.argv[2]);
  document.selectors = selectors();
  for (const c of input.stakingCases) {
    document.stakingCases.push(await stakingCase(c));
  }
  for (const c of input.codecCases) {
    document.codecCases.push(codecCase(c));
  }
});
