package io.litj.node;

import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the small PEM files of a node config (certificate, key, CA), refusing a missing or oversized file by name. */
final class PemFiles {
    /** Largest PEM file read (a long chain or CA bundle fits easily). */
    static final long MAX_BYTES = 1L << 20;

    private PemFiles() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what the config member, e.g. {@code tls.certFile}
     * @throws LitNodeException {@code InvalidArgument} naming the file if it cannot be read or is larger than 1 MiB
     */
    static byte[] read(Path file, String what) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid(what + " " + file + " is " + size + " bytes, more than a PEM file of " + MAX_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
        }
    }

    /** The file as US-ASCII text (PEM), read as {@link #read}. */
    static String text(Path file, String what) {
        return new String(read(file, what), java.nio.charset.StandardCharsets.US_ASCII);
    }

    static LitNodeException invalid(String message) {
        return new LitNodeException(LitErrorCode.InvalidArgument, message);
    }
}
