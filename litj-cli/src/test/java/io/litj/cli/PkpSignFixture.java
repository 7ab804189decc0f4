package io.litj.cli;

import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.util.List;
import java.util.Set;

/**
 * What the PKP-signing tests against a devnet share: Hardhat's well-known test wallets (never real ones) and the PKP
 * they mint, which permits {@link #SIGNER} to sign anything (scope 1) and {@link #PERSONAL} only personal messages
 * (scope 2); {@link #STRANGER} is not permitted, {@link #LATECOMER} is left for {@code litj pkp permit}.
 */
public final class PkpSignFixture {
    /** Hardhat account #0: permitted with scope 1. */
    public static final String SIGNER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** Hardhat account #1: not permitted. */
    public static final String STRANGER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    /** Hardhat account #2: permitted with scope 2 (personal sign) only. */
    public static final String PERSONAL_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    /** Hardhat account #3: not permitted at first; the permit test adds it. */
    public static final String LATECOMER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    public static final PrivateKeyEthSigner SIGNER = PrivateKeyEthSigner.fromHex(SIGNER_KEY);
    public static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex(STRANGER_KEY);
    public static final PrivateKeyEthSigner PERSONAL = PrivateKeyEthSigner.fromHex(PERSONAL_KEY);
    public static final PrivateKeyEthSigner LATECOMER = PrivateKeyEthSigner.fromHex(LATECOMER_KEY);

    private PkpSignFixture() {
    }

    /** Mints (a DKG among the running nodes) the PKP described in the class comment. */
    public static Pkp mintPkp(Devnet devnet) {
        return devnet.mintPkp(permissions());
    }

    /** The PKP's permissions: {@link #SIGNER} with scope 1, {@link #PERSONAL} with scope 2. */
    public static List<PkpPermission> permissions() {
        return List.of(
                new PkpPermission(PkpPermission.ETH_WALLET, SIGNER.address().toLowerHex(),
                        Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)),
                new PkpPermission(PkpPermission.ETH_WALLET, PERSONAL.address().toLowerHex(),
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)));
    }
}
