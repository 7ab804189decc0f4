package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies the signed tokens {@link LitClient#getSignedToken} returns: {@code header.payload.signature} where the
 * header is {@code {"alg":"BLS12-381","typ":"JWT"}}, the payload the node's claims ({@link JwtClaims}) and the
 * signature the network's BLS signature (96 bytes, base64url) over the ASCII of {@code header.payload}
 * ({@code lit-node-behaviour.md} §1.6). Checks, in order: size and shape, header, signature under the network key,
 * claims, then the window: {@code iat} at most {@link #CLOCK_SKEW} after now, and now before {@code exp}.
 *
 * <p>The signed bytes are the token's own first two parts, never re-serialized. Thread-safe; no state.
 */
public final class Jwt {
    /** How far {@code iat} may lie in the future (clocks of issuer and verifier differ). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Longest token accepted, checked before anything is decoded. */
    public static final int MAX_CHARS = 64 * 1024;
    static final String ALG = "BLS12-381";

    private Jwt() {
    }

    /**
     * {@link #verify(String, String, Clock)} with the system clock.
     *
     * @throws LitClientException as {@link #verify(String, String, Clock)}
     */
    public static JwtClaims verify(String jwt, String networkKeyHex) {
        return verify(jwt, networkKeyHex, Clock.systemUTC());
    }

    /**
     * The claims of {@code jwt} if the network key signed it and {@code clock}'s now lies in its window.
     *
     * @param networkKeyHex the network's BLS public key (the handshake's {@code networkPublicKey}), 96 hex digits
     * @throws LitClientException {@code InvalidArgument} for a token or key that is malformed or too long;
     *     {@code InvalidSignature} when the signature does not verify; {@code NodeIatOutsideGracePeriod} when
     *     {@code iat} lies more than {@link #CLOCK_SKEW} ahead; {@code NodeExpWrongOrTooLarge} when now is at or
     *     after {@code exp}
     */
    public static JwtClaims verify(String jwt, String networkKeyHex, Clock clock) {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(networkKeyHex, "networkKeyHex");
        Objects.requireNonNull(clock, "clock");
        if (jwt.length() > MAX_CHARS) {
            throw invalid("the token is " + jwt.length() + " characters, more than " + MAX_CHARS);
        }
        int first = jwt.indexOf('.');
        int last = jwt.lastIndexOf('.');
        if (first < 0 || first == last || jwt.indexOf('.', first + 1) != last) {
            throw invalid("a token has three parts separated by '.'");
        }
        BlsPublicKey key;
        BlsSignature signature;
        try {
            key = BlsPublicKey.parse(networkKeyHex);
            signature = BlsSignature.fromBytes(Base64Url.decode(jwt.substring(last + 1), "signature"));
        } catch (ThresholdException | LitProtocolException e) {
            throw invalid("the token's signature or the network key is malformed: " + e.getMessage());
        }
        JsonValue.JsonObject header = object(jwt.substring(0, first), "header");
        if (!(header.get("alg").orElse(null) instanceof JsonValue.JsonString alg) || !ALG.equals(alg.value())) {
            throw invalid("the token's header must say alg " + ALG);
        }
        try {
            Bls.verify(key, jwt.substring(0, last).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "the token's signature does not verify under"
                    + " the network key " + key.toHex(), e);
        }
        JwtClaims claims = claims(object(jwt.substring(first + 1, last), "payload"));
        Instant now = clock.instant();
        if (claims.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new LitClientException(LitErrorCode.NodeIatOutsideGracePeriod, "the token's iat "
                    + claims.issuedAt() + " lies more than " + CLOCK_SKEW.toSeconds() + " s after now " + now);
        }
        if (!now.isBefore(claims.expiresAt())) {
            throw new LitClientException(LitErrorCode.NodeExpWrongOrTooLarge, "the token expired at "
                    + claims.expiresAt() + " (now " + now + ")");
        }
        return claims;
    }

    /** The claims of a payload object, checked for shape only. */
    static JwtClaims claims(JsonValue.JsonObject payload) {
        try {
            return new JwtClaims(string(payload, "iss"), string(payload, "sub"), string(payload, "chain"),
                    seconds(payload, "iat"), seconds(payload, "exp"), ConditionSet.fromRequest(payload));
        } catch (LitProtocolException e) {
            throw invalid("the token's conditions are malformed: " + e.getMessage());
        }
    }

    /** The JSON object in one base64url part. */
    static JsonValue.JsonObject object(String part, String name) {
        try {
            return JsonReader.parseObject(new String(Base64Url.decode(part, name), StandardCharsets.UTF_8),
                    LitErrorCode.InvalidArgument, name);
        } catch (LitProtocolException e) {
            throw invalid("the token's " + name + " is malformed: " + e.getMessage());
        }
    }

    private static String string(JsonValue.JsonObject o, String name) {
        if (o.get(name).orElse(null) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw invalid("the token's payload has no string " + name);
    }

    private static Instant seconds(JsonValue.JsonObject o, String name) {
        if (o.get(name).orElse(null) instanceof JsonValue.JsonNumber n && n.value() >= 0
                && n.value() <= 1e11 && n.value() == Math.rint(n.value())) {
            return Instant.ofEpochSecond((long) n.value());
        }
        throw invalid("the token's payload has no whole-second " + name);
    }

    private static LitClientException invalid(String message) {
        return new LitClientException(LitErrorCode.InvalidArgument, message);
    }
}
