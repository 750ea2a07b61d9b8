package io.modelgate.cli;

import io.modelgate.scanner.analysis.Failures;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Builds the command line with its error handling; tests drive it with string writers. */
public final class CliFactory {

    private CliFactory() {
    }

    /** The whole command tree. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, ModelGateCommand.SUBCOMMANDS.keySet());
    }

    /**
     * The tree {@code args} need: only the subcommand they name when the first argument is one (building the
     * others costs a noticeable part of a small scan's start-up), else the whole tree (help, version, errors).
     */
    public static CommandLine forArgs(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && ModelGateCommand.SUBCOMMANDS.containsKey(args[0])) {
            return create(out, err, List.of(args[0]));
        }
        return create(out, err);
    }

    private static CommandLine create(PrintWriter out, PrintWriter err, Collection<String> subcommands) {
        CommandLine cli = new CommandLine(new ModelGateCommand());
        for (String name : subcommands) {
            cli.addSubcommand(name, instantiate(ModelGateCommand.SUBCOMMANDS.get(name)));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                failed(ex, commandLine.getErr(), commandLine.getCommandSpec().qualifiedName()));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            usage(failed.getErr(), failed.getCommandSpec().qualifiedName(), ex.getMessage());
            return ExitCodes.USAGE;
        });
        return cli;
    }

    /**
     * Runs the command {@code args} give: a {@code scan} that {@link QuickScanParser} read ({@code quickScan}) as
     * it would run under picocli, anything else through picocli.
     */
    public static int execute(PrintWriter out, PrintWriter err, Optional<ScanCommand> quickScan, String... args) {
        try {
            return quickScan.isPresent() ? quickScan.get().execute(out, err) : forArgs(out, err, args).execute(args);
        } catch (Exception | Error e) {
            // picocli hands exceptions to the handler below but lets errors through (a heap too small for a huge
            // report): they end in one line and exit code 2 too, never in a stack trace and exit code 1 (REJECT).
            return failed(e, err, "modelgate scan");
        }
    }

    /**
     * How a command that failed while running ends: a usage error as picocli reports a bad option (exit code 64),
     * anything else in one line as a run that could not finish (2).
     */
    private static int failed(Throwable ex, PrintWriter err, String command) {
        if (ex instanceof UsageException) {
            usage(err, command, ex.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("modelgate: " + oneLine(ex));
        return ExitCodes.INCOMPLETE;
    }

    private static void usage(PrintWriter err, String command, String message) {
        err.println("modelgate: " + message);
        err.println("Try '" + command + " --help' for more information.");
    }

    private static Object instantiate(Class<?> command) {
        try {
            return command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + command.getSimpleName(), e);
        }
    }

    /** What a run that ran out of heap says: the scan as a whole, not one file, and how to give it more. */
    static final String OUT_OF_MEMORY = "not enough memory for this run (the Java heap is too small; give it more "
            + "with MODELGATE_JAVA_OPTS=-Xmx4g, for example)";

    private static String oneLine(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        String message = Failures.describe(ex);
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (ex instanceof java.nio.file.InvalidPathException && !charset.equalsIgnoreCase("UTF-8")) {
            // Without a UTF-8 locale Java cannot open non-ASCII file names at all.
            message += " (file names are decoded as " + charset + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8)";
        }
        return message;
    }
}
