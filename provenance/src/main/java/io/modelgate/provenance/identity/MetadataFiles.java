package io.modelgate.provenance.identity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded readers for the small metadata files of a model unit: JSON configs, the card's YAML front matter
 * and license texts. A file that is too large, not a regular file, a link, or not parseable is treated as
 * absent: these files are evidence, not something to execute, and the format readers report malformed ones.
 */
final class MetadataFiles {

    static final int MAX_JSON_BYTES = 16 * 1024 * 1024;
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    static final long MAX_TOKENIZER_BYTES = 256L * 1024 * 1024;
    static final int MAX_ADDED_TOKENS = 5_000;
    private static final int MAX_FRONT_MATTER_CHARS = 256 * 1024;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private static final ObjectMapper JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(limits()).build()).build();
    private static final ObjectMapper YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(true);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        YAML = JsonMapper.builder(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits()).build())
                .build();
    }

    private MetadataFiles() {
    }

    private static StreamReadConstraints limits() {
        return StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_JSON_BYTES).build();
    }

    static Optional<Map<String, Object>> json(Path file) {
        return bytes(file, MAX_JSON_BYTES).flatMap(MetadataFiles::parseJson);
    }

    static Optional<Map<String, Object>> parseJson(byte[] bytes) {
        try {
            return Optional.of(JSON.readValue(bytes, MAP));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code added_tokens[].content} strings of a tokenizer.json, read as a stream: the vocabulary and
     * merges (most of the file) are skipped, never held in memory.
     */
    static Optional<List<String>> addedTokens(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_TOKENIZER_BYTES) {
                return Optional.empty();
            }
            try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("added_tokens") && value == JsonToken.START_ARRAY) {
                        return Optional.of(tokenContents(parser));
                    }
                    parser.skipChildren();
                }
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> tokenContents(JsonParser parser) throws IOException {
        List<String> tokens = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("content") && value == JsonToken.VALUE_STRING && tokens.size() < MAX_ADDED_TOKENS) {
                    tokens.add(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return tokens;
    }

    static Optional<String> text(Path file) {
        return bytes(file, MAX_TEXT_BYTES).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * A model card's YAML front matter (between the leading {@code ---} lines) plus its first Markdown heading
     * under {@link ModelEvidenceInput#CARD_TITLE}. Empty when the card has neither.
     */
    static Optional<Map<String, Object>> card(String markdown) {
        Map<String, Object> card = new LinkedHashMap<>();
        String body = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        if (body.startsWith("---")) {
            int end = body.indexOf("\n---", 3);
            if (end > 0 && end <= MAX_FRONT_MATTER_CHARS) {
                parseYaml(body.substring(body.indexOf('\n') + 1, end)).ifPresent(card::putAll);
                body = body.substring(Math.min(body.length(), end + 4));
            }
        }
        for (String line : body.split("\n", 400)) {
            if (line.startsWith("# ")) {
                card.put(ModelEvidenceInput.CARD_TITLE, line.substring(2).trim());
                break;
            }
        }
        return card.isEmpty() ? Optional.empty() : Optional.of(card);
    }

    private static Optional<Map<String, Object>> parseYaml(String text) {
        try {
            Map<String, Object> map = YAML.readValue(text, MAP);
            return Optional.ofNullable(map);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> bytes(Path file, int max) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > max) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] data = in.readNBytes(max + 1);
                return data.length > max ? Optional.empty() : Optional.of(data);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
