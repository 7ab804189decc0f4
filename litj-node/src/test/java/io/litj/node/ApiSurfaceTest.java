package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.testing.ApiSurface;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public types of litj-node are exactly those listed in {@code api/public-types.txt} (style rule R1). */
class ApiSurfaceTest {
    @Test
    void publicTypes_matchTheReviewedList() {
        assertEquals(String.join("\n", ApiSurface.expected()),
                String.join("\n", ApiSurface.publicTypes(LitNode.class)));
    }

    @Test
    void publicSignatures_neverMentionInternalTypes() throws ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String name : ApiSurface.publicTypes(LitNode.class)) {
            Class<?> type = Class.forName(name);
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                List<Class<?>> used = new ArrayList<>(List.of(m.getParameterTypes()));
                used.add(m.getReturnType());
                for (Class<?> c : used) {
                    if (c.getName().contains(".internal.")) {
                        leaks.add(name + "." + m.getName() + " uses " + c.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
