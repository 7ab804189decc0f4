// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title TestMultisigWallet
/// @notice litj's test wallet for EIP-1271 capabilities (docs/validation.md), not one of Lit's contracts: a set of
/// owners and a threshold fixed at deployment. `isValidSignature(hash, signature)` answers the EIP-1271 magic value
/// when `signature` is at least `threshold` 65-byte ECDSA signatures (r, s, v; low s; v 27 or 28) of `hash` itself,
/// one after the other, by distinct owners in ascending order of address; anything else answers 0xffffffff.
contract TestMultisigWallet {
    bytes4 internal constant MAGIC_VALUE = 0x1626ba7e;
    bytes4 internal constant NOT_SIGNED = 0xffffffff;
    uint256 internal constant SIGNATURE_BYTES = 65;
    uint256 internal constant MAX_OWNERS = 16;
    uint256 internal constant HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    mapping(address => bool) public isOwner;
    uint256 public threshold;
    uint256 public ownerCount;

    constructor(address[] memory owners, uint256 threshold_) {
        require(owners.length <= MAX_OWNERS, "litj: too many owners");
        require(threshold_ > 0 && threshold_ <= owners.length, "litj: threshold out of range");
        for (uint256 i = 0; i < owners.length; i++) {
            require(owners[i] != address(0) && !isOwner[owners[i]], "litj: owner zero or repeated");
            isOwner[owners[i]] = true;
        }
        threshold = threshold_;
        ownerCount = owners.length;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        uint256 n = signature.length / SIGNATURE_BYTES;
        if (signature.length % SIGNATURE_BYTES != 0 || n < threshold || n > ownerCount) {
            return NOT_SIGNED;
        }
        address previous = address(0);
        for (uint256 i = 0; i < n; i++) {
            uint256 at = i * SIGNATURE_BYTES;
            bytes32 r = bytes32(signature[at:at + 32]);
            bytes32 s = bytes32(signature[at + 32:at + 64]);
            uint8 v = uint8(signature[at + 64]);
            if (uint256(s) > HALF_ORDER || (v != 27 && v != 28)) {
                return NOT_SIGNED;
            }
            address signer = ecrecover(hash, v, r, s);
            if (signer <= previous || !isOwner[signer]) {
                return NOT_SIGNED;
            }
            previous = signer;
        }
        return MAGIC_VALUE;
    }
}
