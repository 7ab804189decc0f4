package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.actions.ActionHostException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.testing.InMemoryRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's host routes permission functions to the registry and refuses what it cannot take. */
class ActionFunctionsTest {
    private final ActionFunctions host = new ActionFunctions(new ActionPermissions(new InMemoryRegistry(
            new NetworkInfo(31337, 1, 2, "0x0000000000000000000000000000000000000000", Instant.EPOCH, 3600),
            List.of())), null);

    @Test
    void permissionFunction_unknownPkp_answersFromTheRegistry() {
        assertEquals("[]", host.call("getPermittedAddresses", "{\"tokenId\":\"7\"}"));
    }

    @Test
    void permissionFunction_argumentsOverTheBound_isRefusedBeforeParsing() {
        String big = "{\"tokenId\":\"7\",\"pad\":\"" + "x".repeat(ActionFunctions.MAX_PERMISSION_ARGS_CHARS) + "\"}";

        assertEquals("arguments longer than 4096 characters as JSON",
                assertThrows(ActionHostException.class, () -> host.call("getPermittedActions", big)).getMessage());
    }

    @Test
    void permissionFunction_argumentNotAnObject_isRefused() {
        assertEquals("expects an argument object",
                assertThrows(ActionHostException.class, () -> host.call("getPermittedActions", "[1]")).getMessage());
    }

    @Test
    void signingFunction_nodeWithoutPkpSigner_isRefused() {
        assertEquals("this node does not sign with PKPs", assertThrows(ActionHostException.class,
                () -> host.call("signAndCombineEcdsa", "{}")).getMessage());
    }

    @Test
    void accessControlFunction_nodeWithoutConditionEvaluator_isRefused() {
        assertEquals("this node does not evaluate access control conditions", assertThrows(ActionHostException.class,
                () -> host.call("decryptAndCombine", "{}")).getMessage());
    }
}
