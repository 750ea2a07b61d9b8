package io.modelgate.scanner.archive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryPathsTest {

    @Test
    void symbolicLinksResolveFromTheirDirectory() {
        assertThat(EntryPaths.checkLink("a/b/link", "../c", true)).isEmpty();
        assertThat(EntryPaths.checkLink("a/link", "../../c", true)).isPresent();
        assertThat(EntryPaths.checkLink("link", "/etc/shadow", true)).isPresent();
        assertThat(EntryPaths.checkLink("link", "C:\\Windows", true)).isPresent();
    }

    @Test
    void hardLinksResolveFromTheRoot() {
        assertThat(EntryPaths.checkLink("a/b/link", "a/file", false)).isEmpty();
        assertThat(EntryPaths.checkLink("a/b/link", "../file", false)).isPresent();
    }

    @Test
    void ordinaryNamesPass() {
        assertThat(EntryPaths.checkName("archive/data/0")).isEmpty();
        assertThat(EntryPaths.checkName("dir/")).isEmpty();
        assertThat(EntryPaths.checkName("x..y/..z")).isEmpty();
    }
}
