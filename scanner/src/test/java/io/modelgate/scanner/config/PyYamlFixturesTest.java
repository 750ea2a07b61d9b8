package io.modelgate.scanner.config;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML written by PyYAML itself (fixtures/config/generate.py): the tags real dumps produce. */
class PyYamlFixturesTest {

    private static final Path CONFIG = Path.of("..", "fixtures", "config");

    private static FileResult scan(String name) {
        return Scanner.withDefaults().scanFile(CONFIG.resolve(name));
    }

    @Test
    void lightningStyleDumpIsClean() {
        FileResult result = scan("benign/hparams.yaml");

        assertThat(result.findings()).noneMatch(f -> f.severity().atLeast(Severity.LOW));
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void reduceToOsSystemIsDumpedAsPosixSystemAndIsCritical() {
        assertThat(scan("malicious/reduce.yaml").findings()).filteredOn(f -> f.ruleId().equals("MG-CFG-001"))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("posix.system");
                    assertThat(f.message()).contains("callback").contains("'id'");
                });
    }

    @Test
    void nameTagOfSubprocessIsCriticalAndAnUnreviewedObjectIsHigh() {
        assertThat(scan("malicious/name.yaml").findings()).extracting(Finding::ruleId).contains("MG-CFG-001");
        assertThat(scan("malicious/new.yaml").findings()).filteredOn(f -> f.ruleId().equals("MG-CFG-002"))
                .singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("acme_tools.hooks.Hook"));
    }
}
