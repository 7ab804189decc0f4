package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code uint8arrayToString}/{@code uint8arrayFromString} without Node.js: random bytes written in base64, base64url
 * and hex must be what the JDK writes, every encoding must read back what it wrote, and an unknown encoding throws
 * Datil's message (the full comparison with the package is {@link BytesTextJsTest}).
 */
class BytesTextTest {
    private static String run(String code, JsonValue.JsonObject params) {
        return SharedRuntime.get().run(ActionRequest.of(code, params)).response();
    }

    @Test
    void base64AndHex_areWhatTheJdkWrites() {
        byte[] bytes = new byte[50];
        new Random(7).nextBytes(bytes);
        StringBuilder list = new StringBuilder();
        for (byte b : bytes) {
            list.append(list.isEmpty() ? "" : ",").append(b & 0xff);
        }
        String out = run("""
                const b = Uint8Array.from([LIST]);
                const t = (e) => Lit.Actions.uint8arrayToString(b, e);
                Lit.Actions.setResponse({response: [t('base64'), t('base64pad'), t('base64url'), t('hex'),
                    t('base16upper')].join(' ')});
                """.replace("LIST", list), JsonValue.JsonObject.empty());
        Base64.Encoder plain = Base64.getEncoder();
        assertEquals(plain.withoutPadding().encodeToString(bytes) + " " + plain.encodeToString(bytes) + " "
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + " " + HexFormat.of().formatHex(bytes)
                + " " + HexFormat.of().withUpperCase().formatHex(bytes), out);
    }

    @Test
    void everyEncoding_readsBackWhatItWrote() {
        StringBuilder names = new StringBuilder();
        for (String e : BytesTextJsTest.ENCODINGS) {
            if (!e.equals("no-such-encoding") && !e.startsWith("utf") && !e.equals("identity")) {
                names.append(names.isEmpty() ? "" : ",").append('"').append(e).append('"');
            }
        }
        assertEquals("ok", run("""
                const bytes = Uint8Array.from([0, 0, 7, 255, 128, 1, 2, 3, 250, 0, 9]);
                const bad = [NAMES].filter((e) => {
                  const back = Lit.Actions.uint8arrayFromString(Lit.Actions.uint8arrayToString(bytes, e), e);
                  return back.length !== bytes.length || back.some((v, i) => v !== bytes[i]);
                });
                const text = 'ünïcode ✓ 😀';
                const utf8 = Lit.Actions.uint8arrayToString(Lit.Actions.uint8arrayFromString(text));
                Lit.Actions.setResponse({response: bad.length === 0 && utf8 === text ? 'ok' : bad.join() + utf8});
                """.replace("NAMES", names), JsonValue.JsonObject.empty()));
        assertEquals("ünïcode".getBytes(StandardCharsets.UTF_8).length + "", run("""
                Lit.Actions.setResponse({response: String(Lit.Actions.uint8arrayFromString(word, 'utf8').length)});
                """, JsonValue.object().put("word", "ünïcode").build()));
    }

    @Test
    void unknownEncoding_throwsDatilsMessage() {
        assertEquals("Error: Unsupported encoding \"base256emoji\"|Error: Unsupported encoding \"constructor\"",
                run("""
                const out = [];
                for (const e of ['base256emoji', 'constructor']) {
                  try { Lit.Actions.uint8arrayToString(new Uint8Array(1), e); } catch (x) { out.push(String(x)); }
                }
                Lit.Actions.setResponse({response: out.join('|')});
                """, JsonValue.JsonObject.empty()));
    }
}
