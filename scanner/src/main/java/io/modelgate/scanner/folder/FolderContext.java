package io.modelgate.scanner.folder;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where folder analysers report. Findings name a file of the folder in their location (its display
 * path) and are merged into that file's result; facts are kept per folder.
 */
public final class FolderContext {

    private final Limits limits;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<String>> incomplete = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    public FolderContext(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public void report(Finding finding) {
        findings.add(finding);
    }

    /** A file of the folder could not be verified completely (fail closed). */
    public void incomplete(String displayPath, String reason) {
        incomplete.computeIfAbsent(displayPath, k -> new ArrayList<>()).add(reason);
    }

    public void fact(String key, Object value) {
        facts.put(key, value);
    }

    public List<Finding> findings() {
        return findings;
    }

    public Map<String, List<String>> incompleteByFile() {
        return incomplete;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
