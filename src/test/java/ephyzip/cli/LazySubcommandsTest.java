package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line builds only the command it is asked for, and behaves as the whole tree does. */
class LazySubcommandsTest {
    @Test
    void findsTheNamedCommandPastGlobalOptions() {
        assertEquals("decode", Main.requestedCommand(new String[] {"--debug", "decode", "x.ezp"}));
        assertEquals("encode", Main.requestedCommand(new String[] {"encode", "-1", "a.wav"}));
        assertNull(Main.requestedCommand(new String[] {"--help"}));
        assertNull(Main.requestedCommand(new String[] {"frob", "decode"}));
        assertNull(Main.requestedCommand(new String[] {"generate-man", "--dir", "x"}));
        assertNull(Main.requestedCommand(new String[] {}));
    }

    @Test
    void buildsOneCommandOrAll() {
        assertEquals(Set.of("decode"), Main.commandLine("decode", "x.ezp").getSubcommands().keySet());
        assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLine("--help").getSubcommands().keySet());
        assertEquals(9, Main.commandLine("frob").getSubcommands().size());
    }

    @Test
    void helpListsEveryCommandAndInheritedOptionsStillWork() {
        Cli help = Cli.run("--help");
        for (String name : new String[] {"train", "encode", "decode", "test", "verify", "inspect", "compare"}) {
            assertTrue(help.out().contains("\n  " + name + " "), name + " missing from\n" + help);
        }
        Cli debug = Cli.run("--debug", "decode", "no-such-file.ezp");
        assertEquals(ExitCodes.BAD_INPUT, debug.exit(), debug.toString());
        assertTrue(debug.err().contains("\tat ephyzip."), "--debug before the command shows where:\n" + debug);
        Cli unknown = Cli.run("frob");
        assertEquals(ExitCodes.USAGE, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("Unmatched argument"), unknown.toString());
    }
}
