package io.modelgate.scanner.openvino;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An OpenVINO IR graph: XML whose root element is {@code <net>}, after an optional byte order mark, XML
 * declaration, comments, processing instructions and a document type declaration.
 */
public final class OpenvinoDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
        while (at < text.length()) {
            at = skipSpace(text, at);
            if (text.startsWith("<?", at)) {
                at = after(text, at, "?>");
            } else if (text.startsWith("<!--", at)) {
                at = after(text, at, "-->");
            } else if (text.startsWith("<!DOCTYPE", at)) {
                at = afterDoctype(text, at);
            } else {
                break;
            }
        }
        if (at < 0 || !text.startsWith("<net", at) || text.length() <= at + 4) {
            return Optional.empty();
        }
        char next = text.charAt(at + 4);
        return next == '>' || Character.isWhitespace(next) || next == '/'
                ? Optional.of(new Detection(ModelFormat.OPENVINO_IR, "XML with a <net> root element"))
                : Optional.empty();
    }

    private static int skipSpace(String text, int at) {
        while (at >= 0 && at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** A document type declaration ends at its first '>', or after the ']' of an internal subset. */
    private static int afterDoctype(String text, int at) {
        int close = text.indexOf('>', at);
        int subset = text.indexOf('[', at);
        if (subset >= 0 && (close < 0 || subset < close)) {
            int end = text.indexOf(']', subset);
            return end < 0 ? text.length() : after(text, end, ">");
        }
        return close < 0 ? text.length() : close + 1;
    }

    private static int after(String text, int at, String end) {
        int found = text.indexOf(end, at);
        return found < 0 ? text.length() : found + end.length();
    }
}
