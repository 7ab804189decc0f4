package io.litj.cli;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --capacity-delegation FILE} (repeatable) of {@code litj exec} and {@code litj session create}: capacity
 * delegations, as {@code litj capacity delegate --json} prints them (or the JS SDK's
 * {@code {"capacityDelegationAuthSig": …}}), placed ahead of the session grant in every session sig.
 *
 * <p>Each file is checked before anything is sent, so that a wrong file fails here with its name rather than as a
 * node refusal: at most {@value #MAX_BYTES} bytes, an AuthSig JSON object, a SIWE with the delegation URI
 * {@value CapacityDelegation#URI}, signed by the address it names, not expired. Any failure is a local error
 * (exit 1).
 */
final class CapacityDelegationOptions {
    /** A delegation AuthSig is about 1 KiB; anything far larger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    @Option(names = "--capacity-delegation", paramLabel = "FILE", description = "a capacity delegation AuthSig "
            + "(JSON, from `litj capacity delegate --json`) that pays for the requests; repeatable")
    List<Path> files;

    /** The delegations, in the order given; checked at {@code now}. */
    List<AuthSig> authSigs(Instant now) {
        List<AuthSig> out = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            out.add(read(file, now));
        }
        return out;
    }

    static AuthSig read(Path file, Instant now) {
        String what = "--capacity-delegation file " + file;
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw CliException.local(what + " is " + size + " bytes; a capacity delegation AuthSig is about"
                        + " 1 KiB (at most " + MAX_BYTES + " bytes)");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.local("cannot read " + what + ": no such file");
        } catch (IOException e) {
            throw CliException.local("cannot read " + what + ": " + e.getMessage());
        }
        AuthSig authSig;
        try {
            JsonValue.JsonObject json = JsonReader.parseObject(text, LitErrorCode.InvalidArgument, what);
            JsonValue wrapped = json.get("capacityDelegationAuthSig").orElse(json);
            authSig = AuthSig.fromJson(wrapped, LitErrorCode.InvalidArgument, what);
        } catch (LitProtocolException e) {
            throw CliException.local(what + " does not hold an AuthSig JSON object (make one with `litj capacity "
                    + "delegate --json > FILE`): " + e.getMessage());
        }
        check(what, authSig, now);
        return authSig;
    }

    private static void check(String what, AuthSig authSig, Instant now) {
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(authSig.signedMessage());
        } catch (LitProtocolException e) {
            throw CliException.local(what + " is not a capacity delegation: its signedMessage is not a SIWE message ("
                    + e.getMessage() + ")");
        }
        if (!siwe.uri().equals(CapacityDelegation.URI)) {
            throw CliException.local(what + " is not a capacity delegation: its SIWE URI is " + siwe.uri()
                    + ", not " + CapacityDelegation.URI);
        }
        boolean signed;
        try {
            signed = Eip191.recover(authSig.signedMessage(), EthSignature.parse(authSig.sig(), "sig"))
                    .equals(siwe.ethAddress());
        } catch (LitProtocolException e) {
            signed = false;
        }
        if (!signed) {
            throw CliException.local(what + " is not signed by " + siwe.address() + ", the credit owner it names:"
                    + " the file was altered or made by another key");
        }
        Instant expiration = siwe.expirationInstant().orElse(Instant.MAX);
        if (!expiration.isAfter(now)) {
            throw CliException.local(what + " expired at " + IsoTime.format(expiration) + "; ask the credit owner"
                    + " for a new one (`litj capacity delegate`)");
        }
    }
}
