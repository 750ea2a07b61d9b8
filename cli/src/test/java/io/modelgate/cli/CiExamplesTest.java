package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelgate.cli.report.ReportTargets;
import io.modelgate.scanner.ToolInfo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI examples must not rot: each file is well-formed, pins the current release with a SHA-256 check, and
 * every {@code modelgate scan} it runs parses with the real command's options.
 */
class CiExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "ci-examples");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void githubActionsWorkflowIsWellFormedAndUploadsSarif() throws IOException {
        JsonNode workflow = YAML.readTree(EXAMPLES.resolve("github-actions.yml").toFile());
        assertThat(workflow.has("on")).isTrue();
        assertThat(workflow.at("/permissions/security-events").asText()).isEqualTo("write");
        JsonNode steps = workflow.at("/jobs/scan-models/steps");
        assertThat(workflow.at("/jobs/scan-models/runs-on").asText()).isNotBlank();
        List<String> uses = new ArrayList<>();
        for (JsonNode step : steps) {
            assertThat(step.has("uses") ^ step.has("run")).as(step.toString()).isTrue();
            if (step.has("uses")) {
                uses.add(step.get("uses").asText());
            }
        }
        assertThat(uses).contains("github/codeql-action/upload-sarif@v3", "actions/cache@v4");
        assertThat(steps.findValuesAsText("sarif_file")).containsExactly("modelgate.sarif");
        pinsTheRelease(workflow.get("env"));
        assertThat(scans(scalars(workflow))).hasSize(1);
    }

    @Test
    void gitlabJobIsWellFormedAndReportsJunit() throws IOException {
        JsonNode pipeline = YAML.readTree(EXAMPLES.resolve("gitlab-ci.yml").toFile());
        JsonNode job = pipeline.get("model-gate");
        assertThat(job.get("script").isArray()).isTrue();
        assertThat(job.at("/artifacts/reports/junit").asText()).isEqualTo("modelgate-junit.xml");
        assertThat(job.at("/allow_failure/exit_codes/0").asInt()).isEqualTo(3);
        pinsTheRelease(pipeline.get("variables"));
        assertThat(scans(scalars(pipeline))).hasSize(1);
    }

    @Test
    void jenkinsfileIsBalancedAndMapsEveryExitCode() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("Jenkinsfile"));
        assertThat(text).containsPattern("(?m)^pipeline \\{");
        assertThat(unbalanced(text)).isEmpty();
        assertThat(text).contains("code == 3", "code == 1", "code == 2", "code != 0");
        assertThat(text).contains("MODELGATE_VERSION = '" + ToolInfo.version() + "'")
                .contains("sha256sum -c -");
        assertThat(scans(text)).hasSize(1);
    }

    @Test
    void preCommitHookIsValidBash() throws Exception {
        Path hook = EXAMPLES.resolve("pre-commit");
        assertThat(Files.isExecutable(hook)).isTrue();
        if (Files.isExecutable(Path.of("/bin/bash"))) {
            Process check = new ProcessBuilder("/bin/bash", "-n", hook.toString()).inheritIO().start();
            assertThat(check.waitFor()).isZero();
        }
        assertThat(scans(Files.readString(hook))).hasSize(1);
    }

    @Test
    void theExtractorSeesABadOption() {
        assertThat(scans("run: modelgate scan --fail-on high x/")).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scans("modelgate scan --no-such-option x/"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--no-such-option");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scans("modelgate scan --report pdf=x.pdf x/"))
                .hasMessageContaining("unknown report format");
    }

    /**
     * Runs every example's scan, as written, on the quick-start fixture (one malicious checkpoint): with a policy
     * written by {@code policy init}, the reports into a temporary folder. 
     */
    @Test
    void eachExampleCommandRunsOnTheQuickStartFixture(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CommandSpec real = CommandSpec.forAnnotatedObject(new ScanCommand());
        Path policy = dir.resolve("policy.yaml");
        assertThat(CliRun.of("policy", "init", policy.toString()).exitCode()).isZero();
        Path fixture = Path.of("..", "fixtures", "examples", "quickstart");
        List<String> texts = List.of(scalars(YAML.readTree(EXAMPLES.resolve("github-actions.yml").toFile())),
                scalars(YAML.readTree(EXAMPLES.resolve("gitlab-ci.yml").toFile())),
                Files.readString(EXAMPLES.resolve("Jenkinsfile")), Files.readString(EXAMPLES.resolve("pre-commit")));
        int example = 0;
        for (String text : texts) {
            for (List<String> args : scans(text)) {
                Path out = Files.createDirectories(dir.resolve("example" + example++));
                List<String> run = new ArrayList<>(List.of("scan"));
                List<Path> reports = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    String arg = args.get(i);
                    OptionSpec option = arg.startsWith("-") ? real.findOption(arg) : null;
                    if (option != null && option.arity().max() > 0 && i + 1 < args.size()) {
                        String value = args.get(++i);
                        if (arg.equals("--policy")) {
                            value = policy.toString();
                        } else if (arg.equals("--report")) {
                            Path file = out.resolve(value.substring(value.indexOf('=') + 1));
                            reports.add(file);
                            value = value.substring(0, value.indexOf('=') + 1) + file;
                        }
                        run.add(arg);
                        run.add(value);
                    } else if (arg.startsWith("-")) {
                        run.add(arg);
                    } else {
                        run.add(fixture.toString());   // the paths the example scans
                    }
                }
                CliRun result = CliRun.of(run.toArray(String[]::new));
                assertThat(result.exitCode()).as(run + "\n" + result.err()).isEqualTo(1); // REJECT
                assertThat(reports).allSatisfy(file -> assertThat(file).isNotEmptyFile());
            }
        }
        assertThat(example).isEqualTo(4);
    }

    private static void pinsTheRelease(JsonNode variables) {
        assertThat(variables.get("MODELGATE_VERSION").asText()).isEqualTo(ToolInfo.version());
        assertThat(variables.get("MODELGATE_SHA256").asText()).matches("[0-9a-f]{64}");
        assertThat(variables.get("MODELGATE_URL").asText()).startsWith("https://")
                .endsWith("modelgate-" + ToolInfo.version() + ".tar.gz");
    }

    /** Parses every {@code modelgate scan} invocation in the text with the real command; returns their args. */
    static List<List<String>> scans(String text) {
        String joined = text.replace("\\\n", " ");
        Matcher m = Pattern.compile("modelgate[\"']?\\s+scan\\s+(.*)").matcher(joined);
        List<List<String>> found = new ArrayList<>();
        while (m.find()) {
            List<String> args = ShellWords.split(m.group(1));
            CommandLine.ParseResult parsed = scanCommand().parseArgs(args.toArray(String[]::new));
            if (parsed.hasMatchedOption("--report")) {
                for (Object value : parsed.matchedOption("--report").<List<Object>>getValue()) {
                    if (value instanceof String text1) {
                        ReportTargets.parse(text1);
                    }
                }
            }
            found.add(args);
        }
        return found;
    }

    private static CommandLine scanCommand() {
        CommandSpec scan = CommandSpec.forAnnotatedObject(new ScanCommand());
        assertThat(CliFactory.create(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands()).containsKey("scan");
        return new CommandLine(scan);
    }

    /** All string values of a YAML document, one per line: where the shell commands are. */
    private static String scalars(JsonNode node) {
        StringBuilder text = new StringBuilder();
        if (node.isTextual()) {
            text.append(node.asText()).append('\n');
        }
        node.forEach(child -> text.append(scalars(child)));
        return text.toString();
    }

    /** Brackets that do not close, outside strings and comments; empty when balanced. */
    private static String unbalanced(String text) {
        StringBuilder stack = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("'''", i)) {
                int end = text.indexOf("'''", i + 3);
                i = end < 0 ? text.length() : end + 3;
                continue;
            }
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length() || text.charAt(end) != c) {
                    return "unterminated string at " + i;
                }
                i = end + 1;
                continue;
            }
            if ("({[".indexOf(c) >= 0) {
                stack.append(c);
            } else if (")}]".indexOf(c) >= 0) {
                if (stack.isEmpty() || "({[".indexOf(stack.charAt(stack.length() - 1)) != ")}]".indexOf(c)) {
                    return "unexpected " + c + " at " + i;
                }
                stack.setLength(stack.length() - 1);
            }
            i++;
        }
        return stack.toString();
    }

    /** Splits a shell command line into words, up to the end of the command (a separator or a comment). */
    static final class ShellWords {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                    continue;
                }
                if (c == '\'' || c == '"') {
                    if (quote == 0 && line.startsWith("'''", i)) {
                        break;
                    }
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else if (";|&)".indexOf(c) >= 0 || (c == '#' && word == null)) {
                    break;
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
