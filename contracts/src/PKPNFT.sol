// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./LitjERC721.sol";
import "./PubkeyRouter.sol";

/// @title PKPNFT (litj)
/// @notice Ownership of PKPs as ERC-721 tokens. `mintNext` takes the next key from the PubkeyRouter's pool (keys
/// the nodes made by DKG ahead of time) and gives it to the minter in the same transaction; the first log of the
/// mint is `PKPMinted(tokenId, pubkey)`, as the Lit contracts SDK reads it.
contract PKPNFT is LitjERC721 {
    event PKPMinted(uint256 indexed tokenId, bytes pubkey);
    event MintCostSet(uint256 newMintCost);

    PubkeyRouter private immutable _router;
    uint256 public mintCost;

    constructor(PubkeyRouter router) {
        _router = router;
        _setOwner(msg.sender);
    }

    function name() external pure override returns (string memory) {
        return "Programmable Keypair";
    }

    function symbol() external pure override returns (string memory) {
        return "PKP";
    }

    function setMintCost(uint256 newMintCost) external onlyOwner {
        mintCost = newMintCost;
        emit MintCostSet(newMintCost);
    }

    function mintNext(uint256 keyType) external payable returns (uint256) {
        require(keyType == _router.ECDSA_KEY_TYPE(), "litj: only key type 2 (ECDSA) is supported");
        require(msg.value == mintCost, "litj: send exactly mintCost");
        uint256 tokenId = _router.takeNextKey();
        emit PKPMinted(tokenId, _router.getPubkey(tokenId));
        _mint(msg.sender, tokenId);
        return tokenId;
    }

    function exists(uint256 tokenId) external view returns (bool) {
        return _exists(tokenId);
    }

    function getPubkey(uint256 tokenId) external view returns (bytes memory) {
        return _router.getPubkey(tokenId);
    }

    function getEthAddress(uint256 tokenId) external view returns (address) {
        return _router.getEthAddress(tokenId);
    }

    function getRouterAddress() external view returns (address) {
        return address(_router);
    }
}
