package io.litj.protocol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a module's public API: the public top-level types of its main classes outside {@code .internal}
 * packages. Compared with {@code src/test/resources/api/public-types.txt} so that the surface changes only by a
 * reviewed diff (style rule R1).
 */
public final class ApiSurface {
    private ApiSurface() {
    }

    /** Public top-level types in the class folder that holds {@code anchor}, sorted. */
    public static List<String> publicTypes(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(p -> root.relativize(p).toString())
                        .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class"))
                        .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                        .filter(n -> !n.contains(".internal."))
                        .filter(ApiSurface::isPublic)
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expected list from {@code /api/public-types.txt} (comments with {@code #} ignored). */
    public static List<String> expected() {
        try (InputStream in = ApiSurface.class.getResourceAsStream("/api/public-types.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing /api/public-types.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Public methods of the public types that take or return a type from an {@code .internal.} package. */
    public static List<String> internalLeaks(Class<?> anchor) {
        List<String> leaks = new java.util.ArrayList<>();
        for (String name : publicTypes(anchor)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                List<Class<?>> used = new java.util.ArrayList<>(List.of(m.getParameterTypes()));
                used.add(m.getReturnType());
                for (Class<?> c : used) {
                    if (c.getName().contains(".internal.")) {
                        leaks.add(name + "." + m.getName() + " uses " + c.getName());
                    }
                }
            }
        }
        return leaks;
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, ApiSurface.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
