package io.modelgate.cli.progress;

import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code --progress} and {@code --quiet}: whether a scan shows a progress line on standard error. By default
 * it does when standard error is a terminal (the launcher tells, through {@code MODELGATE_STDERR_TTY}, since
 * Java cannot see it).
 */
public final class ProgressOptions {

    /** Set to 1 by the launchers when standard error is a terminal. */
    public static final String TERMINAL_ENV = "MODELGATE_STDERR_TTY";

    @Option(names = "--progress",
            description = "Show progress on standard error even when it is not a terminal (a line every few "
                    + "seconds in a CI log).")
    boolean progress;

    @Option(names = {"-q", "--quiet"},
            description = "No progress, and only the gate line on the terminal (reports given with --output or "
                    + "--report are still written).")
    boolean quiet;

    /** The options as given on a command line read without picocli. */
    public static ProgressOptions of(boolean progress, boolean quiet) {
        ProgressOptions options = new ProgressOptions();
        options.progress = progress;
        options.quiet = quiet;
        return options;
    }

    public boolean quiet() {
        return quiet;
    }

    /**
     * What to give the scanner ({@code scanner.withProgress(display)}); close it when the scan is over, before
     * the report is printed.
     */
    public ProgressDisplay display(PrintWriter err) {
        return display(err, "1".equals(System.getenv(TERMINAL_ENV)) || System.console() != null);
    }

    ProgressDisplay display(PrintWriter err, boolean stderrIsTerminal) {
        if (!shows(stderrIsTerminal)) {
            return ProgressDisplay.OFF;
        }
        return new ProgressLine(err, stderrIsTerminal, System::nanoTime).startTicking();
    }

    boolean shows(boolean stderrIsTerminal) {
        return !quiet && (progress || stderrIsTerminal);
    }
}
