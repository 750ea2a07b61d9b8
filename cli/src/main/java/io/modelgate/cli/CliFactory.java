package io.modelgate.cli;

import io.modelgate.scanner.analysis.Failures;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Builds the command line with its error handling; tests drive it with string writers. */
public final class CliFactory {

    private CliFactory() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ModelGateCommand());
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
