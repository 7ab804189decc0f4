/**
 * The node's HTTP surface: Lit routes on Helidon SE, JSON in and out, the node error body, size limits and
 * correlation ids ({@code lit-node-behaviour.md} §1, §8).
 */
package io.litj.node.http;
