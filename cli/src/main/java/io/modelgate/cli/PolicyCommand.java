package io.modelgate.cli;

import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.load.PolicyError;
import io.modelgate.rules.policy.load.PolicyException;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code modelgate policy}: write a starting policy, check a policy file. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Write and check policy files (see docs/policy.md).",
                "Built-in profiles: default, strict, origin-review."},
        subcommands = {PolicyCommand.Init.class, PolicyCommand.Check.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; the policy is valid", "64:usage error, or the policy has errors"})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code modelgate policy init}: writes a profile, commented key by key, to start a policy from. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write a policy file to start from: the default profile (or --profile), every key "
                    + "commented.",
            footerHeading = "%nExamples:%n",
            footer = {"  modelgate policy init", "  modelgate policy init --profile strict ci/policy.yaml",
                    "  modelgate policy init --profile origin-review -"})
    static final class Init implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "modelgate-policy.yaml",
                description = "Where to write the policy; - for standard output (default: ${DEFAULT-VALUE}).")
        String file;

        @Option(names = "--profile", paramLabel = "NAME", defaultValue = Profiles.DEFAULT,
                description = "Profile to start from: default, strict, origin-review (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (!Profiles.names().contains(profile)) {
                throw new ParameterException(spec.commandLine(), "unknown profile '" + profile + "' (profiles: "
                        + String.join(", ", Profiles.names()) + ")");
            }
            String text = Profiles.text(profile);
            if (file.equals("-")) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            Path target = Path.of(file);
            if (Files.exists(target) && !force) {
                throw new ParameterException(spec.commandLine(), target + " exists (use --force to overwrite it)");
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote the " + profile + " policy to " + target
                    + " (check it with: modelgate policy check " + target + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code modelgate policy check}: every error of each file, located. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check policy files: unknown keys, wrong types, bad SPDX expressions, country codes, dates, "
                    + "digests, rule ids and missing files are reported as FILE:LINE:COLUMN: message.")
    static final class Check implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files to check.")
        List<Path> files;

        @Option(names = "--kb", paramLabel = "FILE",
                description = "Knowledge-base files whose families and licenses the policy may name; repeatable.")
        List<Path> kbFiles = List.of();

        @Override
        public Integer call() throws IOException {
            PolicyLoader loader = new PolicyLoader(KnowledgeBases.load(kbFiles));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int code = ExitCodes.OK;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    err.println(file + ": no such file");
                    code = ExitCodes.USAGE;
                    continue;
                }
                try {
                    Policy policy = loader.load(file);
                    out.println(file + ": valid (policy '" + policy.name() + "', version " + policy.version() + ", "
                            + policy.waivers().size() + " waiver(s)"
                            + (policy.approvedModels() == null ? "" : ", " + policy.approvedModels().size()
                            + " approved model(s)") + ")");
                } catch (PolicyException e) {
                    for (PolicyError error : e.errors()) {
                        err.println(error.format(file.toString()));
                    }
                    err.println(file + ": " + e.errors().size() + " error(s)");
                    code = ExitCodes.USAGE;
                }
            }
            out.flush();
            err.flush();
            return code;
        }
    }
}
