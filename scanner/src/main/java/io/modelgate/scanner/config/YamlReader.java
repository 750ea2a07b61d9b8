package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.io.LimitExceededException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML at the event level: nothing is constructed and no tag is resolved to a type, so a Python tag is seen
 * with its target and arguments instead of failing the parse. Depth, node count, aliases and length are bounded;
 * aliases share the anchored node (never copied), so alias bombs cannot expand. Duplicate keys are refused: two
 * loaders could keep different values.
 */
final class YamlReader {

    static final int MAX_CHARS = 16 * 1024 * 1024;
    static final int MAX_DEPTH = 256;
    static final int MAX_NODES = 1_000_000;
    static final int MAX_ALIASES = 100_000;
    private static final int MAX_ARGUMENT_CHARS = 160;
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A collection being read, with its tag and where it sits. */
    private static final class Frame {
        final JsonNode node;
        final KeyTrail trail;
        final String tag;
        String pendingKey;
        boolean keyNext = true;
        int complexKeys;

        Frame(JsonNode node, KeyTrail trail, String tag) {
            this.node = node;
            this.trail = trail;
            this.tag = tag;
        }
    }

    private final Deadline deadline;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final List<JsonNode> roots = new ArrayList<>();
    private final List<PythonTag> tags = new ArrayList<>();
    private int nodes;
    private int aliases;

    private YamlReader(Deadline deadline) {
        this.deadline = deadline;
    }

    static YamlDocuments read(String text, Deadline deadline) throws IOException {
        if (text.length() > MAX_CHARS) {
            throw new LimitExceededException("YAML text longer than " + MAX_CHARS + " characters");
        }
        YamlReader reader = new YamlReader(deadline);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS + 1);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
            Event event;
            do {
                event = parser.getEvent();
                reader.accept(event);
            } while (!(event instanceof StreamEndEvent));
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw new YamlSyntaxException("not valid YAML" + where + ": " + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new YamlSyntaxException("not valid YAML: " + Failures.describe(e));
        }
        return new YamlDocuments(List.copyOf(reader.roots), List.copyOf(reader.tags));
    }

    private void accept(Event event) throws IOException {
        if ((nodes & 0xfff) == 0) {
            deadline.check();
        }
        switch (event.getEventId()) {
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
            case MappingEnd, SequenceEnd -> close();
            default -> {
            }
        }
    }

    private void scalar(ScalarEvent event) throws YamlSyntaxException, LimitExceededException {
        count();
        boolean plain = event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && event.getTag() == null;
        JsonNode node = plain && NULLS.contains(event.getValue()) ? NODES.nullNode() : NODES.textNode(event.getValue());
        if (isPython(event.getTag())) {
            PythonTag.of(event.getTag(), childTrail().render(), shorten(event.getValue())).ifPresent(tags::add);
        }
        anchor(event, node);
        deliver(node);
    }

    private void alias(AliasEvent event) throws YamlSyntaxException, LimitExceededException {
        if (++aliases > MAX_ALIASES) {
            throw new LimitExceededException("YAML has more than " + MAX_ALIASES + " aliases");
        }
        JsonNode node = anchors.get(event.getAnchor());
        if (node == null) {
            throw new YamlSyntaxException("not valid YAML: alias to an unknown anchor");
        }
        deliver(node);
    }

    private void open(CollectionStartEvent event) throws LimitExceededException {
        count();
        if (frames.size() >= MAX_DEPTH) {
            throw new LimitExceededException("YAML nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonNode node = event instanceof MappingStartEvent ? NODES.objectNode() : NODES.arrayNode();
        anchor(event, node);
        frames.push(new Frame(node, childTrail(), event.getTag()));
    }

    private void close() throws YamlSyntaxException, LimitExceededException {
        Frame frame = frames.pop();
        if (frame.node.isObject()) {
            merge((ObjectNode) frame.node);
        }
        if (isPython(frame.tag)) {
            PythonTag.of(frame.tag, frame.trail.render(), render(frame.node)).ifPresent(tags::add);
        }
        deliver(frame.node);
    }

    private void anchor(NodeEvent event, JsonNode node) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), node);
        }
    }

    private static boolean isPython(String tag) {
        return tag != null && tag.startsWith(PythonTag.PREFIX);
    }

    /** The way to the node about to be read: a key of the mapping, a value under its key, or an item. */
    private KeyTrail childTrail() {
        Frame top = frames.peek();
        if (top == null) {
            return KeyTrail.ROOT;
        }
        if (top.node.isArray()) {
            return top.trail.item(top.node.size());
        }
        return top.trail.child(top.keyNext ? "<key>" : top.pendingKey);
    }

    private void deliver(JsonNode node) throws YamlSyntaxException {
        Frame top = frames.peek();
        if (top == null) {
            roots.add(node);
        } else if (top.node.isArray()) {
            ((ArrayNode) top.node).add(node);
        } else if (top.keyNext) {
            // a mapping or list used as a key: PyYAML builds it (its tags run), and no two are the same key
            top.pendingKey = node.isValueNode() ? node.asText() : "<complex key " + (++top.complexKeys) + ">";
            top.keyNext = false;
        } else {
            if (((ObjectNode) top.node).has(top.pendingKey)) {
                throw new YamlSyntaxException("not valid YAML: duplicate key '" + shorten(top.pendingKey) + "'");
            }
            ((ObjectNode) top.node).set(top.pendingKey, node);
            top.keyNext = true;
        }
    }

    /** YAML merge keys ({@code <<: *base}): the safe loaders PyYAML and OmegaConf use apply them. */
    private void merge(ObjectNode node) throws LimitExceededException {
        JsonNode merged = node.remove("<<");
        if (merged == null) {
            return;
        }
        List<JsonNode> sources = new ArrayList<>();
        if (merged.isArray()) {
            merged.forEach(sources::add);
        } else {
            sources.add(merged);
        }
        for (JsonNode source : sources) {
            if (!source.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!node.has(field.getKey())) {
                    count();
                    node.set(field.getKey(), field.getValue());
                }
            }
        }
    }

    private void count() throws LimitExceededException {
        if (++nodes > MAX_NODES) {
            throw new LimitExceededException("YAML has more than " + MAX_NODES + " nodes");
        }
    }

    /** A short rendering of a tagged node, for the finding: a flow-style outline cut at a fixed length. */
    static String render(JsonNode node) {
        StringBuilder out = new StringBuilder();
        render(node, out, 0);
        return out.length() <= MAX_ARGUMENT_CHARS ? out.toString() : out.substring(0, MAX_ARGUMENT_CHARS) + "...";
    }

    private static void render(JsonNode node, StringBuilder out, int depth) {
        if (out.length() > MAX_ARGUMENT_CHARS || depth > 8) {
            return;
        }
        if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size() && out.length() <= MAX_ARGUMENT_CHARS; i++) {
                out.append(i == 0 ? "" : ", ");
                render(node.get(i), out, depth + 1);
            }
            out.append(']');
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext()
                    && out.length() <= MAX_ARGUMENT_CHARS; ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(first ? "" : ", ").append(shorten(field.getKey())).append(": ");
                render(field.getValue(), out, depth + 1);
                first = false;
            }
            out.append('}');
        } else {
            out.append(node.isNull() ? "null" : "'" + shorten(node.asText()) + "'");
        }
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= MAX_ARGUMENT_CHARS ? line : line.substring(0, MAX_ARGUMENT_CHARS) + "...";
    }

    private static String oneLine(String text) {
        return text == null ? "unexpected content" : shorten(text.strip());
    }
}
