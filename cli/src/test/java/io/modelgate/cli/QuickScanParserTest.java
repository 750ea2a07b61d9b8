package io.modelgate.cli;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The quick reader of {@code scan} lines and picocli must agree on every line the quick reader accepts. */
class QuickScanParserTest {

    /** Option names the quick reader leaves to picocli on purpose. */
    private static final Set<String> LEFT_TO_PICOCLI = Set.of("-h", "--help", "-V", "--version");

    /** Values for the generated lines: good and bad ones for every kind of option. */
    private static final List<String> VALUES = List.of("json", "JSON", "text", "sarif", "out.json", "8", "0", "64",
            "65", "-1", "0x10", "+3", "007", "10m", "90s", "1h", "0s", "lots", "1G", "500M", "2k", "0",
            "sarif=out.sarif",
            "md=x.md", "html=", "bogus=x", "json=a.json", "a,b", ",a", "a,,b", "\"a,b\"", "high", "Critical", "nope",
            "default", "strict", "policy.yaml", "keys/pub.pem", "@args.txt", "-", "--", "", "text=x", "=json",
            "m\u00f6dell.pt", "a b", "--format", "-q", "\u2014format", "sarif=a,b", "1.5G", "10 m", " 8");

    private static final List<String> NAMES = List.of("-f", "--format", "-o", "--output", "--report", "--policy",
            "--profile", "--review-exit-code", "--fail-on", "--strict", "--allow-incomplete", "--max-depth",
            "--timeout", "--max-file-size", "--max-temp-size", "--threads", "--lock", "--public-key", "--ca-cert",
            "--trust-root", "--keyring", "--ignore-paths", "--cache", "--cache-max-size", "--kb", "--progress", "-q",
            "--quiet", "-h", "--help", "-V", "--version", "--formats", "-qf", "-x", "--", "-f=json", "--=",
            "--Format", "-o-", "--report=");

    @Test
    void everyOptionOfScanIsReadOrLeftToPicocliOnPurpose() {
        CommandLine scan = CliFactory.forArgs(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "scan").getSubcommands().get("scan");
        Set<String> unknown = new TreeSet<>();
        for (OptionSpec option : scan.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (!LEFT_TO_PICOCLI.contains(name) && !QuickScanParser.optionNames().contains(name)) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("scan options the quick reader does not read").isEmpty();
        assertThat(QuickScanParser.optionNames()).as("options the quick reader reads that scan does not have")
                .allMatch(name -> scan.getCommandSpec().findOption(name) != null);
    }

    /** One generated command line. */
    private record Line(String... args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    @Test
    void generatedLinesAreReadAsPicocliReadsThem() {
        int[] readQuickly = {0};
        RandomCases.check(4000, QuickScanParserTest::line, line -> {
            Optional<ScanCommand> quick = QuickScanParser.parse(line.args());
            if (quick.isEmpty()) {
                return;
            }
            readQuickly[0]++;
            CommandLine picocli = CliFactory.forArgs(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), line.args());
            try {
                picocli.parseArgs(line.args());
            } catch (CommandLine.ParameterException e) {
                fail("read quickly, but picocli refuses it: " + e.getMessage());
            }
            assertThat(state(quick.get())).isEqualTo(state(picocli.getSubcommands().get("scan").getCommand()));
        });
        // the generator must exercise the quick reader, not only its refusals
        assertThat(readQuickly[0]).isGreaterThan(800);
    }

    @Test
    void plainLinesAreReadQuicklyAndTheRestIsLeftToPicocli() {
        assertThat(QuickScanParser.parse("scan", "model.pt")).isPresent();
        assertThat(QuickScanParser.parse("scan", "-q", "--format=json", "--report", "sarif=x.sarif", "a", "b"))
                .isPresent();
        assertThat(QuickScanParser.parse("scan", "--help")).isEmpty();
        assertThat(QuickScanParser.parse("scan")).isEmpty();
        assertThat(QuickScanParser.parse("scan", "--", "-odd-name")).isEmpty();
        assertThat(QuickScanParser.parse("scan", "@args.txt")).isEmpty();
        assertThat(QuickScanParser.parse("scan", "-qf", "json", "model.pt")).isEmpty();
        assertThat(QuickScanParser.parse("scan", "--strict", "--strict", "model.pt")).isEmpty();
        assertThat(QuickScanParser.parse("sbom", "model.pt")).isEmpty();
    }

    /** Errors found while the scan runs end alike: the same message, the same exit code. */
    @Test
    void usageErrorsEndAsUnderPicocli(@TempDir Path temp) throws Exception {
        Path model = Files.writeString(temp.resolve("notes.txt"), "hello");
        String file = model.toString();
        List<String[]> lines = List.of(
                new String[]{"scan", "--max-depth", "65", file},
                new String[]{"scan", "--threads", "0", file},
                new String[]{"scan", "--review-exit-code", "300", file},
                new String[]{"scan", "--profile", "nope", file},
                new String[]{"scan", "--lock", temp.resolve("missing.lock").toString(), file},
                new String[]{"scan", temp.resolve("missing").toString()},
                new String[]{"scan", "--report", "json=" + temp.resolve("r.json"), "--report",
                        "sarif=" + temp.resolve("r.json"), file},
                new String[]{"scan", "--policy", temp.resolve("none.yaml").toString(), file});
        for (String[] args : lines) {
            assertThat(QuickScanParser.parse(args)).as(String.join(" ", args)).isPresent();
            CliRun quick = CliRun.of(args);
            CliRun picocli = CliRun.viaPicocli(args);
            assertThat(quick.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE)
                    .isEqualTo(picocli.exitCode());
            assertThat(quick.err()).isEqualTo(picocli.err()).contains("Try 'modelgate scan --help'");
        }
    }

    /** An error (here a heap too small for the report) ends in one line and exit code 2 on both paths. */
    @Test
    void anErrorWhileRunningEndsInOneLineAndExitCode2(@TempDir Path temp) throws Exception {
        Path model = Files.write(temp.resolve("weights.npy"), Files.readAllBytes(Path.of("..", "fixtures", "numpy",
                "float32.npy")));
        String[] args = {"scan", "--format", "json", model.toString()};
        PrintWriter full = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        for (boolean quick : new boolean[]{true, false}) {
            StringWriter err = new StringWriter();
            int code = CliFactory.execute(full, new PrintWriter(err, true),
                    quick ? QuickScanParser.parse(args) : Optional.empty(), args);
            assertThat(code).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(err.toString()).isEqualTo("modelgate: " + CliFactory.OUT_OF_MEMORY + System.lineSeparator())
                    .contains("MODELGATE_JAVA_OPTS");
        }
    }

    private static Line line(Gen gen) {
        List<String> args = new ArrayList<>(List.of("scan"));
        int words = gen.index(7);
        for (int i = 0; i < words; i++) {
            int kind = gen.index(10);
            String name = gen.of(NAMES);
            String value = gen.of(VALUES);
            if (kind < 2) {
                args.add(name + "=" + value);
            } else if (kind < 8) {
                args.add(name);
                if (gen.index(5) > 0) {
                    args.add(value);
                }
            } else {
                args.add("model-" + i + ".pt");
            }
        }
        if (gen.index(8) > 0) {
            args.add(gen.bool() ? "models/" : "model.safetensors");
        }
        return new Line(args.toArray(String[]::new));
    }

    /** Every option field of a {@code scan} command and its mixins, by name. */
    private static Map<String, Object> state(Object command) throws IllegalAccessException {
        Map<String, Object> state = new LinkedHashMap<>();
        collect(command, command.getClass().getSimpleName(), state);
        return state;
    }

    private static void collect(Object object, String prefix, Map<String, Object> state)
            throws IllegalAccessException {
        for (Field field : object.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("spec")) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(object);
            if (field.isAnnotationPresent(Mixin.class)) {
                collect(value, prefix + "." + field.getName(), state);
            } else {
                state.put(prefix + "." + field.getName(), value instanceof List<?> list ? List.copyOf(list) : value);
            }
        }
    }
}
