package io.modelgate.scanner.text;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 for text formats: sniffing a file head, and bounded whole-file decoding. */
public final class Utf8Text {

    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private Utf8Text() {
    }

    /** The head of a source as text with a leading byte order mark removed (lenient; for sniffing). */
    public static String headText(byte[] head) {
        int skip = startsWithBom(head) ? BOM.length : 0;
        return new String(head, skip, head.length - skip, StandardCharsets.UTF_8);
    }

    /**
     * Decodes a whole source strictly.
     *
     * @throws LimitExceededException   when the source is larger than {@code maxBytes}
     * @throws CharacterCodingException when it is not valid UTF-8
     */
    public static String decode(ByteSource source, long maxBytes, String what) throws IOException {
        if (source.size() > maxBytes) {
            throw new LimitExceededException(what + " of " + source.size() + " bytes is larger than the limit of "
                    + maxBytes);
        }
        byte[] bytes = source.readFully(0, (int) source.size());
        int skip = startsWithBom(bytes) ? BOM.length : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
    }

    /**
     * Decodes a whole source strictly, or marks the file incomplete and returns empty when it is not valid
     * UTF-8: text analysers that cannot read the text cannot call it clean.
     *
     * @throws LimitExceededException when the source is larger than {@code maxBytes}
     */
    public static Optional<String> decodeOrIncomplete(ByteSource source, long maxBytes, String what,
                                                      AnalysisContext context) throws IOException {
        try {
            return Optional.of(decode(source, maxBytes, what));
        } catch (CharacterCodingException e) {
            context.incomplete(what + " is not valid UTF-8");
            return Optional.empty();
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }
}
