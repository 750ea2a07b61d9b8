package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.TimeoutExceededException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every object a framework would build from a config tree and judges what it names: Hydra/OmegaConf
 * {@code _target_} (with {@code _args_} and {@code _partial_}), jsonargparse/LightningCLI {@code class_path},
 * NeMo's {@code target} and the older Hydra {@code cls} with {@code params}; locators such as
 * {@code hydra.utils.get_method} are judged by the path they are given; file and URL arguments by where they lead.
 * Nested configs are instantiated recursively by Hydra, so the whole tree is walked (each shared YAML anchor once).
 */
final class InstantiationWalker {

    /** Argument names under which instantiated callables take a file to read. */
    private static final Set<String> PATH_ARGUMENTS = Set.of("path", "file", "filename", "filepath", "f", "fname",
            "checkpoint", "checkpoint_path", "ckpt_path", "model_path", "restore_path", "weights_path", "load_path",
            "pretrained_model_name_or_path", "model_name_or_path", "library_path", "lib_path", "config_path",
            "config_file", "model_file", "vocab_file", "url");

    private final TargetReporter reporter;
    private final JsonNode root;
    private final Deadline deadline;
    private final TargetPolicy policy = TargetPolicy.defaults();
    private final Set<JsonNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private long steps;

    InstantiationWalker(TargetReporter reporter, JsonNode root, Deadline deadline) {
        this.reporter = reporter;
        this.root = root;
        this.deadline = deadline;
    }

    void walk() throws TimeoutExceededException {
        walk(root, KeyTrail.ROOT);
    }

    private void walk(JsonNode node, KeyTrail trail) throws TimeoutExceededException {
        if (node == null || !node.isContainerNode() || !visited.add(node)) {
            return;
        }
        if ((++steps & 0xfff) == 0) {
            deadline.check();
        }
        if (node.isObject()) {
            if (node.has("_target_") || node.has("class_path") || node.has("target") || node.has("params")) {
                targets(node, trail.render());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), trail.child(field.getKey()));
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), trail.item(i));
            }
        }
    }

    private void targets(JsonNode node, String path) {
        target(node, path, "_target_", node.get("_target_"), true);
        target(node, path, "class_path", node.get("class_path"), false);
        JsonNode target = node.get("target");
        if (target != null && target.isTextual() && target.asText().contains(".")) {
            target(node, path, "target", target, false);
        }
        if (node.has("params")) {
            target(node, path, "cls", node.get("cls"), false);
        }
    }

    /** @param anyText true for {@code _target_}, which is a target whatever its text; other keys only as names */
    private void target(JsonNode node, String path, String key, JsonNode value, boolean anyText) {
        if (value == null || !value.isTextual()) {
            return;
        }
        String keyPath = KeyPaths.child(path, key);
        String text = value.asText();
        if (Interpolations.present(text)) {
            Optional<String> resolved = Interpolations.resolve(text, root);
            if (resolved.isEmpty()) {
                reporter.incomplete(keyPath, "is computed at load time (" + shorten(text) + "): the callable cannot "
                        + "be judged");
                return;
            }
            text = resolved.get();
        }
        if (!anyText && !TargetPolicy.isDottedName(text.strip())) {
            return;
        }
        String mechanism = node.path("_partial_").asBoolean(false) ? "the loader imports" : "the loader calls";
        Judgement judgement = reporter.report(keyPath, policy.judge(text), mechanism);
        if (judgement.verdict() == TargetVerdict.LOCATOR) {
            located(node, keyPath, judgement);
        }
        JsonNode arguments = key.equals("class_path") ? node.path("init_args") : node;
        arguments(arguments, key.equals("class_path") ? KeyPaths.child(path, "init_args") : path,
                judgement.verdict() == TargetVerdict.LOCATOR);
    }

    /** A locator returns what its path names: that is what the config really reaches. */
    private void located(JsonNode node, String keyPath, Judgement locator) {
        JsonNode named = node.get("path");
        if (named == null && node.path("_args_").isArray()) {
            named = node.get("_args_").get(0);
        }
        if (named == null || !named.isTextual() || Interpolations.present(named.asText())) {
            reporter.unresolved(keyPath, locator.target(), "is " + locator.target() + ", which " + locator.reason()
                    + ", but no literal path is given");
            return;
        }
        Judgement reached = policy.judge(named.asText());
        if (reached.verdict() == TargetVerdict.LOCATOR) {
            reached = new Judgement(reached.target(), TargetVerdict.UNREVIEWED, "a locator reached through a locator");
        }
        reporter.report(keyPath, reached, locator.target() + " resolves and the loader calls");
    }

    private void arguments(JsonNode arguments, String path, boolean locator) {
        if (!arguments.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String keyPath = KeyPaths.child(path, name);
            if (PATH_ARGUMENTS.contains(name) && value.isTextual() && !(locator && name.equals("path"))) {
                reporter.path(keyPath, value.asText(), ConfigPaths.of(value.asText()));
            } else if (name.equals("trust_remote_code") && (value.asBoolean(false)
                    || value.asText().equalsIgnoreCase("true"))) {
                reporter.remote(keyPath, "trust_remote_code", "enables remote code: the loader runs Python modules "
                        + "of the model repository it fetches");
            } else if (name.equals("custom_pipeline") && value.isTextual()) {
                reporter.remote(keyPath, value.asText(), "names a custom pipeline, which diffusers downloads and runs");
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
