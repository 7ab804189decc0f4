// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./Owned.sol";

/// @title Staking (litj)
/// @notice The validator set of a litj network, read by Lit clients at connect through
/// `getActiveUnkickedValidatorStructsAndCounts()` with the types of Lit's Staking ABI. Stakers are admitted by
/// the owner; an admitted staker registers its node with `requestToJoin` and the node joins the current epoch at
/// once (litj has no epoch-change voting). No constructor and no immutables: a devnet may place this code at the
/// address the JS SDK knows for `custom` networks and then call `initialize`.
contract Staking is Owned {
    struct Epoch {
        uint256 epochLength;
        uint256 number;
        uint256 endTime;
        uint256 retries;
        uint256 timeout;
    }

    struct Validator {
        uint32 ip;
        uint128 ipv6;
        uint32 port;
        address nodeAddress;
        uint256 reward;
        uint256 senderPubKey;
        uint256 receiverPubKey;
    }

    /// The most validators one network holds (bounds every loop over the set).
    uint256 public constant MAX_VALIDATORS = 64;
    uint256 private constant EPOCH_TIMEOUT = 60;

    event StateChanged(uint8 newState);
    event RequestToJoin(address indexed staker);
    event RequestToLeave(address indexed staker);
    event EpochLengthSet(uint256 newEpochLength);
    /// litj: a staker admitted or dismissed by the owner.
    event StakerAllowed(address indexed staker, bool allowed);
    /// litj: the owner named the network's other contracts.
    event LitjContractsSet(address pubkeyRouter, address pkpNft, address pkpPermissions, address rateLimitNft,
                           address pkpHelper);

    Epoch private _epoch;
    address[] private _active;
    mapping(address => Validator) private _validators;
    mapping(address => address) private _stakerOfNode;
    mapping(address => bool) private _allowed;
    mapping(address => bool) private _joined;
    address[5] private _contracts;

    /// litj: sets the owner and starts epoch 1 now; callable once.
    function initialize(address admin, uint256 epochLength) external {
        require(!_hasOwner(), "litj: already initialized");
        require(admin != address(0), "litj: admin is the zero address");
        require(epochLength > 0, "litj: epoch length must be positive");
        _setOwner(admin);
        _epoch = Epoch(epochLength, 1, block.timestamp + epochLength, 0, EPOCH_TIMEOUT);
        emit EpochLengthSet(epochLength);
        emit StateChanged(0);
    }

    /// litj: names the network's other contracts, so that a node given only this contract's address finds them.
    function setLitjContracts(address pubkeyRouter, address pkpNft, address pkpPermissions, address rateLimitNft,
                              address pkpHelper) external onlyOwner {
        require(pubkeyRouter != address(0) && pkpNft != address(0) && pkpPermissions != address(0)
            && rateLimitNft != address(0) && pkpHelper != address(0), "litj: a contract address is zero");
        _contracts = [pubkeyRouter, pkpNft, pkpPermissions, rateLimitNft, pkpHelper];
        emit LitjContractsSet(pubkeyRouter, pkpNft, pkpPermissions, rateLimitNft, pkpHelper);
    }

    /// litj: the network's other contracts (all zero until the owner names them).
    function litjContracts() external view returns (address pubkeyRouter, address pkpNft, address pkpPermissions,
                                                    address rateLimitNft, address pkpHelper) {
        return (_contracts[0], _contracts[1], _contracts[2], _contracts[3], _contracts[4]);
    }

    /// litj: admits (or dismisses) a staker; only admitted stakers join.
    function adminAllowStaker(address staker, bool allowed) external onlyOwner {
        require(staker != address(0), "litj: staker is the zero address");
        _allowed[staker] = allowed;
        emit StakerAllowed(staker, allowed);
    }

    function requestToJoin(uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256 senderPubKey,
                           uint256 receiverPubKey) external {
        require(_allowed[msg.sender], "litj: staker is not admitted");
        require(!_joined[msg.sender], "litj: staker already joined");
        require(_active.length < MAX_VALIDATORS, "litj: validator set is full");
        _joined[msg.sender] = true;
        _active.push(msg.sender);
        _setNode(ip, ipv6, port, nodeAddress, senderPubKey, receiverPubKey);
        emit RequestToJoin(msg.sender);
        emit StateChanged(0);
    }

    function setIpPortNodeAddressAndCommunicationPubKeys(uint32 ip, uint128 ipv6, uint32 port, address nodeAddress,
                                                         uint256 senderPubKey, uint256 receiverPubKey) external {
        require(_joined[msg.sender], "litj: staker has not joined");
        delete _stakerOfNode[_validators[msg.sender].nodeAddress];
        _setNode(ip, ipv6, port, nodeAddress, senderPubKey, receiverPubKey);
        emit StateChanged(0);
    }

    function requestToLeave() external {
        require(_joined[msg.sender], "litj: staker has not joined");
        uint256 n = _active.length;
        for (uint256 i = 0; i < n; i++) {
            if (_active[i] == msg.sender) {
                for (uint256 j = i + 1; j < n; j++) {
                    _active[j - 1] = _active[j];
                }
                _active.pop();
                break;
            }
        }
        delete _stakerOfNode[_validators[msg.sender].nodeAddress];
        delete _validators[msg.sender];
        _joined[msg.sender] = false;
        emit RequestToLeave(msg.sender);
        emit StateChanged(0);
    }

    /// The owner starts the next epoch now.
    function advanceEpoch() external onlyOwner {
        _epoch.number += 1;
        _epoch.endTime = block.timestamp + _epoch.epochLength;
        emit StateChanged(0);
    }

    function setEpochLength(uint256 newEpochLength) external onlyOwner {
        require(newEpochLength > 0, "litj: epoch length must be positive");
        _epoch.endTime = _epoch.endTime - _epoch.epochLength + newEpochLength;
        _epoch.epochLength = newEpochLength;
        emit EpochLengthSet(newEpochLength);
    }

    function epoch() external view returns (Epoch memory) {
        return _epoch;
    }

    /// 0: active (litj's network never leaves this state).
    function state() external pure returns (uint8) {
        return 0;
    }

    function currentValidatorCountForConsensus() public view returns (uint256) {
        uint256 n = _active.length;
        if (n < 3) {
            return n;
        }
        uint256 t = (2 * n) / 3;
        return t < 2 ? 2 : t;
    }

    function getActiveUnkickedValidators() external view returns (address[] memory) {
        return _active;
    }

    function getValidatorsInCurrentEpoch() external view returns (address[] memory) {
        return _active;
    }

    function getValidatorsInCurrentEpochLength() external view returns (uint256) {
        return _active.length;
    }

    function getActiveUnkickedValidatorStructs() public view returns (Validator[] memory) {
        Validator[] memory out = new Validator[](_active.length);
        for (uint256 i = 0; i < _active.length; i++) {
            out[i] = _validators[_active[i]];
        }
        return out;
    }

    function getActiveUnkickedValidatorStructsAndCounts()
        external view returns (Epoch memory, uint256, Validator[] memory) {
        return (_epoch, currentValidatorCountForConsensus(), getActiveUnkickedValidatorStructs());
    }

    function validators(address staker) external view returns (Validator memory) {
        return _validators[staker];
    }

    function nodeAddressToStakerAddress(address nodeAddress) external view returns (address) {
        return _stakerOfNode[nodeAddress];
    }

    function isActiveValidator(address staker) external view returns (bool) {
        return _joined[staker];
    }

    function isActiveValidatorByNodeAddress(address nodeAddress) external view returns (bool) {
        return _stakerOfNode[nodeAddress] != address(0);
    }

    function _setNode(uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256 senderPubKey,
                      uint256 receiverPubKey) private {
        require(nodeAddress != address(0), "litj: node address is the zero address");
        require(port != 0, "litj: port is zero");
        require(_stakerOfNode[nodeAddress] == address(0), "litj: node address already registered");
        _stakerOfNode[nodeAddress] = msg.sender;
        _validators[msg.sender] = Validator(ip, ipv6, port, nodeAddress, 0, senderPubKey, receiverPubKey);
    }
}
