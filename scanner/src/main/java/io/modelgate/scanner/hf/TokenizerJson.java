package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A tokenizer.json read as a stream: the whole document is checked to be well-formed and reduced to its
 * {@link TokenizerFacts}. The vocabulary and merges (most of the file) are counted as they pass, never kept.
 */
final class TokenizerJson {

    static final int MAX_ADDED_TOKENS = TokenizerFacts.MAX_ADDED_TOKENS;

    private final JsonParser parser;
    private final Deadline deadline;
    private final TokenizerFacts.Builder facts = new TokenizerFacts.Builder();
    private long seen;

    private TokenizerJson(JsonParser parser, Deadline deadline) {
        this.parser = parser;
        this.deadline = deadline;
    }

    /** The added tokens' contents in file order (at most {@link #MAX_ADDED_TOKENS}); empty when there are none. */
    static List<String> addedTokens(ByteSource source, Deadline deadline) throws IOException {
        return read(source, deadline).addedTokens();
    }

    static TokenizerFacts read(ByteSource source, Deadline deadline) throws IOException {
        try (InputStream in = source.open(); JsonParser parser = BoundedJson.factory().createParser(in)) {
            TokenizerJson reader = new TokenizerJson(parser, deadline);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                reader.root();
            }
            reader.drain();
            return reader.facts.build();
        }
    }

    private JsonToken next() throws IOException {
        if ((++seen & 0xffff) == 0) {
            deadline.check();
        }
        return parser.nextToken();
    }

    private void root() throws IOException {
        while (next() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = next();
            switch (field) {
                case "added_tokens" -> ifArray(value, this::addedToken);
                case "model" -> ifObject(value, this::modelField);
                case "pre_tokenizer" -> walk(value, this::preTokenizerField);
                case "post_processor" -> walk(value, this::postProcessorField);
                default -> skip();
            }
        }
    }

    private void addedToken() throws IOException {
        ifObject(parser.currentToken(), (field, value) -> {
            if (field.equals("content") && value == JsonToken.VALUE_STRING) {
                facts.addedToken(JsonFacts.text(parser.getText()));
            } else if (field.equals("id") && value == JsonToken.VALUE_NUMBER_INT) {
                facts.addedId(parser.getLongValue());
            } else {
                skip();
            }
        });
    }

    /** model: its type, its vocabulary (counted; an object of token to id, or Unigram's list) and its merges. */
    private void modelField(String field, JsonToken value) throws IOException {
        switch (field) {
            case "type" -> {
                if (value == JsonToken.VALUE_STRING) {
                    facts.modelType(JsonFacts.text(parser.getText()));
                }
            }
            case "vocab" -> {
                if (value == JsonToken.START_OBJECT) {
                    while (next() == JsonToken.FIELD_NAME) {
                        JsonToken id = next();
                        facts.vocabEntry(id == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1);
                        skip();
                    }
                } else if (value == JsonToken.START_ARRAY) {
                    ifArray(value, () -> {
                        facts.vocabEntry(-1);
                        skip();
                    });
                } else {
                    skip();
                }
            }
            case "merges" -> ifArray(value, () -> {
                facts.merge();
                skip();
            });
            default -> skip();
        }
    }

    /** pre_tokenizer, at any depth (Sequence nests them): each type and each Split pattern. */
    private void preTokenizerField(String field, JsonToken value) throws IOException {
        if (field.equals("type") && value == JsonToken.VALUE_STRING) {
            facts.preTokenizer(JsonFacts.text(parser.getText()));
        } else if ((field.equals("Regex") || field.equals("String")) && value == JsonToken.VALUE_STRING
                && "pattern".equals(parser.getParsingContext().getParent().getCurrentName())) {
            facts.prePattern(JsonFacts.text(parser.getText()));
        } else {
            walk(value, this::preTokenizerField);
        }
    }

    /**
     * post_processor, at any depth: a template's special tokens before its first sequence are what the model
     * sees first (BOS), those after it what it sees last (EOS); Bert and RoBERTa processors name them cls and sep.
     */
    private void postProcessorField(String field, JsonToken value) throws IOException {
        if (field.equals("single") && value == JsonToken.START_ARRAY) {
            boolean[] afterSequence = {false};
            ifArray(value, () -> ifObject(parser.currentToken(), (piece, body) -> {
                if (piece.equals("Sequence")) {
                    afterSequence[0] = true;
                    skip();
                } else if (piece.equals("SpecialToken") && body == JsonToken.START_OBJECT) {
                    specialTokenPiece(afterSequence[0]);
                } else {
                    skip();
                }
            }));
        } else if ((field.equals("cls") || field.equals("sep")) && value == JsonToken.START_ARRAY) {
            boolean[] first = {true};
            ifArray(value, () -> {
                if (first[0] && parser.currentToken() == JsonToken.VALUE_STRING) {
                    facts.boundaryToken(field.equals("sep"), JsonFacts.text(parser.getText()));
                }
                first[0] = false;
                skip();
            });
        } else {
            walk(value, this::postProcessorField);
        }
    }

    private void specialTokenPiece(boolean afterSequence) throws IOException {
        ifObject(JsonToken.START_OBJECT, (field, value) -> {
            if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                facts.boundaryToken(afterSequence, JsonFacts.text(parser.getText()));
            } else {
                skip();
            }
        });
    }

    private interface FieldVisitor {
        void visit(String field, JsonToken value) throws IOException;
    }

    private interface ItemVisitor {
        void visit() throws IOException;
    }

    /** Visits an object's fields, or each object inside an array, with the same visitor; scalars are passed over. */
    private void walk(JsonToken value, FieldVisitor visitor) throws IOException {
        if (value == JsonToken.START_OBJECT) {
            ifObject(value, visitor);
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = next()) != JsonToken.END_ARRAY && item != null) {
                walk(item, visitor);
            }
        }
    }

    private void ifObject(JsonToken value, FieldVisitor visitor) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            skip();
            return;
        }
        while (next() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            visitor.visit(field, next());
        }
    }

    private void ifArray(JsonToken value, ItemVisitor visitor) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            skip();
            return;
        }
        JsonToken item;
        while ((item = next()) != JsonToken.END_ARRAY && item != null) {
            visitor.visit();
        }
    }

    /** Passes over the current value (a whole object or array), checking the deadline as it goes. */
    private void skip() throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken t = next();
            if (t == null) {
                return;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            }
        }
    }

    /** Reads the rest of the document, so that a malformed tail is still an error. */
    private void drain() throws IOException {
        while (next() != null) {
            // well-formedness only
        }
    }
}
