package io.modelgate.cli.report;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code --report FORMAT=FILE} values (the option is repeatable). Use as the option's converter:
 * {@code @Option(names = "--report", converter = ReportTargets.class) List<ReportTarget> reports}, then check
 * the list with {@link #checkDistinct}.
 */
public final class ReportTargets implements ITypeConverter<ReportTarget> {

    /** Every format {@code --report} accepts. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "html", "markdown", "junit",
            "cyclonedx", "cyclonedx-xml", "spdx");

    @Override
    public ReportTarget convert(String value) {
        return parse(value);
    }

    public static ReportTarget parse(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new TypeConversionException("expected FORMAT=FILE, e.g. sarif=modelgate.sarif (formats: "
                    + String.join(", ", FORMATS) + ")");
        }
        String format = value.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String file = value.substring(eq + 1);
        if (format.equals("md")) {
            format = "markdown";
        }
        if (!FORMATS.contains(format)) {
            throw new TypeConversionException("unknown report format '" + value.substring(0, eq) + "' (formats: "
                    + String.join(", ", FORMATS) + ")");
        }
        if (file.isBlank()) {
            throw new TypeConversionException("no file given for the " + format + " report (FORMAT=FILE)");
        }
        try {
            return new ReportTarget(format, Path.of(file));
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a valid file name for the " + format + " report: " + e.getReason());
        }
    }

    /** Two reports into one file would overwrite each other: a usage error, named in one line. */
    public static void checkDistinct(List<ReportTarget> targets) {
        Set<Path> seen = new HashSet<>();
        for (ReportTarget target : targets) {
            if (!seen.add(target.file().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two reports would be written to " + target.file());
            }
        }
    }
}
