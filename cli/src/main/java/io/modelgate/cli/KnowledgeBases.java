package io.modelgate.cli;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Loads the knowledge base with the user's --kb files; a bad file is a usage error. */
final class KnowledgeBases {

    private KnowledgeBases() {
    }

    /** Loads the knowledge base on the first call only; later calls, from any thread, get the same one. */
    static Supplier<KnowledgeBase> once(List<Path> files) {
        return new Supplier<>() {
            private KnowledgeBase loaded;

            @Override
            public synchronized KnowledgeBase get() {
                if (loaded == null) {
                    loaded = load(files);
                }
                return loaded;
            }
        };
    }

    static KnowledgeBase load(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return KnowledgeBaseLoader.builtIn();
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such knowledge-base file: " + file);
            }
        }
        try {
            return KnowledgeBaseLoader.withUserFiles(files);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
