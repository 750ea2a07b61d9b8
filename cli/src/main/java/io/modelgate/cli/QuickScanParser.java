package io.modelgate.cli;

import io.modelgate.cli.progress.ProgressOptions;
import io.modelgate.cli.report.ReportFormat;
import io.modelgate.cli.report.ReportTargets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ordinary {@code scan} command line without picocli. picocli's first command line costs every run about
 * 150 ms of CPU (its model is built by reflection, in interpreted code), a third of a small scan. This reader is
 * deliberately narrow: it accepts only what it reads exactly as picocli does (options by their exact names, each
 * single-valued option once, values that convert with the same converters) and gives up on anything else (help,
 * {@code @files}, {@code --}, clustered or unknown options, a value that looks like an option or does not
 * convert), which picocli then reads and reports as always. {@code QuickScanParserTest} holds the two to the same
 * result, defaults included, over generated command lines.
 */
final class QuickScanParser {

    private interface Setter {
        void set(ScanCommand scan, String value);
    }

    /** Options that take a value and may be given once. */
    private static final Map<String, Setter> SINGLE = Map.ofEntries(
            Map.entry("--format", (scan, v) -> scan.format = format(v)),
            Map.entry("--output", (scan, v) -> scan.output = Path.of(v)),
            Map.entry("--policy", (scan, v) -> scan.run.policyOptions.policyFile = Path.of(v)),
            Map.entry("--profile", (scan, v) -> scan.run.policyOptions.profile = v),
            Map.entry("--review-exit-code", (scan, v) -> scan.run.policyOptions.reviewExitCode = number(v)),
            Map.entry("--fail-on", (scan, v) -> scan.run.policyOptions.failOn = new SeverityConverter().convert(v)),
            Map.entry("--max-depth", (scan, v) -> scan.run.maxDepth = number(v)),
            Map.entry("--timeout", (scan, v) -> scan.run.timeout = new DurationConverter().convert(v)),
            Map.entry("--max-file-size", (scan, v) -> scan.run.maxFileSize = new SizeConverter().convert(v)),
            Map.entry("--max-temp-size", (scan, v) -> scan.run.maxTempSize = new SizeConverter().convert(v)),
            Map.entry("--threads", (scan, v) -> scan.run.threads = number(v)),
            Map.entry("--cache", (scan, v) -> scan.run.cacheDir = Path.of(v)),
            Map.entry("--cache-max-size", (scan, v) -> scan.run.cacheMaxSize = new SizeConverter().convert(v)),
            Map.entry("--lock", (scan, v) -> scan.run.verification.lock = Path.of(v)),
            Map.entry("--trust-root", (scan, v) -> scan.run.verification.trustRoot = Path.of(v)));

    /** Options that take a value and may be repeated, each value added to a list. */
    private static final Map<String, Setter> REPEATABLE = Map.of(
            "--report", (scan, v) -> scan.reports.add(ReportTargets.parse(v)),
            "--kb", (scan, v) -> scan.run.kbFiles.add(Path.of(v)),
            "--public-key", (scan, v) -> scan.run.verification.publicKeys.add(Path.of(v)),
            "--ca-cert", (scan, v) -> scan.run.verification.caCertificates.add(Path.of(v)),
            "--keyring", (scan, v) -> scan.run.verification.keyrings.add(Path.of(v)),
            "--ignore-paths", QuickScanParser::ignorePaths);

    private static final Set<String> FLAGS = Set.of("--strict", "--allow-incomplete", "--progress", "--quiet");
    private static final Map<String, String> SHORT = Map.of("-f", "--format", "-o", "--output", "-q", "--quiet");

    private QuickScanParser() {
    }

    /** Every option name this reader reads. */
    static Set<String> optionNames() {
        Set<String> names = new HashSet<>(SINGLE.keySet());
        names.addAll(REPEATABLE.keySet());
        names.addAll(FLAGS);
        names.addAll(SHORT.keySet());
        return names;
    }

    /** The {@code scan} command {@code args} give, ready to run; empty when picocli has to read them. */
    static Optional<ScanCommand> parse(String... args) {
        if (args.length < 2 || !args[0].equals("scan")) {
            return Optional.empty();
        }
        ScanCommand scan = withDefaults();
        Set<String> given = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        boolean progress = false;
        boolean quiet = false;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("@")) {
                    return Optional.empty(); // an argument file, expanded by picocli
                }
                if (!arg.startsWith("-")) {
                    paths.add(Path.of(arg));
                    continue;
                }
                int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
                String name = equals < 0 ? arg : arg.substring(0, equals);
                name = SHORT.getOrDefault(name, name);
                boolean flag = FLAGS.contains(name);
                boolean once = flag || SINGLE.containsKey(name);
                Setter setter = once ? SINGLE.get(name) : REPEATABLE.get(name);
                if (!flag && setter == null || once && !given.add(name)) {
                    return Optional.empty(); // help, version, a misspelt option, or one given twice
                }
                if (flag) {
                    if (equals >= 0) {
                        return Optional.empty();
                    }
                    switch (name) {
                        case "--strict" -> scan.run.policyOptions.strict = true;
                        case "--allow-incomplete" -> scan.run.policyOptions.allowIncomplete = true;
                        case "--progress" -> progress = true;
                        default -> quiet = true;
                    }
                    continue;
                }
                String value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return Optional.empty();
                }
                setter.set(scan, value);
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a value that does not convert: picocli says why
        }
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        scan.paths = paths;
        scan.progress = ProgressOptions.of(progress, quiet);
        return Optional.of(scan);
    }

    private static ScanCommand withDefaults() {
        ScanCommand scan = new ScanCommand();
        scan.format = format(ScanCommand.DEFAULT_FORMAT);
        scan.run = new ScanRun();
        scan.run.policyOptions = new PolicyOptions();
        scan.run.policyOptions.reviewExitCode = number(PolicyOptions.DEFAULT_REVIEW_EXIT_CODE);
        scan.run.maxDepth = number(ScanRun.DEFAULT_MAX_DEPTH);
        scan.run.timeout = new DurationConverter().convert(ScanRun.DEFAULT_TIMEOUT);
        scan.run.maxFileSize = new SizeConverter().convert(ScanRun.DEFAULT_MAX_FILE_SIZE);
        scan.run.maxTempSize = new SizeConverter().convert(ScanRun.DEFAULT_MAX_TEMP_SIZE);
        scan.run.cacheMaxSize = new SizeConverter().convert(ScanRun.DEFAULT_CACHE_MAX_SIZE);
        scan.run.kbFiles = new ArrayList<>();
        scan.run.verification = new VerificationMixin();
        return scan;
    }

    private static ReportFormat format(String value) {
        for (ReportFormat format : ReportFormat.values()) {
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format");
    }

    /** Plain decimal digits only: signs, hexadecimal and the like are left to picocli. */
    private static int number(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("not a plain number");
        }
        return Integer.parseInt(value);
    }

    /** Split at commas as picocli's {@code split = ","}; quotes and empty parts are left to picocli. */
    private static void ignorePaths(ScanCommand scan, String value) {
        if (value.contains("\"") || value.startsWith(",") || value.endsWith(",") || value.contains(",,")) {
            throw new IllegalArgumentException("left to picocli");
        }
        for (String part : value.split(",")) {
            scan.run.verification.ignorePaths.add(Path.of(part));
        }
    }
}
