package io.litj.cli;

import io.litj.client.AuthCallback;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.evm.LitjContracts;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.chain.AbiCodec;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.MultisigSignatures;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * EIP-1271 sessions for tests: {@code TestMultisigWallet} deployed on an anvil devnet, and an auth callback that
 * answers with the wallet's AuthSig, signed by some of its owners ({@code contracts/src/TestMultisigWallet.sol}: the
 * owners' signatures of the EIP-191 digest of the SIWE, ascending by owner address).
 */
public final class Eip1271Fixture {
    /** The wallet's owners: anvil's well-known test keys 3 and 4 (nothing else uses them here). */
    public static final String OWNER_A_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    public static final String OWNER_B_KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    public static final PrivateKeyEthSigner OWNER_A = PrivateKeyEthSigner.fromHex(OWNER_A_KEY);
    public static final PrivateKeyEthSigner OWNER_B = PrivateKeyEthSigner.fromHex(OWNER_B_KEY);
    public static final String ACTION = "Lit.Actions.setResponse({response: 'wallet ran'});";

    private Eip1271Fixture() {
    }

    /** Deploys a 2-of-2 {@code TestMultisigWallet} of the two owners, from owner A (funded); its address. */
    public static EthAddress deployTwoOfTwo(AnvilDevnet devnet) {
        AbiValue owners = AbiValue.array(List.of(AbiValue.address(OWNER_A.address()),
                AbiValue.address(OWNER_B.address())));
        return LitjContracts.create(devnet.funded(OWNER_A), "TestMultisigWallet", AbiCodec.encode(
                List.of(AbiType.array(AbiType.ADDRESS), AbiType.uint(256)), List.of(owners, AbiValue.uint(2))));
    }


    /** An auth callback answering with {@code wallet}'s EIP-1271 AuthSig of the SIWE, signed by {@code signers}. */
    public static AuthCallback callback(EthAddress wallet, List<PrivateKeyEthSigner> signers, Clock clock) {
        return params -> {
            String siwe = SiweRenderer.render(params.toSiwe(wallet, clock).build());
            return AuthSigs.eip1271(wallet, siwe, MultisigSignatures.sign(Eip191.hash(siwe), signers));
        };
    }

    /** Session sigs for any Lit Action, granted by {@code wallet} through {@link #callback}, with a fresh key. */
    public static SessionSigs session(LitClient client, EthAddress wallet,
                                                            List<PrivateKeyEthSigner> signers, Clock clock) {
        return client.getSessionSigs(SessionRequest.builder()
                .terms(SessionTerms.of(ResourceAbilityRequest.of(LitResource.action("*"),
                        LitAbility.LIT_ACTION_EXECUTION)))
                .authCallback(wallet, callback(wallet, signers, clock))
                .sessionKey(SessionKeyPair.generate(new SecureRandom())).build());
    }

    /** Runs {@link #ACTION} with {@code sigs}. */
    public static String run(LitClient client, SessionSigs sigs) {
        return client.executeJs(ExecuteJsRequest.builder().code(ACTION).sessionSigs(sigs).build()).response();
    }
}
