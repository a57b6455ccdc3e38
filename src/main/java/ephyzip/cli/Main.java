package ephyzip.cli;

import ephyzip.io.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ephyzip} command line. */
@Command(name = "ephyzip", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Lossless compression of neural electrode recordings: 16-bit WAV, SpikeGLX, Open Ephys or flat"
                + " interleaved files, any number of channels.",
        subcommands = {TrainCommand.class, EncodeCommand.class, DecodeCommand.class, TestCommand.class, VerifyCommand.class, InspectCommand.class,
                CompareCommand.class, ManPage.class, picocli.AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:unexpected failure", "2:usage error", "3:bad input (WAV, stream or model)"})
public final class Main {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        int exit;
        InferencePath.ownProcess = true;
        try {
            exit = commandLine().execute(args);
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

    /** The command line with ephyzip's error handling; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // completion scripts are for bin/install-extras, not for the command list a user reads
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            boolean debug = debugRequested(parseResult);
            if (e instanceof BadInputException) {
                err.println("ephyzip: " + e.getMessage());
                printTrace(err, e, debug);
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof UsageException) {
                err.println("ephyzip: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("ephyzip: unexpected failure: " + e + (debug ? "" : " (--debug shows where)"));
            printTrace(err, e, debug);
            return ExitCodes.FAILURE;
        });
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        return cl;
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
