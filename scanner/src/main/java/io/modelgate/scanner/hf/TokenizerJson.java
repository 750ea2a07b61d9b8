package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer.json read as a stream: the whole document is checked to be well-formed, and only the
 * {@code added_tokens[].content} strings are kept; the vocabulary and merges (most of the file) never are.
 */
final class TokenizerJson {

    static final int MAX_ADDED_TOKENS = 5_000;

    private TokenizerJson() {
    }

    /** The added tokens' contents in file order (at most {@link #MAX_ADDED_TOKENS}); empty when there are none. */
    static List<String> addedTokens(ByteSource source, Deadline deadline) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (InputStream in = source.open(); JsonParser parser = BoundedJson.factory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                drain(parser, deadline);
                return tokens;
            }
            long seen = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if ((++seen & 0xffff) == 0) {
                    deadline.check();
                }
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()
                        && parser.currentName().equals("added_tokens")) {
                    if (parser.nextToken() == JsonToken.START_ARRAY) {
                        readContents(parser, tokens);
                    }
                }
            }
        }
        return tokens;
    }

    private static void readContents(JsonParser parser, List<String> tokens) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("content") && value == JsonToken.VALUE_STRING && tokens.size() < MAX_ADDED_TOKENS) {
                    tokens.add(JsonFacts.text(parser.getText()));
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void drain(JsonParser parser, Deadline deadline) throws IOException {
        long seen = 0;
        while (parser.nextToken() != null) {
            if ((++seen & 0xffff) == 0) {
                deadline.check();
            }
        }
    }
}
