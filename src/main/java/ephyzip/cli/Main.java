package ephyzip.cli;

import ephyzip.io.BadInputException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ephyzip} command line. */
@Command(name = "ephyzip", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Lossless compression of neural electrode recordings: 16-bit WAV, SpikeGLX, Open Ephys or flat"
                + " interleaved files, any number of channels.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:unexpected failure", "2:usage error", "3:bad input (WAV, stream or model)"})
public final class Main {
    /**
     * The subcommands in the order help lists them. They are added in code rather than in the
     * annotation so that a run builds only the one it was asked for: picocli reads each command's
     * annotations by reflection, and before the JIT has compiled anything that costs about 20 ms
     * a command (0.12 s of a decode's start on one core, measured 2026-11-29). In a holder of
     * their own, so that a line {@link QuickLine} reads loads none of them (nor picocli).
     */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

        static {
            ALL.put("train", TrainCommand::new);
            ALL.put("encode", EncodeCommand::new);
            ALL.put("decode", DecodeCommand::new);
            ALL.put("test", TestCommand::new);
            ALL.put("verify", VerifyCommand::new);
            ALL.put("inspect", InspectCommand::new);
            ALL.put("compare", CompareCommand::new);
            // these two read the whole tree, so asking for them builds all of it
            ALL.put("generate-man", ManPage::new);
            ALL.put("generate-completion", picocli.AutoComplete.GenerateCompletion::new);
        }
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        int exit;
        InferencePath.ownProcess = true;
        try {
            // the everyday decode and encode lines skip picocli's start (QuickLine says why)
            Integer quick = QuickLine.run(args, new PrintWriter(System.err, true));
            exit = quick != null ? quick : commandLine(args).execute(args);
        } catch (NoClassDefFoundError e) {
            // train and compare need the tools' libraries; the lean class path has only the codec
            System.err.println("ephyzip: this command needs the training and tool libraries (target/lib), which"
                    + " are not on the class path (missing " + e.getMessage() + "); run it through bin/ephyzip");
            exit = ExitCodes.FAILURE;
        } catch (OutOfMemoryError e) {
            // outputs are temporary files until they succeed, so nothing partial is left behind
            System.err.printf("ephyzip: out of memory: the Java heap (%d MB) is too small for this input;"
                    + " give it more, e.g. EPHYZIP_JAVA_OPTS=-Xmx1g%n", Runtime.getRuntime().maxMemory() >> 20);
            exit = ExitCodes.FAILURE;
        }
        System.exit(exit);
    }

    /** The command line with every subcommand and ephyzip's error handling. */
    public static CommandLine commandLine() {
        return build(null);
    }

    /**
     * The command line for these arguments: when they name one of the codec's commands, only that
     * one is built, otherwise (help, usage errors, man pages, completion) all of them. Parsing and
     * messages are the same as with {@link #commandLine()}; tests call {@code execute} on it.
     */
    public static CommandLine commandLine(String... args) {
        return build(requestedCommand(args));
    }

    /** The first argument that is not an option, when it names a codec command; else null. */
    static String requestedCommand(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            boolean whole = a.equals("generate-man") || a.equals("generate-completion");
            return Subcommands.ALL.containsKey(a) && !whole ? a : null;
        }
        return null;
    }

    private static CommandLine build(String only) {
        CommandLine cl = new CommandLine(new Main());
        Subcommands.ALL.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command.get());
            }
        });
        if (only == null) {
            // completion scripts are for bin/install-extras, not for the command list a user reads
            cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        }
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> failure(e, cmd.getErr(), debugRequested(parseResult)));
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        return cl;
    }

    /** Reports a command's failure on {@code err}; returns its exit code. */
    static int failure(Exception e, PrintWriter err, boolean debug) {
        if (e instanceof BadInputException) {
            err.println("ephyzip: " + e.getMessage());
            printTrace(err, e, debug);
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof UsageException) {
            err.println("ephyzip: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("ephyzip: unexpected failure: " + e + (debug ? "" : " (--debug shows where)"));
        printTrace(err, e, debug);
        return ExitCodes.FAILURE;
    }

    private static boolean debugRequested(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static void printTrace(PrintWriter err, Throwable e, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
