package io.litj.protocol.siwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.IsoTime;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Random valid messages survive render → parse → render unchanged. */
class SiweRoundTripPropertyTest {
    private static final long SEED = 4361_2025_0101L;
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PATH = "abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/";
    /** Printable code point ranges without C0/C1 controls and without surrogates. */
    private static final int[][] STATEMENT_RANGES = {
        {0x20, 0x7e}, {0xa0, 0x24f}, {0x370, 0x3ff}, {0x4e00, 0x4e80}, {0x2000, 0x2027}, {0x1f600, 0x1f64f},
    };

    @Test
    void renderThenParse_randomValidMessage_givesSameMessageAndText() {
        System.out.println("SiweRoundTripPropertyTest seed " + SEED);
        qt().withFixedSeed(SEED).withExamples(200).forAll(messages()).checkAssert(m -> {
            String text = SiweRenderer.render(m);
            SiweMessage parsed = SiweParser.parse(text);
            assertEquals(m, parsed);
            assertEquals(text, SiweRenderer.render(parsed));
        });
    }

    private static Gen<SiweMessage> messages() {
        return in -> {
            SiweMessage.Builder b = SiweMessage.builder();
            if (pick(in, 0, 4) == 0) {
                b.scheme(pick(in, 0, 1) == 0 ? "https" : "http");
            }
            String domain = word(in, 1, 12, "abcdefghijklmnopqrstuvwxyz0123456789-") + "." + word(in, 2, 5,
                    "abcdefghijklmnopqrstuvwxyz");
            b.domain(pick(in, 0, 3) == 0 ? domain + ":" + pick(in, 1, 65535) : domain);
            byte[] key = new byte[32];
            for (int i = 0; i < 32; i++) {
                key[i] = (byte) pick(in, 0, 255);
            }
            key[0] &= 0x7f; // below the curve order
            key[31] |= 1;   // not zero
            b.address(PrivateKeyEthSigner.fromBytes(key).address().toChecksumString());
            if (pick(in, 0, 3) != 0) {
                b.statement(statement(in));
            }
            b.uri(pick(in, 0, 1) == 0 ? "lit:session:" + Hex.encode(key) : "https://" + domain + "/" + word(in, 0,
                    20, PATH));
            b.chainId(pick(in, 0, 3) == 0 ? pick(in, 0, Integer.MAX_VALUE) : 1);
            b.nonce(pick(in, 0, 1) == 0 ? word(in, 8, 40, ALNUM) : "0x" + Hex.encode(key));
            Instant issued = Instant.ofEpochMilli(pick(in, 0, 4_102_444_800_000L));
            b.issuedAt(time(in, issued));
            if (pick(in, 0, 2) != 0) {
                b.expirationTime(time(in, issued.plusSeconds(pick(in, 0, 2_592_000))));
            }
            if (pick(in, 0, 4) == 0) {
                b.notBefore(time(in, issued));
            }
            if (pick(in, 0, 4) == 0) {
                b.requestId(word(in, 0, 16, ALNUM + "-._~"));
            }
            int count = (int) pick(in, 0, 4);
            List<String> resources = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                resources.add(switch ((int) pick(in, 0, 3)) {
                    case 0 -> "lit-pkp://" + word(in, 1, 64, "0123456789abcdef");
                    case 1 -> "lit-litaction://Qm" + word(in, 10, 44, ALNUM);
                    case 2 -> "urn:recap:" + word(in, 4, 80, ALNUM + "-_");
                    default -> "https://" + domain + "/" + word(in, 0, 30, PATH) + "%2F";
                });
            }
            b.resources(resources);
            return b.build();
        };
    }

    private static String time(RandomnessSource in, Instant t) {
        return switch ((int) pick(in, 0, 3)) {
            case 0 -> IsoTime.format(t);
            case 1 -> IsoTime.format(t).replace(".000Z", "Z").replace("Z", "+00:00");
            case 2 -> IsoTime.format(t).replace("Z", "123456Z");
            default -> IsoTime.format(t).substring(0, 19) + "-05:30";
        };
    }

    private static String statement(RandomnessSource in) {
        int length = (int) pick(in, 1, 60);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = STATEMENT_RANGES[(int) pick(in, 0, STATEMENT_RANGES.length - 1)];
            s.appendCodePoint((int) pick(in, range[0], range[1]));
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
