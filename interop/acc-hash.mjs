// litj's access-control-condition hashing (io.litj.protocol.acc) against the real Lit JS SDK 7.4.0.
//
// For every condition set it is given, this script runs the JS SDK's own code, from the copy of
// @lit-protocol/access-control-conditions that @lit-protocol/lit-node-client-nodejs loads:
//  - canonicalJson: JSON.stringify of the list mapped through the kind's canonical formatter
//    (canonicalAccessControlConditionFormatter, canonicalEVMContractConditionFormatter,
//    canonicalSolRpcConditionFormatter, canonicalUnifiedAccessControlConditionFormatter), i.e. what the SDK sends;
//  - hash: lowercase hex of what the kind's hash function returns (hashAccessControlConditions,
//    hashEVMContractConditions, hashSolRpcConditions, hashUnifiedAccessControlConditions), i.e. hashOfConditions;
//  - schemaValid / schemaError: whether the SDK's schema validation (validate*Schema, run before encrypt) accepts it.
// It also lists the closed name lists of the installed @lit-protocol/accs-schemas (chains, contract types,
// comparators), for the Java test to compare with litj's.
//
// Usage: node acc-hash.mjs < input.json   (written by AccHashJsSdkTest: {cases: [{id, field, conditions}]},
//        field = accessControlConditions | evmContractConditions | solRpcConditions | unifiedAccessControlConditions)
// Output: one JSON document on stdout. No network at all: every socket and fetch is refused and recorded. Exit 0
// when the document was printed (failures of single cases are in it), 1 on bad input or an internal error, 2 on
// timeout.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { installedVersion, runAndPrint, sdkVersions, startOfflineScript } from './lib/harness.mjs';

const TIMEOUT_MS = 30000;
const require = createRequire(import.meta.url);
const run = startOfflineScript('acc-hash');

const clientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
const accs = clientRequire('@lit-protocol/access-control-conditions');
const accsRequire = createRequire(clientRequire.resolve('@lit-protocol/access-control-conditions'));
const SCHEMAS = {
  evmBasic: accsRequire('@lit-protocol/accs-schemas/schemas/LPACC_EVM_BASIC'),
  evmContract: accsRequire('@lit-protocol/accs-schemas/schemas/LPACC_EVM_CONTRACT'),
  solRpc: accsRequire('@lit-protocol/accs-schemas/schemas/LPACC_SOL'),
};

const BY_FIELD = {
  accessControlConditions: {
    format: accs.canonicalAccessControlConditionFormatter,
    hash: accs.hashAccessControlConditions,
    validate: accs.validateAccessControlConditionsSchema,
  },
  evmContractConditions: {
    format: accs.canonicalEVMContractConditionFormatter,
    hash: accs.hashEVMContractConditions,
    validate: accs.validateEVMContractConditionsSchema,
  },
  solRpcConditions: {
    format: accs.canonicalSolRpcConditionFormatter,
    hash: accs.hashSolRpcConditions,
    validate: accs.validateSolRpcConditionsSchema,
  },
  unifiedAccessControlConditions: {
    format: accs.canonicalUnifiedAccessControlConditionFormatter,
    hash: accs.hashUnifiedAccessControlConditions,
    validate: accs.validateUnifiedAccessControlConditionsSchema,
  },
};

function describeError(error) {
  return { name: error?.name ?? null, message: String(error?.message ?? error) };
}

async function runCase(input) {
  const out = { id: input.id };
  const sdk = BY_FIELD[input.field];
  try {
    if (!sdk) {
      throw new Error(`unknown field ${input.field}`);
    }
    out.canonicalJson = JSON.stringify(input.conditions.map((c) => sdk.format(c)));
    out.hash = Buffer.from(await sdk.hash(input.conditions)).toString('hex');
  } catch (error) {
    out.error = describeError(error);
    return out;
  }
  try {
    await sdk.validate(input.conditions);
    out.schemaValid = true;
  } catch (error) {
    out.schemaValid = false;
    out.schemaError = String(error?.message ?? error).slice(0, 500);
  }
  return out;
}

function schemaNames() {
  const evmBasic = SCHEMAS.evmBasic.properties;
  const evmContract = SCHEMAS.evmContract.properties;
  const sol = SCHEMAS.solRpc.properties;
  return {
    evmBasicChains: evmBasic.chain.enum,
    evmContractChains: evmContract.chain.enum,
    solanaChains: sol.chain.enum,
    standardContractTypes: evmBasic.standardContractType.enum,
    comparators: evmBasic.returnValueTest.properties.comparator.enum,
  };
}

const document = {
  script: 'interop/acc-hash.mjs',
  node: process.version,
  versions: {
    ...sdkVersions(require),
    '@lit-protocol/access-control-conditions':
      installedVersion('@lit-protocol/access-control-conditions', clientRequire),
    '@lit-protocol/accs-schemas': installedVersion('@lit-protocol/accs-schemas', accsRequire),
  },
  schemas: null,
  cases: [],
  networkGuard: { refused: run.refusedConnections },
  timedOut: false,
  ms: null,
};

await runAndPrint(run, document, TIMEOUT_MS, () => document.cases.some((c) => c.error), async () => {
  const text = fs.readFileSync(0, 'utf8');
  if (text.trim() === '') {
    run.realStderrWrite('usage: node acc-hash.mjs < input.json\n');
    process.exit(1);
  }
  const input = JSON.parse(text);
  document.schemas = schemaNames();
  for (const c of input.cases) {
    document.cases.push(await runCase(c));
  }
});
