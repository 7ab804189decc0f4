// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./PKPPermissions.sol";

/// @title PKPHelper (litj)
/// @notice Mints a PKP and permits its auth methods in one transaction, as the Lit contracts SDK's mint helpers
/// call it: the helper mints to itself, adds the permissions as the PKP's owner, then hands the PKP to the
/// caller (or to the PKP's own address).
contract PKPHelper is Owned {
    uint256 public constant MAX_AUTH_METHODS_PER_MINT = 16;

    PKPNFT private immutable _pkpNft;
    PKPPermissions private immutable _permissions;

    constructor(PKPNFT pkpNft, PKPPermissions permissions) {
        _pkpNft = pkpNft;
        _permissions = permissions;
        _setOwner(msg.sender);
    }

    function mintNextAndAddAuthMethods(uint256 keyType, uint256[] memory permittedAuthMethodTypes,
                                       bytes[] memory permittedAuthMethodIds,
                                       bytes[] memory permittedAuthMethodPubkeys,
                                       uint256[][] memory permittedAuthMethodScopes,
                                       bool addPkpEthAddressAsPermittedAddress, bool sendPkpToItself)
        external payable returns (uint256) {
        uint256 n = permittedAuthMethodTypes.length;
        require(n == permittedAuthMethodIds.length && n == permittedAuthMethodPubkeys.length
            && n == permittedAuthMethodScopes.length, "litj: auth method arrays differ in length");
        require(n <= MAX_AUTH_METHODS_PER_MINT, "litj: too many auth methods in one mint");
        uint256 tokenId = _pkpNft.mintNext{value: msg.value}(keyType);
        for (uint256 i = 0; i < n; i++) {
            _permissions.addPermittedAuthMethod(tokenId, PKPPermissions.AuthMethod(permittedAuthMethodTypes[i],
                permittedAuthMethodIds[i], permittedAuthMethodPubkeys[i]), permittedAuthMethodScopes[i]);
        }
        address pkpAddress = _pkpNft.getEthAddress(tokenId);
        if (addPkpEthAddressAsPermittedAddress) {
            _permissions.addPermittedAddress(tokenId, pkpAddress, new uint256[](0));
        }
        _pkpNft.safeTransferFrom(address(this), sendPkpToItself ? pkpAddress : msg.sender, tokenId);
        return tokenId;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external view returns (bytes4) {
        return this.onERC721Received.selector;
    }

    function getPkpNftAddress() external view returns (address) {
        return address(_pkpNft);
    }

    function getPkpPermissionsAddress() external view returns (address) {
        return address(_permissions);
    }
}
