package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.io.InputStream;

/**
 * JSON reading with bounds: nesting depth, string, number and name lengths, strict duplicate-key
 * detection (two parsers could otherwise disagree on a value), and a size cap for tree parsing.
 * Larger documents are only validated by streaming.
 */
public final class BoundedJson {

    static final int MAX_DEPTH = 200;
    /** Config files are kilobytes; tokenizer configs with many added tokens reach a few megabytes. */
    static final long MAX_TREE_BYTES = 32L * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .maxNameLength(1024 * 1024)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Hostile documents have millions of distinct names: interning them costs seconds of CPU.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();
    /**
     * For sniffing a file head: no duplicate or depth rules, those are the analyser's to report. Names stay
     * canonicalized: the head is only a few KB, and without canonicalization the byte-array parser reports no
     * byte offsets, which the detector needs to tell a head cut mid-token from a malformed one.
     */
    private static final JsonFactory SNIFFING = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** Built on first use: detection alone needs only the factories. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    }

    private BoundedJson() {
    }

    /** The bounded factory, for analysers that stream a document themselves. */
    static JsonFactory factory() {
        return FACTORY;
    }

    static JsonFactory sniffingFactory() {
        return SNIFFING;
    }

    /** Parses a whole document into a tree; a document over {@link #MAX_TREE_BYTES} is a limit. */
    public static JsonNode readTree(ByteSource source) throws IOException {
        if (source.size() > MAX_TREE_BYTES) {
            throw new LimitExceededException("JSON document of " + source.size() + " bytes is larger than "
                    + MAX_TREE_BYTES + " bytes");
        }
        try (InputStream in = source.open()) {
            return Mapper.MAPPER.readTree(in);
        }
    }

    /** Reads every token once, checking well-formedness in bounded memory. */
    static void validate(ByteSource source, Deadline deadline) throws IOException {
        try (InputStream in = source.open(); JsonParser parser = FACTORY.createParser(in)) {
            long tokens = 0;
            while (parser.nextToken() != null) {
                if ((++tokens & 0xffff) == 0) {
                    deadline.check();
                }
            }
        }
    }
}
