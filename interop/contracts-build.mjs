// Compiles litj's Solidity (../contracts/src) with the pinned solc and writes ../contracts/build/<Name>.json
// ({contractName, abi, bytecode, deployedBytecode}). With --check it writes nothing and exits 1 when the committed
// build (or the build in the folder given after --check) differs from a fresh compile (the reproducibility test),
// naming each contract that differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', 'contracts');
const srcDir = path.join(root, 'src');
const checkAt = process.argv.indexOf('--check');
const buildDir = checkAt > 0 && process.argv[checkAt + 1] ? path.resolve(process.argv[checkAt + 1])
  : path.join(root, 'build');
// the deployable contracts (TestMultisigWallet is litj's EIP-1271 test wallet, not a Lit contract); the others
// (Owned, LitjERC721) are abstract bases
export const CONTRACTS = ['Staking', 'PubkeyRouter', 'PKPNFT', 'PKPPermissions', 'RateLimitNFT', 'PKPHelper',
  'TestMultisigWallet'];

export function compile() {
  const sources = {};
  for (const file of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
    sources[file] = { content: fs.readFileSync(path.join(srcDir, file), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error('solc ' + solc.version() + ' failed:\n' + errors.map((e) => e.formattedMessage).join('\n'));
  }
  const built = {};
  for (const name of CONTRACTS) {
    const c = output.contracts[name + '.sol'][name];
    built[name] = JSON.stringify({
      contractName: name,
      compiler: 'solc ' + solc.version(),
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    }, null, 2) + '\n';
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = checkAt > 0;
  const built = compile();
  const differ = [];
  for (const [name, text] of Object.entries(built)) {
    const file = path.join(buildDir, name + '.json');
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) differ.push(name);
    } else {
      fs.mkdirSync(buildDir, { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  if (differ.length > 0) {
    console.error('committed build differs from a fresh compile: ' + differ.join(', '));
    process.exit(1);
  }
  console.log(JSON.stringify({ compiler: solc.version(), contracts: Object.keys(built), checked: check }));
}
