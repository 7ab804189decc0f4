package io.litj.protocol;

/**
 * The kind of a {@link LitErrorCode}, as Lit nodes report it in the {@code errorKind} field of an error body.
 *
 * <p>The kind separates malformed input ({@link #Parser}, {@link #Conversion}), refused input
 * ({@link #Validation}) and failures on the answering side ({@link #Unexpected}, ...).
 */
public enum LitErrorKind {
    Unknown,
    Unexpected,
    Generic,
    IPFS,
    Io,
    Config,
    Validation,
    Conversion,
    Parser,
    Serializer,
    Lock,
    Timeout,
    Connect,
    MemoryLimit,
    Blockchain,
    Attestation,
    Certs,
    HttpClient,
    SevSnp
}
