// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./PKPNFT.sol";

/// @title PKPPermissions (litj)
/// @notice Which auth methods a PKP permits, with scopes, as Lit's PKPPermissions: an auth method is
/// `(authMethodType, id, userPubkey)`, type 1 an Ethereum address (id: its 20 bytes, or the 32 bytes of
/// keccak256("<address>:lit") as Lit's contracts SDK writes it), type 2 a Lit Action (id: the IPFS CID's multihash
/// bytes). Only the PKP's owner (PKPNFT.ownerOf) changes them. Lists are bounded: at most
/// MAX_AUTH_METHODS per PKP and MAX_TOKENS_PER_AUTH_METHOD PKPs per auth method, scope ids below 256.
contract PKPPermissions is Owned {
    struct AuthMethod {
        uint256 authMethodType;
        bytes id;
        bytes userPubkey;
    }

    uint256 public constant MAX_AUTH_METHODS = 32;
    uint256 public constant MAX_TOKENS_PER_AUTH_METHOD = 1024;
    uint256 private constant ADDRESS_TYPE = 1;
    uint256 private constant ACTION_TYPE = 2;
    uint256 private constant MAX_SCOPE_ID = 255;

    event PermittedAuthMethodAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, bytes userPubkey);
    event PermittedAuthMethodRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id);
    event PermittedAuthMethodScopeAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, uint256 scopeId);
    event PermittedAuthMethodScopeRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id,
                                          uint256 scopeId);

    PKPNFT private immutable _pkpNft;
    mapping(uint256 => AuthMethod) private _methods;
    mapping(uint256 => uint256[]) private _permitted;
    mapping(uint256 => mapping(uint256 => uint256)) private _permittedSlot;
    mapping(uint256 => mapping(uint256 => uint256)) private _scopes;
    mapping(uint256 => uint256[]) private _tokensOf;
    mapping(uint256 => mapping(uint256 => uint256)) private _tokenSlot;

    constructor(PKPNFT pkpNft) {
        _pkpNft = pkpNft;
        _setOwner(msg.sender);
    }

    modifier onlyPkpOwner(uint256 tokenId) {
        require(_pkpNft.ownerOf(tokenId) == msg.sender, "litj: only the PKP's owner changes its permissions");
        _;
    }

    function getAuthMethodId(uint256 authMethodType, bytes memory id) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(authMethodType, id)));
    }

    function addPermittedAuthMethod(uint256 tokenId, AuthMethod memory authMethod, uint256[] memory scopes)
        public onlyPkpOwner(tokenId) {
        _add(tokenId, authMethod, scopes);
    }

    function addPermittedAction(uint256 tokenId, bytes memory ipfsCID, uint256[] memory scopes)
        external onlyPkpOwner(tokenId) {
        _add(tokenId, AuthMethod(ACTION_TYPE, ipfsCID, ""), scopes);
    }

    function addPermittedAddress(uint256 tokenId, address user, uint256[] memory scopes)
        external onlyPkpOwner(tokenId) {
        _add(tokenId, AuthMethod(ADDRESS_TYPE, abi.encodePacked(user), ""), scopes);
    }

    function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes memory id)
        public onlyPkpOwner(tokenId) {
        _remove(tokenId, authMethodType, id);
    }

    function removePermittedAction(uint256 tokenId, bytes memory ipfsCID) external onlyPkpOwner(tokenId) {
        _remove(tokenId, ACTION_TYPE, ipfsCID);
    }

    function removePermittedAddress(uint256 tokenId, address user) external onlyPkpOwner(tokenId) {
        _remove(tokenId, ADDRESS_TYPE, abi.encodePacked(user));
    }

    function addPermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes memory id, uint256 scopeId)
        external onlyPkpOwner(tokenId) {
        uint256 am = _requirePermitted(tokenId, authMethodType, id);
        require(scopeId <= MAX_SCOPE_ID, "litj: scope id above 255");
        _scopes[tokenId][am] |= (1 << scopeId);
        emit PermittedAuthMethodScopeAdded(tokenId, authMethodType, id, scopeId);
    }

    function removePermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes memory id,
                                            uint256 scopeId) external onlyPkpOwner(tokenId) {
        uint256 am = _requirePermitted(tokenId, authMethodType, id);
        require(scopeId <= MAX_SCOPE_ID, "litj: scope id above 255");
        _scopes[tokenId][am] &= ~(1 << scopeId);
        emit PermittedAuthMethodScopeRemoved(tokenId, authMethodType, id, scopeId);
    }

    function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes memory id)
        public view returns (bool) {
        return _permittedSlot[tokenId][getAuthMethodId(authMethodType, id)] != 0;
    }

    function isPermittedAction(uint256 tokenId, bytes memory ipfsCID) external view returns (bool) {
        return isPermittedAuthMethod(tokenId, ACTION_TYPE, ipfsCID);
    }

    function isPermittedAddress(uint256 tokenId, address user) external view returns (bool) {
        return isPermittedAuthMethod(tokenId, ADDRESS_TYPE, abi.encodePacked(user));
    }

    function isPermittedAuthMethodScopePresent(uint256 tokenId, uint256 authMethodType, bytes memory id,
                                               uint256 scopeId) external view returns (bool) {
        return scopeId <= MAX_SCOPE_ID
            && (_scopes[tokenId][getAuthMethodId(authMethodType, id)] & (1 << scopeId)) != 0;
    }

    /// One flag per scope id in 0..maxScopeId-1 (maxScopeId at most 256).
    function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes memory id,
                                          uint256 maxScopeId) external view returns (bool[] memory) {
        require(maxScopeId <= MAX_SCOPE_ID + 1, "litj: maxScopeId above 256");
        uint256 bits = _scopes[tokenId][getAuthMethodId(authMethodType, id)];
        bool[] memory out = new bool[](maxScopeId);
        for (uint256 i = 0; i < maxScopeId; i++) {
            out[i] = (bits & (1 << i)) != 0;
        }
        return out;
    }

    function getPermittedAuthMethods(uint256 tokenId) external view returns (AuthMethod[] memory) {
        uint256[] storage ids = _permitted[tokenId];
        AuthMethod[] memory out = new AuthMethod[](ids.length);
        for (uint256 i = 0; i < ids.length; i++) {
            out[i] = _methods[ids[i]];
        }
        return out;
    }

    function getPermittedActions(uint256 tokenId) external view returns (bytes[] memory) {
        uint256[] storage ids = _permitted[tokenId];
        bytes[] memory out = new bytes[](_count(ids, ACTION_TYPE));
        uint256 n = 0;
        for (uint256 i = 0; i < ids.length; i++) {
            if (_methods[ids[i]].authMethodType == ACTION_TYPE) {
                out[n++] = _methods[ids[i]].id;
            }
        }
        return out;
    }

    function getPermittedAddresses(uint256 tokenId) external view returns (address[] memory) {
        uint256[] storage ids = _permitted[tokenId];
        uint256 n = 0;
        for (uint256 i = 0; i < ids.length; i++) {
            if (_isAddress(_methods[ids[i]])) {
                n++;
            }
        }
        address[] memory out = new address[](n);
        n = 0;
        for (uint256 i = 0; i < ids.length; i++) {
            if (_isAddress(_methods[ids[i]])) {
                out[n++] = address(bytes20(_methods[ids[i]].id));
            }
        }
        return out;
    }

    function getTokenIdsForAuthMethod(uint256 authMethodType, bytes memory id)
        external view returns (uint256[] memory) {
        return _tokensOf[getAuthMethodId(authMethodType, id)];
    }

    function getUserPubkeyForAuthMethod(uint256 authMethodType, bytes memory id)
        external view returns (bytes memory) {
        return _methods[getAuthMethodId(authMethodType, id)].userPubkey;
    }

    function getPubkey(uint256 tokenId) external view returns (bytes memory) {
        return _pkpNft.getPubkey(tokenId);
    }

    function getEthAddress(uint256 tokenId) external view returns (address) {
        return _pkpNft.getEthAddress(tokenId);
    }

    function getPkpNftAddress() external view returns (address) {
        return address(_pkpNft);
    }

    function _add(uint256 tokenId, AuthMethod memory authMethod, uint256[] memory scopes) private {
        require(authMethod.authMethodType != 0, "litj: auth method type 0 is not an auth method");
        require(authMethod.id.length > 0 && authMethod.id.length <= 256, "litj: auth method id must be 1..256 bytes");
        require(authMethod.authMethodType != ADDRESS_TYPE || authMethod.id.length == 20 || authMethod.id.length == 32,
            "litj: an address auth method id is 20 bytes, or 32 (keccak256 of \"<address>:lit\")");
        uint256 am = getAuthMethodId(authMethod.authMethodType, authMethod.id);
        require(_permittedSlot[tokenId][am] == 0, "litj: auth method already permitted");
        require(_permitted[tokenId].length < MAX_AUTH_METHODS, "litj: the PKP permits too many auth methods");
        require(_tokensOf[am].length < MAX_TOKENS_PER_AUTH_METHOD, "litj: auth method permitted by too many PKPs");
        uint256 bits = 0;
        for (uint256 i = 0; i < scopes.length; i++) {
            require(scopes[i] <= MAX_SCOPE_ID, "litj: scope id above 255");
            bits |= (1 << scopes[i]);
        }
        _methods[am] = authMethod;
        _permitted[tokenId].push(am);
        _permittedSlot[tokenId][am] = _permitted[tokenId].length;
        _tokensOf[am].push(tokenId);
        _tokenSlot[am][tokenId] = _tokensOf[am].length;
        _scopes[tokenId][am] = bits;
        emit PermittedAuthMethodAdded(tokenId, authMethod.authMethodType, authMethod.id, authMethod.userPubkey);
        for (uint256 i = 0; i < scopes.length; i++) {
            emit PermittedAuthMethodScopeAdded(tokenId, authMethod.authMethodType, authMethod.id, scopes[i]);
        }
    }

    function _remove(uint256 tokenId, uint256 authMethodType, bytes memory id) private {
        uint256 am = _requirePermitted(tokenId, authMethodType, id);
        _unlink(_permitted[tokenId], _permittedSlot[tokenId], am);
        _unlink(_tokensOf[am], _tokenSlot[am], tokenId);
        delete _scopes[tokenId][am];
        emit PermittedAuthMethodRemoved(tokenId, authMethodType, id);
    }

    /// Removes `value` from `list` (order not kept), where `slot[value]` is its position plus one.
    function _unlink(uint256[] storage list, mapping(uint256 => uint256) storage slot, uint256 value) private {
        uint256 at = slot[value] - 1;
        uint256 last = list[list.length - 1];
        list[at] = last;
        slot[last] = at + 1;
        list.pop();
        delete slot[value];
    }

    function _requirePermitted(uint256 tokenId, uint256 authMethodType, bytes memory id)
        private view returns (uint256) {
        uint256 am = getAuthMethodId(authMethodType, id);
        require(_permittedSlot[tokenId][am] != 0, "litj: auth method not permitted");
        return am;
    }

    /// Type 1 with the address itself as id (a keccak256 id names no address that could be listed).
    function _isAddress(AuthMethod storage m) private view returns (bool) {
        return m.authMethodType == ADDRESS_TYPE && m.id.length == 20;
    }

    function _count(uint256[] storage ids, uint256 authMethodType) private view returns (uint256 n) {
        for (uint256 i = 0; i < ids.length; i++) {
            if (_methods[ids[i]].authMethodType == authMethodType) {
                n++;
            }
        }
    }
}
