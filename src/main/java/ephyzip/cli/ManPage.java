package ephyzip.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ephyzip generate-man}: the manual page, ephyzip(1), written as troff from the same picocli
 * model that parses the command line, so that it cannot drift from what the commands accept.
 * (picocli-codegen's generator writes AsciiDoc, which needs Asciidoctor to become a man page;
 * troff needs nothing.)
 */
@Command(name = "generate-man", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the manual page ephyzip(1) as troff (bin/install-extras installs it).")
final class ManPage implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(spec.commandLine().getParent()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The page for {@code root} and its visible subcommands. */
    static String render(CommandLine root) {
        CommandSpec s = root.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH EPHYZIP 1 \"\" \"ephyzip ").append(VersionInfo.VERSION).append("\" \"User Commands\"\n");
        b.append(".SH NAME\nephyzip \\- lossless compression of neural electrode recordings\n");
        b.append(".SH SYNOPSIS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                b.append(".B ephyzip ").append(sub.getCommandName()).append("\n");
                b.append(escape(synopsis(sub.getCommandSpec()))).append("\n.br\n");
            }
        }
        b.append(".SH DESCRIPTION\n").append(escape(String.join(" ", s.usageMessage().description()))).append("\n");
        b.append(".PP\n").append(escape("Streams are byte-exact: decode restores the input file, header and extra chunks"
                + " included. A stream records its coder, its model's fingerprint and the input's kind and rate, so"
                + " decode needs no options beyond the model, when a stream was written with one."))
                .append("\n");
        b.append(".SH OPTIONS\n");
        options(b, s.options());
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec c = sub.getCommandSpec();
            if (c.usageMessage().hidden()) {
                continue;
            }
            b.append(".SH \"EPHYZIP ").append(sub.getCommandName().toUpperCase()).append("\"\n");
            b.append(escape(String.join(" ", c.usageMessage().description()))).append("\n");
            b.append(".PP\n.B ephyzip ").append(sub.getCommandName()).append("\n")
                    .append(escape(synopsis(c))).append("\n");
            for (PositionalParamSpec p : c.positionalParameters()) {
                if (!p.hidden() && p.description().length > 0) {
                    b.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                            .append(escape(String.join(" ", p.description()))).append("\n");
                }
            }
            options(b, c.options());
        }
        b.append(".SH \"EXIT STATUS\"\n");
        for (var e : s.usageMessage().exitCodeList().entrySet()) {
            b.append(".TP\n.B ").append(e.getKey().trim()).append("\n").append(escape(e.getValue().trim())).append("\n");
        }
        b.append(".SH ENVIRONMENT\n.TP\n.B EPHYZIP_JAVA_OPTS\n")
                .append(escape("Options for the Java VM that bin/ephyzip starts, e.g. -Xmx1g for a larger heap."))
                .append("\n");
        b.append(".TP\n.B EPHYZIP_AOT\n")
                .append(escape("0: do not make or use the start-up cache (target/aot) that"
                        + " bin/ephyzip otherwise makes on the first encode or decode."))
                .append("\n");
        b.append(".SH FILES\n.TP\n.I models/default.ezm\n")
                .append(escape("The shipped default model, used when --model is not given (ephyzip --version gives"
                        + " its fingerprint): the model of levels 4 to 9, whose small network runs at 6 to 9."))
                .append("\n");
        b.append(".TP\n.I models/large.ezm\n")
                .append(escape("The large network: 0.6's levels 7 to 9, now taken only with -m."))
                .append("\n");
        b.append(".TP\n.I models/bigram.ezm\n")
                .append(escape("The bigram table of levels 1 to 3."))
                .append("\n");
        b.append(".SH \"SEE ALSO\"\n")
                .append(escape("gzip(1), xz(1), flac(1). The stream format: FORMAT.md in the source tree;"
                        + " measured results: docs/results.md."))
                .append("\n");
        return b.toString();
    }

    private static String synopsis(CommandSpec c) {
        StringBuilder b = new StringBuilder();
        for (OptionSpec o : c.options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            b.append(b.length() > 0 ? " " : "").append('[').append(o.longestName());
            if (o.arity().max() > 0) {
                b.append(' ').append(o.paramLabel());
            }
            b.append(']');
        }
        for (PositionalParamSpec p : c.positionalParameters()) {
            if (!p.hidden()) {
                b.append(b.length() > 0 ? " " : "").append(p.paramLabel()).append(p.arity().max() > 1 ? "..." : "");
            }
        }
        return b.toString();
    }

    private static void options(StringBuilder b, List<OptionSpec> options) {
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n");
            String[] names = o.names();
            for (int i = 0; i < names.length; i++) {
                b.append(i > 0 ? ", " : "").append("\\fB").append(escape(names[i])).append("\\fR");
            }
            if (o.arity().max() > 0) {
                b.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            b.append("\n").append(escape(String.join(" ", o.description()))).append("\n");
        }
    }

    /** Text made safe for troff: backslashes, hyphens and control characters at a line's start. */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        StringBuilder b = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                b.append("\\&");
            }
            b.append(line);
        }
        return b.toString();
    }
}
