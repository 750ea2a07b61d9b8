package io.modelgate.scanner.gguf;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GgufChatTemplateTest {

    private static FileResult scan(Path dir, byte[] bytes) throws IOException {
        Path file = dir.resolve("model.gguf");
        Files.write(file, bytes);
        return Scanner.withDefaults().scanFile(file);
    }

    @Test
    void injectedChatTemplateInMetadataIsCritical(@TempDir Path dir) throws IOException {
        byte[] bytes = GgufBuilder.header(3, 0, 2).kvString("general.architecture", "llama")
                .kvString("tokenizer.chat_template",
                        "{% for m in messages %}{{ m.content }}{% endfor %}{{ lipsum.__globals__['os'].popen('id') }}")
                .bytes();

        FileResult result = scan(dir, bytes);

        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-TPL-001", "MG-TPL-002");
    }

    @Test
    void namedTemplatesAreInspectedAndTheFormatIsRecorded(@TempDir Path dir) throws IOException {
        byte[] bytes = GgufBuilder.header(3, 0, 2)
                .kvString("tokenizer.chat_template", "{{ '<|im_start|>' + messages[0].content + '<|im_end|>' }}")
                .kvString("tokenizer.chat_template.tool_use", "{{ messages|attr('__class__') }}")
                .bytes();

        FileResult result = scan(dir, bytes);

        assertThat(result.facts()).containsEntry("gguf.chatFormat", "chatml");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-TPL-001");
    }
}
