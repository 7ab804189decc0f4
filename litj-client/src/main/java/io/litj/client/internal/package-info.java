/**
 * Mechanics behind {@code io.litj.client}: URL rules, node fan-out and error bodies, the chain RPC caller (its
 * envelopes and the Staking ABI are {@code io.litj.protocol.chain}), majority votes, the session file format. Not
 * API: anything here may change without notice.
 */
package io.litj.client.internal;
