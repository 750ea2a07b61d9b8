package io.modelgate.scanner.protobuf;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises a SentencePiece tokenizer model ({@code tokenizer.model}, {@code spiece.model}): a ModelProto
 * whose top-level fields are the vocabulary pieces (1), trainer, normalizer, self-test and denormalizer
 * specs (2 to 5), all length-delimited, and whose pieces hold a text piece (1), a float score (2) and a
 * type (3). It is tokenizer data that no loader executes, identified so it is not taken for an unread model.
 */
public final class SentencePieceDetector implements FormatDetector {

    private static final int MAX_FIELDS = 256;
    private static final int MIN_PIECES = 3;
    private static final int MAX_PIECE_BYTES = 1024;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 2 || head[0] != 0x0a) {
            return Optional.empty();
        }
        try {
            return isSentencePieceModel(source)
                    ? Optional.of(new Detection(ModelFormat.SENTENCEPIECE, "SentencePiece ModelProto structure"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isSentencePieceModel(ByteSource source) throws IOException {
        ProtoReader model = ProtoReader.of(source, 4);
        int pieces = 0;
        for (int seen = 0; seen < MAX_FIELDS && model.next(); seen++) {
            if (model.field() < 1 || model.field() > 5 || model.wireType() != WireType.LEN) {
                return false;
            }
            if (model.field() == 1) {
                if (!isPiece(model.message())) {
                    return false;
                }
                pieces++;
            }
        }
        return pieces >= MIN_PIECES;
    }

    private static boolean isPiece(ProtoReader piece) throws IOException {
        boolean text = false;
        while (piece.next()) {
            switch (piece.field()) {
                case 1 -> {
                    if (piece.wireType() != WireType.LEN || piece.length() > MAX_PIECE_BYTES) {
                        return false;
                    }
                    text = true;
                }
                case 2 -> {
                    if (piece.wireType() != WireType.I32) {
                        return false;
                    }
                }
                case 3 -> {
                    if (piece.wireType() != WireType.VARINT) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return text;
    }
}
