package io.modelgate.verification.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSSE encodings: the standard one and the one model_signing 0.2 signed (Python's bytes repr). */
class DsseTest {

    private static String repr(String text) {
        return Dsse.pythonBytesRepr(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void pythonBytesReprAsPythonWritesIt() {
        // Expected values as printed by Python 3: repr(b"...")
        assertThat(repr("{\"a\": 1}")).isEqualTo("b'{\"a\": 1}'");
        assertThat(repr("it's")).isEqualTo("b\"it's\"");
        assertThat(repr("both ' and \"")).isEqualTo("b'both \\' and \"'");
        assertThat(repr("tab\tnl\ncr\r\\")).isEqualTo("b'tab\\tnl\\ncr\\r\\\\'");
        assertThat(repr("\u0000\u001f\u007f\u00ff")).isEqualTo("b'\\x00\\x1f\\x7f\\xff'");
    }

    @Test
    void legacyEncodingHasTheV02Prefix() {
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Dsse.legacyPae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload), StandardCharsets.UTF_8))
                .isEqualTo("DSSEV1 28 application/vnd.in-toto+json 2 b'{}'");
        assertThat(new String(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 28 application/vnd.in-toto+json 2 {}");
    }
}
