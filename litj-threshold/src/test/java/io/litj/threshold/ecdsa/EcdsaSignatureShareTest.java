package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The Datil {@code signatureShare} object: written byte for byte, read strictly (V5 values). */
class EcdsaSignatureShareTest {
    static final String DIGEST = "7D87C5EA75F7378BB701E404C50639161AF3EFF66293E9F375B5F17EB50476F4";
    static final String SHARE_1 = "3ED0A844FAE40DF6210A6B2EACB9426E52E8339E243E697E33CF14E0CDE2B827";
    static final String SHARE_2 = "B1AA643E88F8937B71CE2D43DCB73E0180AC96D1E39ECC579F0EC9635F37D4CB";
    static final String BIG_R = "0332188F0918B7DEBB0CC846B00B0AAD9300308260C2DAD25A85FDECA671C36B1B";
    static final String PUBLIC_KEY = "04156D7E068BF5ED014057B8B6365BF89053D567D38EC24030C699B94065F2D39B4D45F463464F1A"
            + "138D7149D1C0EF41ACF9B8826050B9E3DCC847DE2127BDB726";

    /** A share object as a Datil node writes it (share_index is always 0 there). */
    static String datilWire(String share, int index) {
        return "{\"digest\":\"\\\"" + DIGEST + "\\\"\",\"result\":\"success\",\"share_index\":" + index
                + ",\"signature_share\":\"\\\"" + share + "\\\"\",\"big_r\":\"\\\"" + BIG_R
                + "\\\"\",\"public_key\":\"\\\"" + PUBLIC_KEY + "\\\"\",\"sig_type\":\"K256\"}";
    }

    @Test
    void parseWire_datilShare_readsEveryValue() {
        EcdsaSignatureShare s = EcdsaSignatureShare.parseWire(datilWire(SHARE_1, 0));
        assertEquals(0, s.shareIndex());
        assertEquals(Bytes.fromHex(SHARE_1, "x"), s.signatureShare());
        assertEquals(Bytes.fromHex(BIG_R, "x"), s.bigR());
        assertEquals(Bytes.fromHex(DIGEST, "x"), s.digest());
        assertEquals(Bytes.fromHex(PUBLIC_KEY, "x"), s.publicKey());
    }

    @Test
    void toWireJson_isDatilsObjectByteForByte_andParsesBack() {
        String wire = datilWire(SHARE_2, 3);
        EcdsaSignatureShare s = EcdsaSignatureShare.parseWire(wire);
        assertEquals(wire, s.toWireJson());
        assertEquals(s, EcdsaSignatureShare.parseWire(s.toWireJson()));
    }

    static List<String> malformed() {
        String good = datilWire(SHARE_1, 1);
        return List.of(
                "",
                "[]",
                good.replace(",\"sig_type\":\"K256\"", ""),
                good.replace("}", ",\"share_id\":\"1\"}"),
                good.replace("\"result\":\"success\"", "\"result\":\"fail\""),
                good.replace("\"K256\"", "\"ECDSA_CAIT_SITH\""),
                good.replace("\"share_index\":1", "\"share_index\":256"),
                good.replace("\"share_index\":1", "\"share_index\":-1"),
                good.replace("\"share_index\":1", "\"share_index\":1.5"),
                good.replace("\"share_index\":1", "\"share_index\":\"1\""),
                good.replace("\\\"" + SHARE_1 + "\\\"", SHARE_1),
                good.replace(SHARE_1, SHARE_1.substring(2)),
                good.replace(SHARE_1, "FF".repeat(32)),
                good.replace(SHARE_1, "ZZ" + SHARE_1.substring(2)),
                good.replace(BIG_R, "02" + "00".repeat(32)),
                good.replace(BIG_R, "04" + BIG_R.substring(2)),
                good.replace(PUBLIC_KEY, "0381FF5B9F673837EACD4DCA7E9377084250DCCFC13EBF13913E662182027D1482"),
                good.replace(PUBLIC_KEY, "04" + "11".repeat(64)),
                good.replace(DIGEST, DIGEST + "00"),
                good.replace("\"digest\":", "\"digest\":1,\"digest\":"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void parseWire_malformed_refusedWithNodeParserError(String json) {
        ThresholdException e = assertThrows(ThresholdException.class, () -> EcdsaSignatureShare.parseWire(json));
        assertEquals(LitErrorCode.NodeParserError, e.code(), e.getMessage());
    }

    @Test
    void parseWire_failShare_saysWhy() {
        ThresholdException e = assertThrows(ThresholdException.class, () -> EcdsaSignatureShare.parseWire(
                datilWire(SHARE_1, 1).replace("\"result\":\"success\"", "\"result\":\"fail\"")));
        assertEquals("ECDSA signature share field 'result' must be 'success' but is 'fail'", e.getMessage());
    }

    @Test
    void constructor_wrongShapes_refusedWithInvalidArgument() {
        Bytes s = Bytes.fromHex(SHARE_1, "s");
        Bytes r = Bytes.fromHex(BIG_R, "r");
        Bytes d = Bytes.fromHex(DIGEST, "d");
        Bytes k = Bytes.fromHex(PUBLIC_KEY, "k");
        List<Runnable> bad = List.of(
                () -> new EcdsaSignatureShare(-1, s, r, d, k),
                () -> new EcdsaSignatureShare(1, d, r, Bytes.of(new byte[31]), k),
                () -> new EcdsaSignatureShare(1, Bytes.of(new byte[33]), r, d, k),
                () -> new EcdsaSignatureShare(1, s, d, d, k),
                () -> new EcdsaSignatureShare(1, s, r, d, r));
        for (Runnable b : bad) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, b::run).code());
        }
    }
}
