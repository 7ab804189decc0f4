/**
 * JSON with JavaScript semantics: {@link io.litj.protocol.json.JsJson} writes what {@code JSON.stringify} writes
 * (and the RFC 8785 canonical form), {@link io.litj.protocol.json.JsonReader} parses strictly into immutable
 * {@link io.litj.protocol.json.JsonValue}s that keep member order. No I/O.
 */
package io.litj.protocol.json;
