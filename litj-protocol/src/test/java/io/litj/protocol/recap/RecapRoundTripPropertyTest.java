package io.litj.protocol.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Random ReCaps survive encode → decode, and the decoded URN re-encodes to the same text. */
class RecapRoundTripPropertyTest {
    private static final long SEED = 5573_2025_0101L;
    private static final String[] PREFIXES = {"lit-accesscontrolcondition://", "lit-pkp://", "lit-ratelimitincrease://",
        "lit-litaction://", "lit-resolvedauthcontext://"};
    private static final String[] ABILITIES = {"Threshold/Decryption", "Threshold/Signing", "Threshold/Execution",
        "Auth/Auth", "*/*"};
    private static final String ABILITY_CHARS = "abcXYZ019.*_+-";
    private static final String ID_CHARS = "0123456789abcdefABCDEFQmxyz/*";

    @Test
    void encodeThenDecode_randomRecap_givesEqualRecapAndUrn() {
        System.out.println("RecapRoundTripPropertyTest seed " + SEED);
        qt().withFixedSeed(SEED).withExamples(200).forAll(recaps()).checkAssert(recap -> {
            String urn = RecapCodec.encode(recap);
            Recap decoded = RecapCodec.decode(urn);
            assertEquals(recap, decoded);
            assertEquals(urn, RecapCodec.encode(decoded));
            assertEquals(recap.statement(), decoded.statement());
        });
    }

    private static Gen<Recap> recaps() {
        return in -> {
            Map<String, Map<String, List<JsonValue.JsonObject>>> att = new LinkedHashMap<>();
            int resources = (int) pick(in, 0, 4);
            for (int r = 0; r < resources; r++) {
                String resource = PREFIXES[(int) pick(in, 0, PREFIXES.length - 1)]
                        + (pick(in, 0, 2) == 0 ? "*" : word(in, 1, 64, ID_CHARS));
                Map<String, List<JsonValue.JsonObject>> abilities = new LinkedHashMap<>();
                int count = (int) pick(in, 1, 3);
                for (int a = 0; a < count; a++) {
                    String ability = pick(in, 0, 3) == 0
                            ? word(in, 1, 8, ABILITY_CHARS) + "/" + word(in, 1, 8, ABILITY_CHARS)
                            : ABILITIES[(int) pick(in, 0, ABILITIES.length - 1)];
                    List<JsonValue.JsonObject> nb = new ArrayList<>();
                    int restrictions = (int) pick(in, 0, 3);
                    for (int n = 0; n < restrictions; n++) {
                        nb.add(restriction(in));
                    }
                    abilities.put(ability, nb);
                }
                att.put(resource, abilities);
            }
            List<String> proofs = new ArrayList<>();
            if (pick(in, 0, 4) == 0) {
                proofs.add("z" + word(in, 10, 46, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"));
            }
            return new Recap(att, proofs);
        };
    }

    private static JsonValue.JsonObject restriction(RandomnessSource in) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        int members = (int) pick(in, 0, 3);
        for (int i = 0; i < members; i++) {
            b.put(text(in, 1, 8), text(in, 0, 16));
        }
        return b.build();
    }

    /** Random text from ASCII (including quotes, backslash, controls), Latin-1, CJK and astral emoji. */
    private static String text(RandomnessSource in, int min, int max) {
        int length = (int) pick(in, min, max);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch ((int) pick(in, 0, 3)) {
                case 0 -> s.appendCodePoint((int) pick(in, 0x00, 0x7f));
                case 1 -> s.appendCodePoint((int) pick(in, 0xa0, 0xff));
                case 2 -> s.appendCodePoint((int) pick(in, 0x4e00, 0x4e40));
                default -> s.appendCodePoint((int) pick(in, 0x1f600, 0x1f64f));
            }
        }
        return s.toString();
    }

    private static String word(RandomnessSource in, int min, int max, String alphabet) {
        int length = (int) pick(in, min, max);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt((int) pick(in, 0, alphabet.length() - 1)));
        }
        return s.toString();
    }

    private static long pick(RandomnessSource in, long min, long max) {
        return in.next(Constraint.between(min, max));
    }
}
