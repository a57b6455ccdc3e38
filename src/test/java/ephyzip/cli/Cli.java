package ephyzip.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output. */
public record Cli(int exit, String out, String err) {
    /** As Main runs it: the everyday lines without picocli, else only the named command built. */
    public static Cli run(Object... args) {
        return run(true, args);
    }

    /** As {@link #run}, always through picocli (for comparing the two ways in). */
    public static Cli viaPicocli(Object... args) {
        return run(false, args);
    }

    private static Cli run(boolean quickFirst, Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].toString();
        }
        Integer quick = quickFirst ? QuickLine.run(a, new PrintWriter(err, true)) : null;
        if (quick != null) {
            return new Cli(quick, out.toString(), err.toString());
        }
        CommandLine cl = Main.commandLine(a);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(a);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
