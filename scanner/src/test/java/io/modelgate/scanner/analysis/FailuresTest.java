package io.modelgate.scanner.analysis;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures are told in plain words: the reader's own message when it has one, never a class name. */
class FailuresTest {

    @Test
    void failuresWithoutAMessageGetPlainWords() {
        assertThat(Failures.describe(new EOFException())).isEqualTo("the data ends early (truncated)");
        assertThat(Failures.describe(new NullPointerException())).isEqualTo("a structure the reader does not handle");
        assertThat(Failures.describe(new ArrayIndexOutOfBoundsException()))
                .isEqualTo("a length or offset points outside the data");
        assertThat(Failures.describe(new OutOfMemoryError("Java heap space"))).isEqualTo(Failures.OUT_OF_MEMORY);
    }

    @Test
    void messagesNamingJavaClassesAreReplaced() {
        assertThat(Failures.describe(new IllegalStateException("java.lang.ClassCastException: x cannot be cast")))
                .isEqualTo("a structure the reader does not handle");
        assertThat(Failures.describe(new ZipException("invalid stored block lengths")))
                .isEqualTo("invalid stored block lengths");
        assertThat(Failures.describe(new IOException("io.modelgate.scanner.io.PositionalInputStream@1f closed")))
                .isEqualTo("unreadable data");
    }

    @Test
    void wrappersAreLookedThroughAndOnlyTheFirstLineIsKept() {
        Exception wrapped = new ExecutionException(new UncheckedIOException(new EOFException("ends at 12\nmore")));
        assertThat(Failures.describe(wrapped)).isEqualTo("ends at 12");
    }

    @Test
    void jsonErrorsKeepTheReasonWithoutTheSourceObject() {
        JsonParseException e = catchThrowableOfType(JsonParseException.class,
                () -> new ObjectMapper().readTree("{\"a\": tru}"));

        String described = Failures.describe(e);

        assertThat(described).startsWith("malformed JSON: ").doesNotContain("Source").doesNotContain("java.");
        assertThat(Failures.namesCode(described)).isFalse();
    }
}
