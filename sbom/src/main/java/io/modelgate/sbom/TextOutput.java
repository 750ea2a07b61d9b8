package io.modelgate.sbom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A document written to a stream (a report, a BOM), and the same document as text for callers that want a
 * string: the streaming writers are written once, their string forms come from here.
 */
public final class TextOutput {

    /** Writes a document to the writer it is given. */
    @FunctionalInterface
    public interface Document {
        void writeTo(Writer out) throws IOException;
    }

    private TextOutput() {
    }

    public static String of(Document document) {
        StringWriter out = new StringWriter();
        try {
            document.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return out.toString();
    }
}
