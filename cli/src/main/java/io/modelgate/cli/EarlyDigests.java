package io.modelgate.cli;

import io.modelgate.scanner.digest.DigestPrefetch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Starts hashing the large files named on a {@code scan} command line from the first line of {@code main}, before
 * the command line is parsed properly: on a model of gigabytes the digest is most of the scan, and picocli, the
 * knowledge base and the policy take half a second to get ready. The reading of the arguments is deliberately
 * narrow: an option it does not know is taken to have a value, so a file it names is never hashed by mistake,
 * and a size or thread count it cannot read means nothing is started. The scan takes a digest only for a file
 * it analyses and only if the file is unchanged ({@link DigestPrefetch#take}).
 */
final class EarlyDigests {

    /** Options of {@code scan} that take no value. */
    private static final Set<String> FLAGS = Set.of("--strict", "--allow-incomplete", "--progress", "-q", "--quiet",
            "-h", "--help");
    private static volatile DigestPrefetch started;

    private EarlyDigests() {
    }

    /**
     * Starts hashing for {@code scan ARGS}; does nothing for any other command or an argument it cannot read.
     * True when a file is being hashed.
     */
    static boolean start(String[] args) {
        if (args.length < 2 || !args[0].equals("scan")) {
            return false;
        }
        List<Path> paths = new ArrayList<>();
        long maxFileSize = new SizeConverter().convert(ScanRun.DEFAULT_MAX_FILE_SIZE);
        int threads = Runtime.getRuntime().availableProcessors();
        boolean positionalOnly = false;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (positionalOnly || !arg.startsWith("-") || arg.equals("-")) {
                    paths.add(Path.of(arg));
                } else if (arg.equals("--")) {
                    positionalOnly = true;
                } else if (!FLAGS.contains(arg)) {
                    int equals = arg.indexOf('=');
                    String name = equals < 0 ? arg : arg.substring(0, equals);
                    String value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                    if (value == null) {
                        return false;
                    }
                    if (name.equals("--max-file-size")) {
                        maxFileSize = new SizeConverter().convert(value);
                    } else if (name.equals("--threads")) {
                        threads = Integer.parseInt(value);
                    }
                }
            }
        } catch (RuntimeException e) {
            return false; // picocli reports the argument properly
        }
        if (threads < 1 || threads > 256 || paths.isEmpty()) {
            return false;
        }
        started = DigestPrefetch.start(paths, maxFileSize, threads);
        return !started.isEmpty();
    }

    /** What {@link #start} began, handed over once; otherwise a prefetch started now from the parsed options. */
    static DigestPrefetch takeOr(List<Path> paths, long maxFileSize, int threads) {
        DigestPrefetch early = started;
        started = null;
        return early != null ? early : DigestPrefetch.start(paths, maxFileSize, threads);
    }
}
