package io.litj.node.http.internal;

/**
 * One node endpoint: turns a parsed request into a response, or throws {@link io.litj.node.LitNodeException} to
 * answer with an error body. Endpoints never see raw HTTP.
 */
@FunctionalInterface
public interface Endpoint {
    NodeResponse handle(NodeRequest request);
}
