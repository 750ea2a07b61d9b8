package io.modelgate.scanner.onnx;

import io.modelgate.scanner.onnx.ExternalDataLocator.Escapes;
import io.modelgate.scanner.onnx.ExternalDataLocator.Missing;
import io.modelgate.scanner.onnx.ExternalDataLocator.Unchecked;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalDataLocatorTest {

    @Test
    void insideAnArchiveLocationsResolveFromTheEntryFolder() {
        ExternalDataLocator locator = new ExternalDataLocator(Optional.empty(), "models/v1/model.onnx");
        assertThat(locator.resolve("weights.bin")).isInstanceOf(Unchecked.class);
        assertThat(locator.resolve("../shared/weights.bin")).isInstanceOf(Unchecked.class);
        assertThat(locator.resolve("../../weights.bin")).isInstanceOf(Unchecked.class);
        assertThat(locator.resolve("../../../weights.bin")).isInstanceOf(Escapes.class);
    }

    @Test
    void absoluteDriveAndTraversalLocationsEscape() {
        ExternalDataLocator locator = new ExternalDataLocator(Optional.empty(), "model.onnx");
        assertThat(locator.resolve("/etc/passwd")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("\\\\server\\share\\w.bin")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("C:\\Windows\\win.ini")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("c:w.bin")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("a/../../w.bin")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("..\\w.bin")).isInstanceOf(Escapes.class);
        assertThat(locator.resolve("a/./../w.bin")).isInstanceOf(Unchecked.class);
        assertThat(locator.resolve("")).isInstanceOf(Missing.class);
    }
}
