// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./Owned.sol";

interface IERC721Receiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external returns (bytes4);
}

/// @title LitjERC721
/// @notice A small enumerable ERC-721 (EIP-721 with the enumeration extension): what PKPNFT and RateLimitNFT share.
/// Written for litj; token ids are given by the subclass when it mints.
abstract contract LitjERC721 is Owned {
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    mapping(uint256 => address) private _owners;
    mapping(address => uint256[]) private _owned;
    mapping(uint256 => uint256) private _ownedIndex;
    uint256[] private _all;
    mapping(uint256 => address) private _approvals;
    mapping(address => mapping(address => bool)) private _operators;

    function name() external view virtual returns (string memory);

    function symbol() external view virtual returns (string memory);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == 0x01ffc9a7 || interfaceId == 0x80ac58cd || interfaceId == 0x780e9d63;
    }

    function balanceOf(address holder) external view returns (uint256) {
        require(holder != address(0), "litj: balance of the zero address");
        return _owned[holder].length;
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        address holder = _owners[tokenId];
        require(holder != address(0), "litj: token does not exist");
        return holder;
    }

    function _exists(uint256 tokenId) internal view returns (bool) {
        return _owners[tokenId] != address(0);
    }

    function totalSupply() external view returns (uint256) {
        return _all.length;
    }

    function tokenByIndex(uint256 index) external view returns (uint256) {
        require(index < _all.length, "litj: index out of bounds");
        return _all[index];
    }

    function tokenOfOwnerByIndex(address holder, uint256 index) external view returns (uint256) {
        require(index < _owned[holder].length, "litj: owner index out of bounds");
        return _owned[holder][index];
    }

    function approve(address to, uint256 tokenId) external {
        address holder = ownerOf(tokenId);
        require(msg.sender == holder || _operators[holder][msg.sender], "litj: not the owner nor an operator");
        _approvals[tokenId] = to;
        emit Approval(holder, to, tokenId);
    }

    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return _approvals[tokenId];
    }

    function setApprovalForAll(address operator, bool approved) external {
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function isApprovedForAll(address holder, address operator) external view returns (bool) {
        return _operators[holder][operator];
    }

    function transferFrom(address from, address to, uint256 tokenId) public {
        address holder = ownerOf(tokenId);
        require(holder == from, "litj: transfer from an account that does not own the token");
        require(to != address(0), "litj: transfer to the zero address");
        require(msg.sender == holder || _approvals[tokenId] == msg.sender || _operators[holder][msg.sender],
            "litj: caller may not transfer this token");
        delete _approvals[tokenId];
        _removeFromOwner(from, tokenId);
        _addToOwner(to, tokenId);
        emit Transfer(from, to, tokenId);
    }

    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        _checkReceiver(from, to, tokenId, data);
    }

    /// The owner takes what minters paid.
    function withdraw() external onlyOwner {
        (bool sent, ) = msg.sender.call{value: address(this).balance}("");
        require(sent, "litj: withdraw failed");
    }

    function _mint(address to, uint256 tokenId) internal {
        require(to != address(0), "litj: mint to the zero address");
        require(_owners[tokenId] == address(0), "litj: token already minted");
        _all.push(tokenId);
        _addToOwner(to, tokenId);
        emit Transfer(address(0), to, tokenId);
    }

    function _checkReceiver(address from, address to, uint256 tokenId, bytes memory data) internal {
        if (to.code.length > 0) {
            bytes4 answer = IERC721Receiver(to).onERC721Received(msg.sender, from, tokenId, data);
            require(answer == IERC721Receiver.onERC721Received.selector, "litj: receiver refused the token");
        }
    }

    function _addToOwner(address to, uint256 tokenId) private {
        _owners[tokenId] = to;
        _ownedIndex[tokenId] = _owned[to].length;
        _owned[to].push(tokenId);
    }

    function _removeFromOwner(address from, uint256 tokenId) private {
        uint256[] storage list = _owned[from];
        uint256 at = _ownedIndex[tokenId];
        uint256 last = list[list.length - 1];
        list[at] = last;
        _ownedIndex[last] = at;
        list.pop();
        delete _ownedIndex[tokenId];
        delete _owners[tokenId];
    }
}
