/**
 * Mechanics behind {@code io.litj.client}: URL rules, node fan-out and error bodies, the Staking contract's ABI,
 * JSON-RPC, majority votes, the session file format. Not API: anything here may change without notice.
 */
package io.litj.client.internal;
