package io.modelgate.scanner.folder;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.Finding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where folder analysers report. Findings name a file of the folder in their location (its display
 * path); they, the typed facts and the incomplete reasons are returned as the folder's result, never
 * merged into the files' results.
 */
public final class FolderContext {

    private final Limits limits;
    private final VerificationOptions options;
    private final FileDigests digests;
    private final boolean scanRoot;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<String>> incomplete = new LinkedHashMap<>();
    private final Map<Class<?>, Object> facts = new LinkedHashMap<>();

    /**
     * @param scanRoot true when this folder is one of the roots the user asked to scan (a lock file
     *                 applies to it, an absent signature is reported for it)
     */
    public FolderContext(Limits limits, VerificationOptions options, FileDigests digests, boolean scanRoot,
                         Clock clock) {
        this.limits = limits;
        this.options = options;
        this.digests = digests;
        this.scanRoot = scanRoot;
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    /** Expected digests, keys and trust anchors the user supplied. */
    public VerificationOptions options() {
        return options;
    }

    /** Digests computed while scanning the files, to avoid hashing them again. */
    public FileDigests digests() {
        return digests;
    }

    public boolean isScanRoot() {
        return scanRoot;
    }

    /** The scan's clock, for certificate validity. */
    public Clock clock() {
        return clock;
    }

    public void report(Finding finding) {
        findings.add(finding);
    }

    /** A file of the folder could not be verified completely (fail closed). */
    public void incomplete(String displayPath, String reason) {
        incomplete.computeIfAbsent(displayPath, k -> new ArrayList<>()).add(reason);
    }

    /** Records a typed fact, replacing an earlier fact of the same type (checks refine a shared summary). */
    public void fact(Object typedFact) {
        facts.put(typedFact.getClass(), typedFact);
    }

    /** The fact of a type recorded so far by an earlier check. */
    public <T> Optional<T> fact(Class<T> type) {
        return Optional.ofNullable(facts.get(type)).map(type::cast);
    }

    public List<Finding> findings() {
        return findings;
    }

    public Map<String, List<String>> incompleteByFile() {
        return incomplete;
    }

    public List<Object> facts() {
        return List.copyOf(facts.values());
    }
}
