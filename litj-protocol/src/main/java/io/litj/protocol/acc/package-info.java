/**
 * Access-control conditions: the four kinds a Lit request may carry (basic EVM, EVM contract, Solana RPC, unified)
 * as typed values, a strict parser with the node's limits, the canonical JSON that the JS SDK 7.4.0 formatters and
 * the node's re-serialization produce, its SHA-256 ({@code hashOfConditions}), and the decryption identity
 * {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>} with its session-sig resources.
 *
 * <p>Spec: {@code lit-node-behaviour.md} §1.5, §1.6, §6.1; {@code js-sdk-v7-wire-format.md} §8.4–8.5; page
 * {@code docs/access-control-conditions.md}. Nothing here evaluates a condition or touches a chain: pure, no I/O.
 * Nothing public returns null: absent values are {@code Optional}, lists are empty and unmodifiable.
 */
package io.litj.protocol.acc;
