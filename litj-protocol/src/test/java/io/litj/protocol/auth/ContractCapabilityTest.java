package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertCapabilityDenied;
import static io.litj.protocol.auth.ValidatorAssertions.assertDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.MultisigSignatures;
import io.litj.protocol.testing.TestSessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * EIP-1271 capabilities in the validator (docs/validation.md): the digest and signature the chain is asked about,
 * the wallet's verdict as the validator's, and every refusal with its code. The chain is modelled by
 * {@link TwoOwnerWallet}, which recovers its owners' signatures of the digest as {@code TestMultisigWallet.sol} does;
 * the real contract on anvil is {@code Eip1271SessionTest}'s.
 */
class ContractCapabilityTest {
    private static final EthAddress WALLET = EthAddress.parse("0x5FbDB2315678afecb367f032d93F642f64180aa3", "wallet");
    private static final PrivateKeyEthSigner OWNER_A = TestSessions.WALLET;
    private static final PrivateKeyEthSigner OWNER_B = TestSessions.OTHER_WALLET;

    /** A 2-of-2 wallet at {@link #WALLET}: the concatenated signatures of both owners, ascending by address. */
    private static final class TwoOwnerWallet implements ContractSignatureVerifier {
        final List<byte[]> digests = new ArrayList<>();

        @Override
        public void verify(EthAddress wallet, byte[] digest, byte[] signature) {
            digests.add(digest.clone());
            if (!wallet.equals(WALLET)) {
                throw new LitProtocolException(LitErrorCode.NodeContractAuthsigUnauthorized, "no code at " + wallet);
            }
            List<EthAddress> owners = sortedOwners();
            if (signature.length != 130) {
                throw unauthorized();
            }
            for (int i = 0; i < 2; i++) {
                EthSignature one = EthSignature.parse(Hex.encode(Arrays.copyOfRange(signature, 65 * i, 65 * i + 65)),
                        "owner sig");
                if (!Eip191.recoverFromHash(digest, one).equals(owners.get(i))) {
                    throw unauthorized();
                }
            }
        }

        private static LitProtocolException unauthorized() {
            return new LitProtocolException(LitErrorCode.NodeContractAuthsigUnauthorized, "answered 0xffffffff");
        }
    }

    private static List<EthAddress> sortedOwners() {
        return List.of(OWNER_A.address(), OWNER_B.address()).stream()
                .sorted(Comparator.comparing(EthAddress::toLowerHex)).toList();
    }

    private static String siwe() {
        return SiweRenderer.render(LitSiweBuilder.create(WALLET, TestSessions.NONCE).clock(TestSessions.CLOCK)
                .uri(TestSessions.SESSION_KEY.uri()).expiration(TestSessions.NOW.plusSeconds(86_400))
                .resources(TestSessions.actionAndPkp()).build());
    }


    private static AuthSig grant(List<PrivateKeyEthSigner> signers) {
        String text = siwe();
        return AuthSigs.eip1271(WALLET, text, MultisigSignatures.sign(Eip191.hash(text), signers));
    }

    private static SessionSigValidator validator(Optional<ContractSignatureVerifier> chain) {
        SessionSigValidator.Builder b = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK);
        chain.ifPresent(b::contractSignatures);
        return b.build();
    }

    private static ValidationResult validate(Optional<ContractSignatureVerifier> chain, AuthSig capability) {
        return validateAction(validator(chain), TestSessions.sessionSig(List.of(capability)));
    }

    @Test
    void bothOwnersSigned_authorizesTheWallet_andTheChainIsAskedAboutTheEip191Digest() {
        TwoOwnerWallet chain = new TwoOwnerWallet();
        AuthSig grant = grant(List.of(OWNER_A, OWNER_B));
        assertEquals("EIP1271", grant.derivedVia());
        AuthContext ctx = assertInstanceOf(AuthContext.class, validate(Optional.of(chain), grant));
        assertEquals(WALLET, ctx.caller());
        assertEquals(AuthSigType.CONTRACT_SIG, ctx.capabilityType());
        assertEquals(1, chain.digests.size(), "one call for one capability");
        assertArrayEquals(Eip191.hash(grant.signedMessage()), chain.digests.getFirst());
    }

    @Test
    void sha256Variant_asksAboutTheSha256OfTheText() {
        TwoOwnerWallet chain = new TwoOwnerWallet();
        String text = siwe();
        byte[] digest = Hashes.sha256(text);
        AuthSig grant = AuthSig.of("0x" + Hex.encode(MultisigSignatures.sign(digest, List.of(OWNER_A, OWNER_B))),
                AuthSig.CONTRACT_SHA256_DERIVED_VIA, text, WALLET.toChecksumString(), Optional.empty());
        assertInstanceOf(AuthContext.class, validate(Optional.of(chain), grant));
        assertArrayEquals(digest, chain.digests.getFirst());
    }

    @Test
    void oneOwnerOnly_isRefusedWithTheWalletsCode() {
        AuthDenied d = assertDenied(validate(Optional.of(new TwoOwnerWallet()), grant(List.of(OWNER_A))),
                LitErrorCode.NodeContractAuthsigUnauthorized, "CapabilitySignatureCheck");
        assertTrue(d.message().contains("0xffffffff"), d.message());
    }

    @Test
    void walletWithoutCode_isRefusedWithTheWalletsCode() {
        String text = siwe().replace(WALLET.toChecksumString(), OWNER_A.address().toChecksumString());
        AuthSig grant = AuthSigs.eip1271(OWNER_A.address(), text, MultisigSignatures.sign(Eip191.hash(text),
                List.of(OWNER_A, OWNER_B)));
        assertDenied(validate(Optional.of(new TwoOwnerWallet()), grant), LitErrorCode.NodeContractAuthsigUnauthorized,
                "CapabilitySignatureCheck");
    }

    @Test
    void unreachableChain_isRefusedWithTheChainsCode() {
        ContractSignatureVerifier down = (w, d, s) -> {
            throw new LitProtocolException(LitErrorCode.NodeBlockchainError, "no answer within 5000 ms");
        };
        assertDenied(validate(Optional.of(down), grant(List.of(OWNER_A, OWNER_B))), LitErrorCode.NodeBlockchainError,
                "CapabilitySignatureCheck");
    }

    @Test
    void noEvmChain_isRefusedSayingSo() {
        AuthDenied d = assertDenied(validate(Optional.empty(), grant(List.of(OWNER_A, OWNER_B))),
                LitErrorCode.NodeEip1271NeedsEvmChain, "CapabilitySignatureCheck");
        assertTrue(d.message().contains("EIP-1271 capabilities need an EVM chain"), d.message());
    }

    @Test
    void sigNotHexOrTooLong_isRefusedBeforeTheChainIsAsked() {
        TwoOwnerWallet chain = new TwoOwnerWallet();
        AuthSig grant = grant(List.of(OWNER_A, OWNER_B));
        for (String sig : List.of("0xzz", "0x" + "ab".repeat(ContractSignatureVerifier.MAX_SIGNATURE_BYTES + 1), "")) {
            AuthSig bad = AuthSig.of(sig, grant.derivedVia(), grant.signedMessage(), grant.address(), Optional.empty());
            assertCapabilityDenied(validate(Optional.of(chain), bad), LitErrorCode.NodeSIWESigConversionError,
                    "CapabilitySignatureCheck");
        }
        assertEquals(0, chain.digests.size());
    }

    @Test
    void addressFieldOfAnotherAccount_isRefusedBeforeTheChainIsAsked() {
        TwoOwnerWallet chain = new TwoOwnerWallet();
        AuthSig grant = grant(List.of(OWNER_A, OWNER_B));
        AuthSig other = AuthSig.of(grant.sig(), grant.derivedVia(), grant.signedMessage(),
                OWNER_A.address().toChecksumString(), Optional.empty());
        assertCapabilityDenied(validate(Optional.of(chain), other), LitErrorCode.NodeSIWEMessageError,
                "CapabilitySignatureCheck");
        assertEquals(0, chain.digests.size());
    }

    @Test
    void aCapabilityThatDoesNotCoverTheRequest_neverAsksTheChain() {
        TwoOwnerWallet chain = new TwoOwnerWallet();
        String text = SiweRenderer.render(LitSiweBuilder.create(WALLET, TestSessions.NONCE).clock(TestSessions.CLOCK)
                .uri(TestSessions.SESSION_KEY.uri()).expiration(TestSessions.NOW.plusSeconds(86_400))
                .resources(List.of(ResourceAbilityRequest.of(LitResource.pkp("*"),
                        io.litj.protocol.resource.LitAbility.PKP_SIGNING))).build());
        AuthSig grant = AuthSigs.eip1271(WALLET, text, MultisigSignatures.sign(Eip191.hash(text),
                List.of(OWNER_A, OWNER_B)));
        assertCapabilityDenied(validate(Optional.of(chain), grant), LitErrorCode.NodeSIWECapabilityInvalid,
                "RecapCoverageCheck");
        assertEquals(0, chain.digests.size());
    }

    @Test
    void eip1271AuthSig_refusesAnEmptyOrOverlongSignature() {
        for (int size : List.of(0, ContractSignatureVerifier.MAX_SIGNATURE_BYTES + 1)) {
            LitProtocolException e = assertThrows(LitProtocolException.class,
                    () -> AuthSigs.eip1271(WALLET, siwe(), new byte[size]));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
    }
}
