package io.modelgate.cli;

import io.modelgate.scanner.analysis.Failures;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

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
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("modelgate: " + oneLine(ex));
            return ExitCodes.INCOMPLETE;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("modelgate: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    private static Object instantiate(Class<?> command) {
        try {
            return command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + command.getSimpleName(), e);
        }
    }

    private static String oneLine(Throwable ex) {
        String message = Failures.describe(ex);
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (ex instanceof java.nio.file.InvalidPathException && !charset.equalsIgnoreCase("UTF-8")) {
            // Without a UTF-8 locale Java cannot open non-ASCII file names at all.
            message += " (file names are decoded as " + charset + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8)";
        }
        return message;
    }
}
