/**
 * Sign-In with Ethereum (EIP-4361): the message record, a renderer byte-identical to {@code siwe@2.3.2}, a
 * strict parser, and {@link io.litj.protocol.siwe.LitSiweBuilder} with the Lit JS SDK helper defaults. No I/O.
 */
package io.litj.protocol.siwe;
