package io.modelgate.scanner.config;

import java.io.IOException;

/** A YAML document this reader does not accept, in one plain line. */
final class YamlSyntaxException extends IOException {

    YamlSyntaxException(String message) {
        super(message);
    }
}
