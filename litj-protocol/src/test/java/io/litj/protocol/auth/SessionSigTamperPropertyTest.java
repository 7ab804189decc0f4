package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.auth.ValidatorAssertions.validator;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.litj.protocol.testing.TestSessions;
import org.junit.jupiter.api.Test;

/** Any one-character change to a valid session sig's message, signature or key is refused. */
class SessionSigTamperPropertyTest {
    private static final long SEED = 20251122L;
    private static final AuthSig VALID = TestSessions.validSessionSig();
    private static final SessionSigValidator VALIDATOR = validator();

    static String flip(String s, int position, int delta) {
        char c = s.charAt(position);
        char replacement = (char) (c + delta);
        if (replacement == c || Character.isSurrogate(replacement)) {
            replacement = c == 'a' ? 'b' : 'a';
        }
        return s.substring(0, position) + replacement + s.substring(position + 1);
    }

    @Test
    void anyChangeToTheSignedMessage_isRefused() {
        System.out.println("SessionSigTamperPropertyTest seed " + SEED);
        assertInstanceOf(AuthContext.class, validateAction(VALIDATOR, VALID));
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(integers().between(0, VALID.signedMessage().length() - 1), integers().between(1, 40))
                .checkAssert((pos, delta) -> assertInstanceOf(AuthDenied.class, validateAction(VALIDATOR,
                        AuthSig.of(VALID.sig(), VALID.derivedVia(), flip(VALID.signedMessage(), pos, delta),
                                VALID.address(), VALID.algo()))));
    }

    @Test
    void anyChangeToTheSignatureOrKey_isRefused() {
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(integers().between(0, 127), integers().between(1, 40), integers().between(0, 63))
                .checkAssert((sigPos, delta, keyPos) -> {
                    assertInstanceOf(AuthDenied.class, validateAction(VALIDATOR, AuthSig.of(
                            flip(VALID.sig(), sigPos, delta), VALID.derivedVia(), VALID.signedMessage(),
                            VALID.address(), VALID.algo())));
                    assertInstanceOf(AuthDenied.class, validateAction(VALIDATOR, AuthSig.of(VALID.sig(),
                            VALID.derivedVia(), VALID.signedMessage(), flip(VALID.address(), keyPos, delta),
                            VALID.algo())));
                });
    }
}
