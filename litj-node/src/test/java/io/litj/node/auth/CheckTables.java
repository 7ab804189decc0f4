package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the check tables of {@code docs/*.md} ({@code | # | `Check` | rule | refuses with |}), so that a test can
 * compare a pipeline's checks, in order, with the names and codes the page documents.
 */
final class CheckTables {
    private static final Pattern ROW = Pattern.compile("^\\| \\d+ \\| `(\\w+)` \\|.*\\|([^|]*)\\|$");
    private static final Pattern CODE = Pattern.compile("`(Node\\w+)`");

    /** A table row: the check's name and the codes it lists. */
    record Row(String check, Set<LitErrorCode> codes) {
    }

    private CheckTables() {
    }

    /** The rows of every check table of {@code docs/<page>}, in order. */
    static List<Row> rows(String page) throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(doc(page))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Set<LitErrorCode> codes = new TreeSet<>();
                CODE.matcher(row.group(2)).results().forEach(m -> codes.add(LitErrorCode.valueOf(m.group(1))));
                out.add(new Row(row.group(1), codes));
            }
        }
        return out;
    }

    /** {@code docs/<page>}, found above the working directory (the module folder under Maven). */
    private static Path doc(String page) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path doc = d.resolve("docs").resolve(page);
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("no docs/" + page + " above " + Path.of("").toAbsolutePath());
    }
}
