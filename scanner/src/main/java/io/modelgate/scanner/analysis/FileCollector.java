package io.modelgate.scanner.analysis;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.packaging.SoftwarePackage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers everything learned about one top-level file, from every container level. Not shared
 * across files, so it needs no locking.
 */
public final class FileCollector {

    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> findingKeys = new LinkedHashSet<>();
    private final List<String> incompleteReasons = new ArrayList<>();
    private final Map<String, Object> facts = new TreeMap<>();
    private final Set<String> innerFormats = new LinkedHashSet<>();
    private final Map<String, SoftwarePackage> packages = new HashMap<>();
    private ModelFormat format = ModelFormat.UNKNOWN;
    private boolean analysed;
    private long expandedBytes;
    private boolean expansionStopped;

    /** Adds a finding unless the same rule already fired at the same place for the same subject. */
    public void add(Finding finding) {
        String key = finding.ruleId() + '|' + finding.location() + '|' + finding.subject();
        if (findingKeys.add(key)) {
            findings.add(finding);
        }
    }

    /** Counts bytes expanded from compressed data: the containers nested in one file share one budget. */
    public void addExpandedBytes(long bytes) {
        expandedBytes += bytes;
    }

    public long expandedBytes() {
        return expandedBytes;
    }

    /** After a decompression bomb, nothing more is expanded anywhere in this file. */
    public void stopExpansion() {
        expansionStopped = true;
    }

    public boolean expansionStopped() {
        return expansionStopped;
    }

    public void incomplete(String reason) {
        incompleteReasons.add(reason);
    }

    public void fact(String key, Object value) {
        facts.put(key, value);
    }

    /** Records that the artifact at {@code artifactPath} is a software package. */
    public void softwarePackage(String artifactPath, SoftwarePackage identified) {
        packages.put(artifactPath, identified);
    }

    /** The software package recorded at {@code artifactPath}, if any. */
    public Optional<SoftwarePackage> softwarePackage(String artifactPath) {
        return Optional.ofNullable(packages.get(artifactPath));
    }

    public void format(ModelFormat format) {
        this.format = format;
    }

    public void innerFormat(ModelFormat format) {
        innerFormats.add(format.id());
    }

    /** Marks that at least one analyser ran (the file is a recognised model or container format). */
    public void analysed() {
        analysed = true;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<String> incompleteReasons() {
        return incompleteReasons;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    public ModelFormat format() {
        return format;
    }

    public Set<String> innerFormats() {
        return innerFormats;
    }

    public boolean wasAnalysed() {
        return analysed;
    }
}
