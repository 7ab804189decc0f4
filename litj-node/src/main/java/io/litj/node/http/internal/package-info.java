/**
 * The node's HTTP plumbing (not public API): Helidon adapter, endpoints, the error body, the action store.
 */
package io.litj.node.http.internal;
