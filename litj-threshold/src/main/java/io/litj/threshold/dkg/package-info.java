/**
 * Distributed key generation: {@code n} parties jointly create a key whose secret no one ever holds, each ending
 * with a Shamir share of it (threshold {@code t}) and all with the same public key and verification data.
 *
 * <p>{@link io.litj.threshold.dkg.DkgParty} is the per-party state machine (joint-Feldman DKG: Pedersen, "A
 * threshold cryptosystem without a trusted party", 1991, with the complaint round of Gennaro, Jarecki, Krawczyk,
 * Rabin, J. Cryptology 2007); the message records ({@link io.litj.threshold.dkg.DkgCommitment},
 * {@link io.litj.threshold.dkg.DkgPrivateShare}, {@link io.litj.threshold.dkg.DkgComplaint},
 * {@link io.litj.threshold.dkg.DkgReveal}) name sender and recipient explicitly and carry no transport concerns.
 * Works over both {@link io.litj.threshold.shamir.Group}s.
 *
 * <p>Known limit of joint-Feldman (GJKR 2007 §3): a rushing adversary can bias the distribution of the group public
 * key, though not learn the secret; acceptable for signing keys, which is Lit's use. No I/O; randomness is
 * injected; nothing returns {@code null}.
 */
package io.litj.threshold.dkg;
