package io.litj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;

/** One run of the command line through {@link Main#run}: its exit code, stdout and stderr. */
public record LitjRun(int code, String out, String err) {

    /** Runs {@code litj args} in this JVM. */
    public static LitjRun litj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new LitjRun(code, out.toString(), err.toString());
    }

    /** A file in {@code dir} holding {@code key} on its first line, for {@code --private-key-file}. */
    static String keyFile(Path dir, String key) {
        try {
            Path file = dir.resolve("key-" + key.substring(2, 10));
            Files.writeString(file, key + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For assertion messages. */
    public String both() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
