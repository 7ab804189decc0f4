// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./LitjERC721.sol";

/// @title RateLimitNFT (litj)
/// @notice Capacity credits as ERC-721 tokens: each pays for `requestsPerKilosecond` until `expiresAt`. A minter
/// pays `requestsPerKilosecond * additionalRequestsPerKilosecondCost * seconds left` wei; `mint` gives the
/// requests that payment buys at the mining block (so the cost quoted a block earlier buys at least as many).
contract RateLimitNFT is LitjERC721 {
    struct RateLimit {
        uint256 requestsPerKilosecond;
        uint256 expiresAt;
    }

    /// More requests per kilosecond than this in one credit is refused.
    uint256 public constant MAX_REQUESTS_PER_KILOSECOND = 1e12;

    event AdditionalRequestsPerKilosecondCostSet(uint256 newCost);
    event MaxExpirationSecondsSet(uint256 newMaxExpirationSeconds);

    mapping(uint256 => RateLimit) private _capacity;
    uint256 public tokenIdCounter;
    uint256 public additionalRequestsPerKilosecondCost = 1;
    uint256 public maxExpirationSeconds = 366 days;

    constructor() {
        _setOwner(msg.sender);
    }

    function name() external pure override returns (string memory) {
        return "Rate Limit Increases on Lit Protocol";
    }

    function symbol() external pure override returns (string memory) {
        return "RLI";
    }

    function setAdditionalRequestsPerKilosecondCost(uint256 newCost) external onlyOwner {
        require(newCost > 0, "litj: the cost must be positive");
        additionalRequestsPerKilosecondCost = newCost;
        emit AdditionalRequestsPerKilosecondCostSet(newCost);
    }

    function setMaxExpirationSeconds(uint256 newMaxExpirationSeconds) external onlyOwner {
        maxExpirationSeconds = newMaxExpirationSeconds;
        emit MaxExpirationSecondsSet(newMaxExpirationSeconds);
    }

    function calculateCost(uint256 requestsPerKilosecond, uint256 expiresAt) public view returns (uint256) {
        return requestsPerKilosecond * additionalRequestsPerKilosecondCost * _secondsLeft(expiresAt);
    }

    function calculateRequestsPerKilosecond(uint256 payment, uint256 expiresAt) public view returns (uint256) {
        return payment / (additionalRequestsPerKilosecondCost * _secondsLeft(expiresAt));
    }

    function mint(uint256 expiresAt) external payable returns (uint256) {
        uint256 requests = calculateRequestsPerKilosecond(msg.value, expiresAt);
        require(requests > 0, "litj: the payment buys no requests");
        require(requests <= MAX_REQUESTS_PER_KILOSECOND, "litj: more requests per kilosecond than one credit holds");
        tokenIdCounter += 1;
        uint256 tokenId = tokenIdCounter;
        _capacity[tokenId] = RateLimit(requests, expiresAt);
        _mint(msg.sender, tokenId);
        return tokenId;
    }

    function capacity(uint256 tokenId) external view returns (RateLimit memory) {
        return _capacity[tokenId];
    }

    function isExpired(uint256 tokenId) external view returns (bool) {
        return _capacity[tokenId].expiresAt <= block.timestamp;
    }

    function _secondsLeft(uint256 expiresAt) private view returns (uint256) {
        require(expiresAt > block.timestamp, "litj: expiresAt must lie in the future");
        require(expiresAt - block.timestamp <= maxExpirationSeconds, "litj: expiresAt lies too far ahead");
        return expiresAt - block.timestamp;
    }
}
