package io.modelgate.rules.policy.load;

import io.modelgate.rules.policy.Policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The policy a run applies, from the {@code --policy FILE} and {@code --profile NAME} options every deciding
 * command takes (scan, sbom diff, fleet): chosen, read and checked in one place so they all accept and refuse
 * the same things with the same messages.
 *
 * @param policy  the parsed policy
 * @param name    the file's name or the profile's
 * @param text    the policy's YAML, for commands that ship it elsewhere (the fleet's executors parse it again)
 * @param baseDir the folder paths inside the policy are relative to; null for a built-in profile
 */
public record PolicySelection(Policy policy, String name, String text, Path baseDir) {

    /** A choice the user has to correct; the message is written for the command line. */
    public static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The policy named by the options; neither given means the default profile. */
    public static PolicySelection select(Path policyFile, String profile, PolicyLoader loader) throws UsageError {
        if (policyFile != null && profile != null) {
            throw new UsageError("give either --policy or --profile, not both");
        }
        if (policyFile != null) {
            return fromFile(policyFile, loader);
        }
        String name = profile == null ? Profiles.DEFAULT : profile;
        if (!Profiles.names().contains(name)) {
            throw new UsageError("unknown profile '" + name + "' (profiles: " + String.join(", ", Profiles.names())
                    + ")");
        }
        return new PolicySelection(Profiles.load(name, loader), name, Profiles.text(name), null);
    }

    private static PolicySelection fromFile(Path file, PolicyLoader loader) throws UsageError {
        if (!Files.isRegularFile(file)) {
            throw new UsageError("no such policy file: " + file);
        }
        try {
            String text = PolicyLoader.read(file);
            return new PolicySelection(loader.parseFile(text, file), file.getFileName().toString(), text,
                    file.toAbsolutePath().getParent());
        } catch (PolicyException e) {
            throw new UsageError("invalid policy file " + file + ":\n" + e.errors().stream()
                    .map(error -> "  " + error.format(file.toString())).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UsageError("cannot read policy file " + file + ": " + e.getMessage());
        }
    }
}
