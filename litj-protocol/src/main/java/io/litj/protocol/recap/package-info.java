/**
 * ERC-5573 ReCaps: the model ({@link io.litj.protocol.recap.Recap}), URN encoding
 * ({@link io.litj.protocol.recap.RecapCodec}), adding a ReCap to a SIWE message
 * ({@link io.litj.protocol.recap.SiweRecaps}) and Lit's coverage rule ({@link io.litj.protocol.recap.RecapCoverage}).
 * Byte-compatible with npm {@code siwe-recap@0.0.2-alpha.0} and the Rust {@code siwe-recap} crate nodes use.
 * No I/O.
 */
package io.litj.protocol.recap;
