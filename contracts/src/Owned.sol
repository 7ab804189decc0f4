// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Owned
/// @notice One owner per contract: the account that deployed it (or, for a contract placed by code at a fixed
/// address, the account that called `initialize` first). Only the owner calls the `onlyOwner` functions.
abstract contract Owned {
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    address private _owner;

    modifier onlyOwner() {
        require(msg.sender == _owner, "litj: caller is not the owner");
        _;
    }

    function owner() external view returns (address) {
        return _owner;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "litj: new owner is the zero address");
        _setOwner(newOwner);
    }

    function _setOwner(address newOwner) internal {
        emit OwnershipTransferred(_owner, newOwner);
        _owner = newOwner;
    }

    function _hasOwner() internal view returns (bool) {
        return _owner != address(0);
    }

    /// Anything litj does not implement reverts with a reason instead of failing silently.
    fallback() external payable {
        revert("litj: function not supported by litj's contracts");
    }
}
