package io.modelgate.cli;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.FormatRegistry;

/**
 * Start-up work an assessing command will need, done on a second thread while the main thread reads the command
 * line: the built-in knowledge base (the largest part of a small scan's start-up), then the scanner's detector and
 * analyser classes. Whoever needs either first waits for it or does it itself; a failure here is raised again
 * there, so this thread reports nothing.
 */
final class StartupPreload {

    private StartupPreload() {
    }

    /** @param knowledgeBase whether the built-in knowledge base will be used (not when {@code --kb} files are) */
    static void start(boolean knowledgeBase) {
        Thread preload = new Thread(() -> {
            try {
                if (knowledgeBase) {
                    KnowledgeBaseLoader.builtIn();
                }
                FormatRegistry.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // raised again where the knowledge base or the scanner is first used
            }
        }, "startup-preload");
        preload.setDaemon(true);
        preload.start();
    }
}
