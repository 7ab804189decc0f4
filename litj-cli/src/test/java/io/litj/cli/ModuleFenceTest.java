package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module fence holds for code outside litj (style rule R1): a module that reads every litj module can import
 * each exported package, and javac refuses each package a litj module keeps to itself or exports only {@code to}
 * a sibling ({@code io.litj.node.registry.internal} is for {@code io.litj.devnet} alone).
 *
 * <p>The probe is compiled in-process against the litj modules this test runs with (their {@code module-info}
 * classes), on the module path the way Maven compiles litj's own main code: modules with a descriptor, plus the
 * automatic modules a litj descriptor names ({@code crypto}, {@code jblst}); other jars on the class path.
 */
class ModuleFenceTest {
    private static final String PROBE = "fence.probe";

    private static Map<String, ModuleDescriptor> litjModules;
    private static List<String> modulePath;
    private static List<String> classPath;

    @TempDir
    Path work;

    @BeforeAll
    static void findModules() {
        Map<String, ModuleReference> explicit = new TreeMap<>();
        Map<String, ModuleReference> automatic = new TreeMap<>();
        List<String> plain = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean candidate = entry.endsWith(".jar") || Files.isRegularFile(path.resolve("module-info.class"));
            ModuleReference found = null;
            if (candidate && Files.exists(path)) {
                try {
                    found = ModuleFinder.of(path).findAll().stream().findFirst().orElse(null);
                } catch (FindException e) {
                    found = null;
                }
            }
            if (found == null) {
                plain.add(entry);
            } else if (found.descriptor().isAutomatic()) {
                automatic.put(found.descriptor().name(), found);
            } else {
                explicit.put(found.descriptor().name(), found);
            }
        }
        Set<String> requiredAutomatic = explicit.values().stream()
                .flatMap(m -> m.descriptor().requires().stream()).map(ModuleDescriptor.Requires::name)
                .filter(automatic::containsKey).collect(Collectors.toCollection(TreeSet::new));
        modulePath = new ArrayList<>();
        classPath = new ArrayList<>(plain);
        explicit.values().forEach(m -> modulePath.add(Path.of(m.location().orElseThrow()).toString()));
        automatic.forEach((name, m) -> (requiredAutomatic.contains(name) ? modulePath : classPath)
                .add(Path.of(m.location().orElseThrow()).toString()));
        litjModules = new TreeMap<>();
        explicit.forEach((name, m) -> {
            if (name.startsWith("io.litj.")) {
                litjModules.put(name, m.descriptor());
            }
        });
        assertEquals(Set.of("io.litj.cli", "io.litj.client", "io.litj.devnet", "io.litj.node", "io.litj.protocol",
                "io.litj.threshold"), litjModules.keySet(), "litj modules with a descriptor on the test class path");
    }

    @Test
    void exportedPackages_importedByAnotherModule_compile() throws IOException {
        Set<String> exported = new TreeSet<>();
        litjModules.values().forEach(d -> d.exports().stream().filter(e -> !e.isQualified())
                .forEach(e -> exported.add(e.source())));
        assertTrue(exported.contains("io.litj.node.registry"), exported::toString);

        List<Diagnostic<? extends JavaFileObject>> errors = compileProbe(exported);

        assertEquals(List.of(), errors.stream().map(ModuleFenceTest::describe).toList());
    }

    @Test
    void hiddenPackages_importedByAnotherModule_areNotVisible() throws IOException {
        Set<String> hidden = new TreeSet<>();
        litjModules.values().forEach(d -> {
            Set<String> toAll = d.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
            d.packages().stream().filter(p -> !toAll.contains(p)).forEach(hidden::add);
        });
        assertTrue(hidden.containsAll(List.of("io.litj.client.internal", "io.litj.node.registry.internal",
                "io.litj.protocol.auth.internal", "io.litj.threshold.internal")), hidden::toString);

        List<Diagnostic<? extends JavaFileObject>> errors = compileProbe(hidden);

        Set<String> refused = new TreeSet<>();
        for (Diagnostic<? extends JavaFileObject> d : errors) {
            String message = d.getMessage(Locale.ROOT);
            assertEquals("compiler.err.package.not.visible", d.getCode(), describe(d));
            refused.add(message.substring("package ".length(), message.indexOf(' ', "package ".length())));
            if (message.contains("io.litj.node.registry.internal")) {
                assertTrue(message.contains("does not export it to module " + PROBE), message);
            }
        }
        assertEquals(hidden, refused);
    }

    /** Compiles a module {@value #PROBE} reading every litj module, with one on-demand import per package. */
    private List<Diagnostic<? extends JavaFileObject>> compileProbe(Set<String> packages) throws IOException {
        String requires = litjModules.keySet().stream().map(m -> "    requires " + m + ";\n")
                .collect(Collectors.joining());
        Path moduleInfo = write("module-info.java", "module " + PROBE + " {\n" + requires + "}\n");
        String imports = packages.stream().map(p -> "import " + p + ".*;\n").collect(Collectors.joining());
        Path probe = write("fence/probe/Probe.java", "package fence.probe;\n\n" + imports + "\nclass Probe {\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-Xlint:none",
                "-d", work.resolve("out").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath)));
        if (!classPath.isEmpty()) {
            options.addAll(List.of("--class-path", String.join(File.pathSeparator, classPath)));
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(moduleInfo, probe)).call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
            assertEquals(errors.isEmpty(), ok, () -> diagnostics.getDiagnostics().toString());
            assertFalse(errors.stream().anyMatch(d -> d.getSource() != null
                    && d.getSource().getName().endsWith("module-info.java")), () -> errors.toString());
            return errors;
        }
    }

    private Path write(String relative, String text) throws IOException {
        Path file = work.resolve("src").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        return d.getCode() + " at line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
    }
}
