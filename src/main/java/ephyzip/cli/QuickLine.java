package ephyzip.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The everyday shapes of {@code decode} and {@code encode} read without picocli, whose first
 * command costs about 0.1 s of interpreted reflection before anything else runs (measured
 * 2026-11-30, one core: a sixth of a 5-s recording's decode). Only what it knows for certain:
 * the command first, then {@code -f}, {@code -c}, {@code -o DIR}, {@code -m MODEL},
 * {@code --threads N} and (encode) a level, each at most once, option values that are plain
 * words, and files. Anything else (help, a
 * range, {@code --opt=value}, clustered flags, {@code @files}, {@code --}, an unknown or repeated
 * option) returns null and goes to picocli, which then parses the whole line and gives its
 * messages. The command it builds is the one picocli would build, its fields set the same
 * ({@code QuickLineTest} compares the two field by field), and its failures take the same exit
 * codes ({@link Main#failure}).
 */
final class QuickLine {
    private QuickLine() {
    }

    /** Runs {@code args} when they are a quick shape; null when picocli must read them. */
    static Integer run(String[] args, PrintWriter err) {
        Callable<Integer> command = parse(args, err);
        if (command == null) {
            return null;
        }
        try {
            return command.call();
        } catch (Exception e) {
            return Main.failure(e, err, false);
        }
    }

    /** The command for {@code args}, its messages to {@code err}; null when they are not a quick shape. */
    static Callable<Integer> parse(String[] args, PrintWriter err) {
        if (args.length < 2) {
            return null;
        }
        try {
            if (args[0].equals("decode")) {
                DecodeCommand d = new DecodeCommand();
                d.model = new ModelOption();
                d.io = new FileOptions();
                d.err = err;
                return read(args, d.io, d.model, null) ? d : null;
            }
            if (args[0].equals("encode")) {
                EncodeCommand e = new EncodeCommand();
                e.model = new ModelOption();
                e.level = new LevelOption();
                e.io = new FileOptions();
                e.coder = EncodeCommand.DEFAULT_CODER;
                e.err = err;
                return read(args, e.io, e.model, e.level) ? e : null;
            }
        } catch (InvalidPathException | NumberFormatException e) {
            return null; // picocli words the message
        }
        return null;
    }

    /** Sets the options and files of {@code args[1..]}; false when one is not for this class. */
    private static boolean read(String[] args, FileOptions io, ModelOption model, LevelOption level) {
        Set<String> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-") || !a.startsWith("-")) {
                if (a.startsWith("@")) {
                    return false; // picocli reads arguments from such a file
                }
                files.add(Path.of(a));
                continue;
            }
            String option = canonical(a, level != null);
            if (option == null || !seen.add(option)) {
                return false;
            }
            switch (option) {
                case "-f" -> io.force = true;
                case "-c" -> io.stdout = true;
                case "-o", "-m", "--threads" -> {
                    if (i + 1 == args.length || !plainWord(args[i + 1])) {
                        return false;
                    }
                    String v = args[++i];
                    if (option.equals("-o")) {
                        io.outDir = Path.of(v);
                    } else if (option.equals("-m")) {
                        model.model = Path.of(v);
                    } else if (v.chars().allMatch(Character::isDigit) && v.length() <= 6) {
                        io.threads = Integer.parseInt(v);
                    } else {
                        return false;
                    }
                }
                default -> level.set(option.charAt(1) - '0'); // a level: "-1" to "-9"
            }
        }
        if (files.isEmpty()) {
            return false;
        }
        io.files = files;
        return true;
    }

    /** The option's short name ("-1" to "-9" for levels), or null for one not read here. */
    private static String canonical(String a, boolean levels) {
        switch (a) {
            case "-f", "--force":
                return "-f";
            case "-c", "--stdout":
                return "-c";
            case "-o", "--output-dir":
                return "-o";
            case "-m", "--model":
                return "-m";
            case "--threads":
                return "--threads";
            default:
                break;
        }
        if (!levels) {
            return null;
        }
        if (a.equals("--fast")) {
            return "-1";
        }
        if (a.equals("--best")) {
            return "-9";
        }
        return a.length() == 2 && a.charAt(1) >= '1' && a.charAt(1) <= '9' ? a : null;
    }

    private static boolean plainWord(String v) {
        return !v.isEmpty() && !v.startsWith("-") && !v.startsWith("@");
    }
}
