package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.SignalDef;
import io.modelgate.provenance.kb.SignalKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The knowledge base's signals arranged for lookup: exact values by key, tensor patterns and template markers. */
final class SignalIndex {

    /** A signal with the family (and generation, for generation-level signals) it belongs to. */
    record Entry(SignalDef signal, String family, String generation) {
    }

    /** An observation that matched a signal. */
    record Match(Entry entry, Observation observation) {
    }

    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final List<Entry> tensorEntries = new ArrayList<>();
    private final List<Pattern> tensorPatterns = new ArrayList<>();
    private final List<Entry> templateEntries = new ArrayList<>();
    private final Map<String, List<Entry>> moduleEntries = new HashMap<>();

    SignalIndex(KnowledgeBase kb) {
        for (FamilyDef family : kb.families()) {
            family.signals().forEach(s -> add(new Entry(s, family.id(), null)));
            for (GenerationDef generation : family.generations()) {
                generation.signals().forEach(s -> add(new Entry(s, family.id(), generation.id())));
            }
        }
    }

    private void add(Entry entry) {
        SignalKind kind = entry.signal().on();
        if (kind == SignalKind.TENSOR) {
            tensorEntries.add(entry);
            tensorPatterns.add(Pattern.compile(entry.signal().value()));
        } else if (kind == SignalKind.CHAT_TEMPLATE) {
            templateEntries.add(entry);
        } else if (kind == SignalKind.TARGET_MODULE) {
            moduleEntries.computeIfAbsent(entry.signal().value(), k -> new ArrayList<>()).add(entry);
        } else {
            exact.computeIfAbsent(key(kind, entry.signal().value()), k -> new ArrayList<>()).add(entry);
        }
    }

    List<Match> match(List<Observation> observations) {
        List<Match> matches = new ArrayList<>();
        java.util.Set<Entry> tensorHits = new java.util.HashSet<>();
        for (Observation observation : observations) {
            switch (observation.kind()) {
                case TENSOR -> {
                    for (int i = 0; i < tensorEntries.size(); i++) {
                        Entry entry = tensorEntries.get(i);
                        // One hit per tensor pattern: 28 layers with the same bias are one fact.
                        if (!tensorHits.contains(entry) && tensorPatterns.get(i).matcher(observation.value()).find()) {
                            tensorHits.add(entry);
                            matches.add(new Match(entry, observation));
                        }
                    }
                }
                case CHAT_TEMPLATE -> {
                    for (Entry entry : templateEntries) {
                        if (observation.value().contains(entry.signal().value())) {
                            matches.add(new Match(entry, observation));
                        }
                    }
                }
                case TARGET_MODULE -> matches.addAll(modules(observation));
                default -> exact.getOrDefault(key(observation.kind(), observation.value()), List.of())
                        .forEach(entry -> matches.add(new Match(entry, observation)));
            }
        }
        return matches;
    }

    /**
     * An adapter's modules are one choice of its author: each family gets at most its strongest matching module,
     * so that several common module names do not add up to a family.
     */
    private List<Match> modules(Observation observation) {
        Map<String, Entry> best = new java.util.LinkedHashMap<>();
        for (String module : observation.value().split(",")) {
            for (Entry entry : moduleEntries.getOrDefault(module, List.of())) {
                String key = entry.family() + "\u0000" + entry.generation();
                Entry known = best.get(key);
                if (known == null || entry.signal().weight() > known.signal().weight()) {
                    best.put(key, entry);
                }
            }
        }
        return best.values().stream().map(entry -> new Match(entry, observation)).toList();
    }

    private static String key(SignalKind kind, String value) {
        return kind.name() + "\u0000" + value;
    }
}
