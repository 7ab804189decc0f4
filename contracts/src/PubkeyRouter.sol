// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./Owned.sol";

/// @title PubkeyRouter (litj)
/// @notice The public keys of PKPs, by token id (`keccak256` of the 65-byte uncompressed secp256k1 key, as Lit).
/// The owner (the network's operator, after the nodes made a key by DKG) routes each new key with
/// `setRoutingData`; routed keys wait in a pool until PKPNFT's `mintNext` hands the next one to a minter.
contract PubkeyRouter is Owned {
    struct PubKeyRoutingData {
        bytes pubkey;
        uint256 keyType;
        bytes32 derivedKeyId;
    }

    /// Lit's key type of a secp256k1 ECDSA key.
    uint256 public constant ECDSA_KEY_TYPE = 2;

    event PubkeyRoutingDataSet(uint256 indexed tokenId, bytes pubkey, address stakingContract, uint256 keyType,
                               bytes32 derivedKeyId);

    mapping(uint256 => PubKeyRoutingData) private _routing;
    mapping(address => uint256) private _pkpOfAddress;
    uint256[] private _pool;
    uint256 private _nextInPool;
    address private _pkpNft;

    constructor() {
        _setOwner(msg.sender);
    }

    /// litj: names the PKPNFT contract that may take keys from the pool; callable once.
    function setPkpNftAddress(address pkpNft) external onlyOwner {
        require(_pkpNft == address(0), "litj: PKPNFT address already set");
        require(pkpNft != address(0), "litj: PKPNFT is the zero address");
        _pkpNft = pkpNft;
    }

    function setRoutingData(uint256 tokenId, bytes memory pubkey, address stakingContract, uint256 keyType,
                            bytes32 derivedKeyId) external onlyOwner {
        require(keyType == ECDSA_KEY_TYPE, "litj: only key type 2 (ECDSA) is supported");
        require(pubkey.length == 65 && pubkey[0] == 0x04, "litj: pubkey must be 65 bytes, uncompressed");
        require(tokenId == uint256(keccak256(pubkey)), "litj: token id must be keccak256 of the pubkey");
        require(_routing[tokenId].pubkey.length == 0, "litj: token id already routed");
        _routing[tokenId] = PubKeyRoutingData(pubkey, keyType, derivedKeyId);
        _pkpOfAddress[deriveEthAddressFromPubkey(pubkey)] = tokenId;
        _pool.push(tokenId);
        emit PubkeyRoutingDataSet(tokenId, pubkey, stakingContract, keyType, derivedKeyId);
    }

    /// litj: the next routed key, for PKPNFT's `mintNext` only; each key is handed out once.
    function takeNextKey() external returns (uint256) {
        require(msg.sender == _pkpNft, "litj: only PKPNFT takes keys from the pool");
        require(_nextInPool < _pool.length, "litj: the key pool is empty; the nodes must make more keys");
        uint256 tokenId = _pool[_nextInPool];
        _nextInPool += 1;
        return tokenId;
    }

    /// litj: how many routed keys no one has minted yet.
    function keyPoolSize() external view returns (uint256) {
        return _pool.length - _nextInPool;
    }

    function getRoutingData(uint256 tokenId) external view returns (PubKeyRoutingData memory) {
        return _routing[tokenId];
    }

    function isRouted(uint256 tokenId) external view returns (bool) {
        return _routing[tokenId].pubkey.length != 0;
    }

    function getPubkey(uint256 tokenId) external view returns (bytes memory) {
        return _routing[tokenId].pubkey;
    }

    function getEthAddress(uint256 tokenId) external view returns (address) {
        bytes memory pubkey = _routing[tokenId].pubkey;
        return pubkey.length == 0 ? address(0) : deriveEthAddressFromPubkey(pubkey);
    }

    function ethAddressToPkpId(address ethAddress) external view returns (uint256) {
        return _pkpOfAddress[ethAddress];
    }

    function deriveEthAddressFromPubkey(bytes memory pubkey) public pure returns (address) {
        require(pubkey.length == 65, "litj: pubkey must be 65 bytes, uncompressed");
        bytes memory point = new bytes(64);
        for (uint256 i = 0; i < 64; i++) {
            point[i] = pubkey[i + 1];
        }
        return address(uint160(uint256(keccak256(point))));
    }
}
