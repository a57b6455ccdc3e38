package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** --version, the man page and shell completion: made from the command-line model, so they cannot drift. */
class ManualTest {
    @Test
    void versionNamesTheReleaseTheDefaultModelAndTheInferencePath() throws Exception {
        Cli r = Cli.run("--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("ephyzip " + VersionInfo.VERSION + "\n") || r.out().startsWith(
                "ephyzip " + VersionInfo.VERSION + "\r\n"), r.toString());
        String fingerprint = ModelOption.load(Path.of("models/default.ezm")).fingerprint();
        assertTrue(r.out().contains("fingerprint " + fingerprint), r.toString());
        assertTrue(r.out().contains("network inference: vector") || r.out().contains("network inference: scalar"),
                r.toString());
    }

    @Test
    void theReleaseIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>ephyzip</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no version in pom.xml");
        assertEquals(m.group(1), VersionInfo.VERSION);
    }

    @Test
    void manPageDocumentsEveryVisibleCommandAndOption() {
        Cli r = Cli.run("generate-man");
        assertEquals(0, r.exit(), r.toString());
        String page = r.out();
        assertTrue(page.startsWith(".TH EPHYZIP 1 "), page);
        CommandLine root = Main.commandLine();
        int options = 0;
        for (CommandLine sub : root.getSubcommands().values()) {
            boolean hidden = sub.getCommandSpec().usageMessage().hidden();
            String heading = ".SH \"EPHYZIP " + sub.getCommandName().toUpperCase() + "\"";
            assertEquals(!hidden, page.contains(heading), heading);
            if (hidden) {
                continue;
            }
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (!o.hidden()) {
                    assertTrue(page.contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR"),
                            sub.getCommandName() + " " + o.longestName());
                    options++;
                }
            }
        }
        assertTrue(options > 40, "only " + options + " options documented");
        assertTrue(page.contains(".SH \"EXIT STATUS\""));
        for (String line : page.split("\n")) {
            // a line of text starting with a dot or quote would be read as a troff request
            assertTrue(!line.startsWith(".") || line.matches("\\.(TH|SH|SS|TP|PP|B|I|br)( .*)?"), line);
        }
    }

    @Test
    void completionScriptKnowsTheCommandsAndTheirOptions() {
        Cli r = Cli.run("generate-completion");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("complete -F"), r.out());
        for (String s : new String[] {"encode", "decode", "compare", "inspect", "--coder", "--channels"}) {
            assertTrue(r.out().contains(s), s);
        }
        Cli help = Cli.run("--help");
        assertTrue(!help.out().contains("generate-"), "generators are hidden from --help: " + help.out());
    }

    @Test
    void escapingKeepsTroffFromReadingTextAsRequests() {
        assertEquals("\\&.x \\- a\\eb", ManPage.escape(".x - a\\b"));
    }
}
