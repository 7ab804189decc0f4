package io.litj.protocol.auth;

/** The outcome of {@link SessionSigValidator#validate}: an {@link AuthContext} or an {@link AuthDenied}. */
public sealed interface ValidationResult permits AuthContext, AuthDenied {
}
