package io.litj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line through {@link Main#run}: its exit code, stdout and stderr. */
record LitjRun(int code, String out, String err) {

    static LitjRun litj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new LitjRun(code, out.toString(), err.toString());
    }

    /** For assertion messages. */
    String both() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
