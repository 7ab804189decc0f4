/**
 * litj-threshold: BLS12-381 threshold signatures, Shamir/Feldman sharing and DKG. Pure math: no network or file
 * I/O. {@code io.litj.threshold.internal} is exported to no module.
 *
 * <p>{@code jblst} is {@code jblst-0.3.17.jar}, an automatic module named after its file (no descriptor, no
 * {@code Automatic-Module-Name}); no blst type appears in this module's API, so it is not transitive.
 */
@SuppressWarnings("requires-automatic") // jblst: see above
module io.litj.threshold {
    requires transitive io.litj.protocol;
    requires jblst;
    requires org.bouncycastle.provider;

    exports io.litj.threshold;
    exports io.litj.threshold.bls;
    exports io.litj.threshold.dkg;
    exports io.litj.threshold.ecdsa;
    exports io.litj.threshold.ecdsa.triples;
    exports io.litj.threshold.shamir;
}
