package io.litj.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void jsonObject_sourceMapMutated_objectUnchanged() {
        Map<String, JsonValue> source = new LinkedHashMap<>();
        source.put("a", new JsonValue.JsonString("1"));
        JsonValue.JsonObject o = new JsonValue.JsonObject(source);
        source.put("b", new JsonValue.JsonString("2"));
        assertEquals(1, o.members().size());
        assertThrows(UnsupportedOperationException.class, () -> o.members().put("c", JsonValue.JsonNull.INSTANCE));
    }

    @Test
    void jsonArray_sourceListMutated_arrayUnchanged() {
        List<JsonValue> source = new ArrayList<>(List.of(JsonValue.JsonNull.INSTANCE));
        JsonValue.JsonArray a = new JsonValue.JsonArray(source);
        source.clear();
        assertEquals(1, a.items().size());
    }

    @Test
    void jsonNumber_nonFinite_refused() {
        assertThrows(IllegalArgumentException.class, () -> new JsonValue.JsonNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new JsonValue.JsonNumber(Double.POSITIVE_INFINITY));
    }

    @Test
    void objectBuilder_laterPutOfSameName_replacesValueKeepingPosition() {
        JsonValue.JsonObject o = JsonValue.object().put("a", "1").put("b", "2").put("a", "3").build();
        assertEquals("{\"a\":\"3\",\"b\":\"2\"}", JsJson.stringify(o));
    }

    @Test
    void objectBuilder_nullValue_refused() {
        assertThrows(NullPointerException.class, () -> JsonValue.object().put("a", (JsonValue) null));
    }
}
