package io.litj.node.testing;

import io.litj.node.registry.Pkp;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PKP sessions from a running {@link NodeNetwork}, made as the JS SDK's {@code getPkpSessionSigs} makes them: a
 * wallet login (EthWallet auth method, nonce = the latest block), {@code /web/sign_session_key/v1} on every node,
 * the BLS shares combined and verified under the network key into a {@code lit.bls} capability, and session sigs
 * over it.
 */
public final class PkpSessions {
    private PkpSessions() {
    }

    /** Session sigs of {@code key} for {@code pkp}, proven by {@code wallet}, granting {@code grants}. */
    public static SessionSigs issue(NodeNetwork net, Clock clock, Pkp pkp, PrivateKeyEthSigner wallet,
            SessionKeyPair key, List<ResourceAbilityRequest> grants) {
        String block = net.registry().latestBlock().hash();
        Instant expiration = clock.instant().plus(Duration.ofHours(1));
        String login = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), block).clock(clock)
                .expiration(expiration).build()).toJsonString();
        String template = LitSiweBuilder.create(EthAddress.parse(pkp.ethAddress(), "pkp"), block).clock(clock)
                .domain("litprotocol.com").statement("Lit Protocol PKP session signature " + Recap.STATEMENT_PREAMBLE)
                .uri(key.uri()).expiration(expiration).resources(grants).render();
        JsonValue.JsonObject body = JsonValue.object()
                .put("sessionKey", key.uri())
                .put("authMethods", new JsonValue.JsonArray(List.of(JsonValue.object()
                        .put("authMethodType", new JsonValue.JsonNumber(1)).put("accessToken", login).build())))
                .put("pkpPublicKey", "0x" + pkp.publicKey())
                .put("siweMessage", template)
                .put("curveType", "BLS")
                .put("epoch", new JsonValue.JsonNumber(0))
                .build();
        List<BlsSignatureShare> shares = new ArrayList<>();
        String siwe = null;
        for (String url : net.urls()) {
            NodeHttp.Reply r = net.http().post(url + "/web/sign_session_key/v1", body);
            if (r.status() != 200) {
                throw new IllegalStateException("sign_session_key refused by " + url + ": " + r);
            }
            siwe = r.string("siweMessage");
            shares.add(BlsSignatureShare.parseHex(((JsonValue.JsonString) ((JsonValue.JsonObject) r
                    .member("signatureShare")).get("ProofOfPossession").orElseThrow()).value()));
        }
        BlsSignature signature = BlsCombiner.combineAndVerify(shares, net.registry().network().threshold(),
                net.networkPublicKey(), BlsSessionMessage.of(siwe));
        AuthSig capability = AuthSig.bls(signature.toWireJson(), siwe, pkp.ethAddress());
        return new SessionSigIssuer(clock).issue(key, grants, List.of(capability), expiration, net.urls());
    }
}
