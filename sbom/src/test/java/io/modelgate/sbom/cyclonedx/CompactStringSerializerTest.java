package io.modelgate.sbom.cyclonedx;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.modelgate.testkit.RandomCases;
import org.cyclonedx.util.serializer.TrimStringSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompactStringSerializerTest {

    /** A mapper whose strings go through {@code strings}, registered as the library registers its own. */
    private static ObjectMapper writing(JsonSerializer<?> strings) {
        return new ObjectMapper().registerModule(new SimpleModule().addSerializer(strings));
    }

    @Test
    void stringsAreWrittenAsTheLibrarysSerializerWritesThem() {
        ObjectMapper library = writing(new TrimStringSerializer());
        ObjectMapper ours = writing(new CompactStringSerializer());
        RandomCases.check(5_000, gen -> gen.oneOf(
                () -> gen.string(40, "ab  \t\n\r\f\u000B\u00a0\u2003x"),
                () -> gen.string(30)), text -> assertThat(ours.writeValueAsString(List.of(text)))
                        .as("'%s'", text).isEqualTo(library.writeValueAsString(List.of(text))));
    }

    @Test
    void runsOfSpacesTabsAndLineBreaksBecomeOneSpace() {
        assertThat(CompactStringSerializer.compact("  a\r\nb\t\tc   d\re \f")).isEqualTo("a b c d e");
        assertThat(CompactStringSerializer.compact("plain text")).isEqualTo("plain text");
    }
}
