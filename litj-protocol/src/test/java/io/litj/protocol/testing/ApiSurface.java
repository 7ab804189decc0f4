package io.litj.protocol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists a module's public API: the public top-level types of its main classes outside {@code .internal}
 * packages. Compared with {@code src/test/resources/api/public-types.txt} so that the surface changes only by a
 * reviewed diff (style rule R1), and with the exports of the module's {@code module-info.java}, so that the
 * compiler's fence and the reviewed list describe the same surface.
 */
public final class ApiSurface {
    private ApiSurface() {
    }

    /** Public top-level types in the class folder that holds {@code anchor}, sorted. */
    public static List<String> publicTypes(Class<?> anchor) {
        Path root = classRoot(anchor);
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class")
                            && !p.equals("module-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.contains(".internal."))
                    .filter(ApiSurface::isPublic)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * What is wrong with the {@code module-info.class} beside {@code anchor}'s classes, empty when nothing is: every
     * package holding a listed public type is exported to all, no other package is; {@code .internal} packages are
     * exported only {@code to} named {@code io.litj.*} modules; nothing is opened to all (style rule R1).
     */
    public static List<String> exportProblems(Class<?> anchor) {
        ModuleDescriptor descriptor = descriptor(anchor);
        Set<String> publicPackages = new TreeSet<>();
        for (String type : publicTypes(anchor)) {
            publicPackages.add(type.substring(0, type.lastIndexOf('.')));
        }
        Set<String> exportedToAll = new TreeSet<>();
        List<String> problems = new java.util.ArrayList<>();
        for (ModuleDescriptor.Exports e : descriptor.exports()) {
            boolean internal = e.source().endsWith(".internal") || e.source().contains(".internal.");
            if (!e.isQualified()) {
                exportedToAll.add(e.source());
                if (internal) {
                    problems.add("internal package exported to every module: " + e.source());
                }
            } else if (!internal) {
                problems.add("public package exported only to " + new TreeSet<>(e.targets()) + ": " + e.source());
            } else {
                for (String target : new TreeSet<>(e.targets())) {
                    if (!target.startsWith("io.litj.")) {
                        problems.add("internal package " + e.source() + " exported to a non-litj module: " + target);
                    }
                }
            }
        }
        for (String p : publicPackages) {
            if (!exportedToAll.contains(p)) {
                problems.add("package with public types not exported: " + p);
            }
        }
        for (String p : exportedToAll) {
            if (!publicPackages.contains(p) && !p.contains(".internal")) {
                problems.add("exported package without a listed public type: " + p);
            }
        }
        if (descriptor.isOpen()) {
            problems.add("open module: " + descriptor.name());
        }
        for (ModuleDescriptor.Opens o : descriptor.opens()) {
            if (!o.isQualified()) {
                problems.add("package opened to every module: " + o.source());
            }
        }
        return problems;
    }

    /** The module descriptor compiled beside {@code anchor}'s classes; fails if there is none. */
    public static ModuleDescriptor descriptor(Class<?> anchor) {
        Path file = classRoot(anchor).resolve("module-info.class");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no module-info.class in " + file.getParent());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classRoot(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, ApiSurface.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
