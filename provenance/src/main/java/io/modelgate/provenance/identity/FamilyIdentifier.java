package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.SignalKind;
import io.modelgate.provenance.kb.SignalKind.Aspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a unit's family from all of its evidence at once. Traits of the body (architecture, vocabulary,
 * tensor layout, configuration) and of the tokenizer (special tokens, chat format) are scored per family
 * separately, so weights relabelled as another architecture, or a distill whose tokenizer and body come from
 * different families, show through. Declarations (names, bases) count too, but less: they are editable text.
 */
final class FamilyIdentifier {

    /** Below this a family is not named from traits alone. */
    static final double IDENTIFIED = 0.5;
    /** A tokenizer of another family than the body's must be at least this clear to call the model a distill. */
    private static final double FOREIGN_TOKENIZER = 0.7;
    private static final double MIN_TOTAL = 0.3;
    private static final double MAX_CONFIDENCE = 0.99;
    /** The most a family gets from its tokenizer and names when the unit's labelled body shows none of its traits. */
    private static final double TOKENIZER_ONLY = 0.6;

    private final KnowledgeBase kb;
    private final SignalIndex index;
    private final NameResolver names;
    /** The capacity a hash map of every family grows to (at the default load factor of 0.75). */
    private final int familyMapCapacity;

    FamilyIdentifier(KnowledgeBase kb) {
        this.kb = kb;
        this.familyMapCapacity = (int) Math.ceil(kb.families().size() / 0.75);
        this.index = new SignalIndex(kb);
        this.names = new NameResolver(kb);
    }

    NameResolver names() {
        return names;
    }

    Identification identify(ModelEvidenceInput input) {
        List<Observation> observations = ObservationExtractor.extract(input);
        List<SignalIndex.Match> matches = index.match(observations);
        Declarations declarations = Declarations.read(input);
        Map<Claim, Set<String>> claimFamilies = new LinkedHashMap<>();
        // An organisation claim names an organisation, never a model: it is matched against organisation ids only.
        declarations.claims().forEach(c -> claimFamilies.put(c, c.kind() == ClaimKind.ORGANIZATION
                ? names.organisation(c.value()) : names.families(c.value())));

        Map<String, List<Double>> body = new HashMap<>();
        Map<String, List<Double>> tokenizer = new HashMap<>();
        Map<String, List<Double>> claims = new HashMap<>();
        for (SignalIndex.Match m : familyLevel(matches)) {
            Map<String, List<Double>> target = m.entry().signal().on().aspect() == Aspect.BODY ? body : tokenizer;
            target.computeIfAbsent(m.entry().family(), k -> new ArrayList<>()).add(m.entry().signal().weight());
        }
        claimFamilies.forEach((claim, families) -> families.forEach(f ->
                claims.computeIfAbsent(f, k -> new ArrayList<>()).add(claim.kind().weight())));

        Map<String, Double> bodyScore = score(body);
        Map<String, Double> tokenizerScore = score(tokenizer);
        // Only families with a trait or a claim score above 0; the others are left out (read as 0). The maps are
        // sized as maps of every family, so that they iterate in the same order and ties break as they always did.
        Map<String, Double> detected = new HashMap<>(familyMapCapacity);
        Map<String, Double> total = new HashMap<>(familyMapCapacity);
        // most units (a lone file with an unremarkable name) match nothing: no need to go through every family
        boolean anyMatch = !body.isEmpty() || !tokenizer.isEmpty() || !claims.isEmpty();
        for (FamilyDef family : anyMatch ? kb.families() : List.<FamilyDef>of()) {
            String id = family.id();
            if (!body.containsKey(id) && !tokenizer.containsKey(id) && !claims.containsKey(id)) {
                continue;
            }
            List<Double> traits = new ArrayList<>(body.getOrDefault(id, List.of()));
            traits.addAll(tokenizer.getOrDefault(id, List.of()));
            detected.put(id, Scores.noisyOr(traits));
            traits.addAll(claims.getOrDefault(id, List.of()));
            total.put(id, Scores.noisyOr(traits));
        }
        String bodyBest = best(bodyScore);
        String foreign = foreignTokenizer(bodyBest, bodyScore, tokenizerScore);
        // The tokenizer's family made the model (a distill) only when it ships under the body's architecture
        // label; a body labelled as its own architecture merely borrowed the tokenizer and stays its family.
        boolean distill = foreign != null && shipsOnBody(foreign, observations);
        String borrowed = foreign != null && !distill ? foreign : null;
        String tokenizerBest = distill ? foreign : null;
        String family;
        if (distill) {
            family = tokenizerBest;
        } else if (borrowed != null) {
            family = bodyBest;
        } else {
            boolean unknownBody = unknownBody(observations);
            family = total.entrySet().stream()
                    .filter(e -> e.getValue() >= MIN_TOTAL)
                    // A body no family ships under is an unknown family, whatever it is called; only a
                    // distinctive tokenizer of a known family still names one.
                    .filter(e -> !unknownBody || tokenizerScore.getOrDefault(e.getKey(), 0.0) >= FOREIGN_TOKENIZER)
                    .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                            .thenComparingDouble(e -> detected.get(e.getKey())))
                    .map(Map.Entry::getKey).orElse(null);
            // Tokenizer and vocabulary of another family do not outweigh a body labelled as its own architecture
            // that the other family never ships under: the tokenizer was borrowed.
            // A bare label is what relabelling forges, so the body must be clearly its family's.
            if (family != null && bodyBest != null && !family.equals(bodyBest) && labelledAs(bodyBest, matches)
                    && bodyScore.get(bodyBest) >= IDENTIFIED && !shipsOnBody(family, observations)) {
                borrowed = tokenizerScore.getOrDefault(family, 0.0) > 0 ? family : null;
                family = bodyBest;
            }
        }
        String architectureFamily = distill ? bodyBest : family;
        String line = distill ? null : lineOn(family, claimFamilies, observations);
        if (line != null) {
            architectureFamily = family;
            family = line;
        }

        List<Evidence> evidence = evidence(matches, claimFamilies, family, architectureFamily, borrowed);
        double confidence = confidence(evidence, borrowed);
        if (line != null) {
            // Only the names tell the line from its base: it is as sure as they are.
            confidence = Math.min(confidence, Scores.round(Scores.noisyOr(lineClaims(line, claimFamilies))));
        }
        if (family != null && !distill && line == null && bodyScore.getOrDefault(family, 0.0) == 0
                && observations.stream().anyMatch(o -> isArchitectureLabel(o.kind()))) {
            // A labelled body with no trait of the family: the tokenizer may be borrowed (many are), so the
            // tokenizer and the names alone never make the identity certain.
            confidence = Math.min(confidence, TOKENIZER_ONLY);
        }
        String generation = generation(family, matches, claimFamilies);
        String architectureGeneration = distill ? generation(bodyBest, matches, claimFamilies) : generation;
        String tokenizerFamily = distill ? tokenizerBest : borrowed != null ? borrowed
                : line != null ? architectureFamily : family;
        return new Identification(family, generation, architectureFamily, tokenizerFamily,
                architectureGeneration, distill, family == null ? 0 : confidence, detected, evidence, declarations,
                claimFamilies);
    }

    /**
     * A family the unit's own declarations name that ships on the detected family's body: a line built on it
     * (an embedding model on a BERT or XLM-R body), or a publisher whose releases use that architecture label
     * (DeepSeek's distills on Qwen2 and Llama bodies) when no tokenizer shows it. The files are the base's; only
     * the names tell it apart, so a folder or file name alone never does.
     */
    private String lineOn(String base, Map<Claim, Set<String>> claimFamilies, List<Observation> observations) {
        if (base == null) {
            return null;
        }
        List<Observation> labels = observations.stream().filter(o -> isArchitectureLabel(o.kind())).toList();
        for (FamilyDef candidate : kb.families()) {
            if (candidate.id().equals(base) || lineClaims(candidate.id(), claimFamilies).isEmpty()) {
                continue;
            }
            boolean fits = candidate.builtOn().contains(base)
                    ? labels.stream().filter(o -> o.kind() == SignalKind.ARCHITECTURE)
                            .allMatch(o -> candidate.architectures().contains(o.value()))
                    : !labels.isEmpty() && labels.stream().allMatch(o -> legitimateLabel(o, candidate.id())
                            // Another family's body the candidate ships on, not its own label (a relabel).
                            && index.match(List.of(o)).stream().noneMatch(m -> m.entry().family().equals(candidate.id())));
            if (fits) {
                return candidate.id();
            }
        }
        return null;
    }

    private static List<Double> lineClaims(String family, Map<Claim, Set<String>> claimFamilies) {
        List<Double> weights = new ArrayList<>();
        claimFamilies.forEach((claim, families) -> {
            if (claim.kind() != ClaimKind.FILE_NAME && families.contains(family)) {
                weights.add(claim.kind().weight());
            }
        });
        return weights;
    }

    /** True when one of the unit's architecture labels is a signal of the family. */
    private static boolean labelledAs(String family, List<SignalIndex.Match> matches) {
        return matches.stream().anyMatch(m -> isArchitectureLabel(m.observation().kind())
                && m.entry().family().equals(family) && m.entry().generation() == null);
    }

    /**
     * True when every architecture label of the unit is one the family ships under (or there is none): the
     * family's own releases use that body, as DeepSeek's distills ship Qwen2 and Llama bodies.
     */
    private boolean shipsOnBody(String family, List<Observation> observations) {
        return observations.stream().filter(o -> isArchitectureLabel(o.kind()))
                .allMatch(o -> legitimateLabel(o, family));
    }

    /**
     * True when the unit labels its body (config architectures or model_type, GGUF general.architecture) and no
     * label is one the knowledge base knows: neither a signal of a family nor an architecture a family ships under.
     */
    private boolean unknownBody(List<Observation> observations) {
        List<Observation> labels = observations.stream().filter(o -> isArchitectureLabel(o.kind())).toList();
        return !labels.isEmpty() && labels.stream().noneMatch(this::knownLabel);
    }

    private boolean knownLabel(Observation label) {
        if (!index.match(List.of(label)).isEmpty()) {
            return true;
        }
        return kb.families().stream().anyMatch(f -> legitimateLabel(label, f.id()));
    }

    /** Family-level signals; generation-level ones only pick the generation. */
    private static List<SignalIndex.Match> familyLevel(List<SignalIndex.Match> matches) {
        return matches.stream().filter(m -> m.entry().generation() == null).toList();
    }

    private static Map<String, Double> score(Map<String, List<Double>> weights) {
        Map<String, Double> scores = new HashMap<>();
        weights.forEach((family, w) -> scores.put(family, Scores.noisyOr(w)));
        return scores;
    }

    /**
     * A distill: the body clearly belongs to one family while the tokenizer carries another family's special
     * tokens or chat format at least as strongly as the body's own, and that other family has no body traits.
     * Generic markers (ChatML) weigh too little to qualify.
     */
    private static String foreignTokenizer(String bodyBest, Map<String, Double> body, Map<String, Double> tokenizer) {
        if (bodyBest == null || body.get(bodyBest) < IDENTIFIED) {
            return null;
        }
        double own = tokenizer.getOrDefault(bodyBest, 0.0);
        return tokenizer.entrySet().stream()
                .filter(e -> !e.getKey().equals(bodyBest))
                .filter(e -> e.getValue() >= FOREIGN_TOKENIZER && e.getValue() >= own)
                .filter(e -> body.getOrDefault(e.getKey(), 0.0) < IDENTIFIED)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String best(Map<String, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * Every matched trait and claim, marked as supporting the verdict (it points at the family or, for a distill,
     * at the body's family) or contradicting it (it points only elsewhere). An architecture label the family
     * legitimately ships under never contradicts.
     */
    private List<Evidence> evidence(List<SignalIndex.Match> matches, Map<Claim, Set<String>> claimFamilies,
                                    String family, String architectureFamily, String borrowed) {
        Map<Observation, List<SignalIndex.Entry>> byObservation = new LinkedHashMap<>();
        for (SignalIndex.Match m : familyLevel(matches)) {
            byObservation.computeIfAbsent(m.observation(), k -> new ArrayList<>()).add(m.entry());
        }
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<Observation, List<SignalIndex.Entry>> e : byObservation.entrySet()) {
            Observation o = e.getKey();
            Optional<SignalIndex.Entry> own = e.getValue().stream()
                    .filter(x -> x.family().equals(family) || x.family().equals(architectureFamily))
                    .max(Comparator.comparingDouble(x -> x.signal().weight()));
            Optional<SignalIndex.Entry> borrowedTokenizer = e.getValue().stream()
                    .filter(x -> x.family().equals(borrowed) && x.signal().on().aspect() == Aspect.TOKENIZER)
                    .max(Comparator.comparingDouble(x -> x.signal().weight()));
            if (own.isPresent()) {
                out.add(evidence(o, own.get().signal().weight(), own.get().family(), Stance.SUPPORTS));
            } else if (borrowedTokenizer.isPresent()) {
                // The tokenizer's own family, named as such: it explains the trait without disputing the body.
                out.add(evidence(o, borrowedTokenizer.get().signal().weight(), borrowed, Stance.SUPPORTS));
            } else if (!legitimateLabel(o, family) && !legitimateLabel(o, architectureFamily)) {
                SignalIndex.Entry other = e.getValue().stream()
                        .max(Comparator.comparingDouble(x -> x.signal().weight())).orElseThrow();
                out.add(evidence(o, other.signal().weight(), other.family(), Stance.CONTRADICTS));
            }
        }
        claimFamilies.forEach((claim, families) -> {
            if (families.isEmpty()) {
                return;
            }
            boolean agrees = families.contains(family) || families.contains(architectureFamily);
            String pointsAt = agrees ? (families.contains(family) ? family : architectureFamily)
                    : families.iterator().next();
            out.add(new Evidence(claim.kind().id(), claim.value(), claim.source(), claim.kind().weight(), pointsAt,
                    agrees ? Stance.SUPPORTS : Stance.CONTRADICTS));
        });
        return out;
    }

    private static Evidence evidence(Observation o, double weight, String family, Stance stance) {
        return new Evidence(o.kind().name().toLowerCase(Locale.ROOT), shorten(o), o.source(), weight, family, stance);
    }

    /** Chat templates are long: evidence shows the marker region only through the signal, not the whole text. */
    private static String shorten(Observation o) {
        String value = o.value();
        return value.length() <= 120 ? value : value.substring(0, 117) + "...";
    }

    /** True when the observation is an architecture label the family itself uses. */
    boolean legitimateLabel(Observation o, String familyId) {
        if (familyId == null) {
            return false;
        }
        FamilyDef family = kb.family(familyId).orElseThrow();
        return switch (o.kind()) {
            case ARCHITECTURE -> family.architectures().contains(o.value());
            case MODEL_TYPE -> family.architectures().stream()
                    .anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(o.value().toLowerCase(Locale.ROOT) + "for"));
            case GGUF_ARCH -> family.architectures().stream()
                    .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(o.value().toLowerCase(Locale.ROOT) + "forcausallm"));
            default -> false;
        };
    }

    static boolean isArchitectureLabel(SignalKind kind) {
        return kind == SignalKind.ARCHITECTURE || kind == SignalKind.MODEL_TYPE || kind == SignalKind.GGUF_ARCH;
    }

    /**
     * Supporting evidence combined, discounted by the strongest alternative: the contradicting evidence that
     * points at one other family. Weak traits scattered over many families do not add up against the verdict.
     */
    private static double confidence(List<Evidence> evidence, String borrowed) {
        List<Double> support = new ArrayList<>();
        Map<String, List<Double>> against = new HashMap<>();
        for (Evidence e : evidence) {
            if (e.stance() == Stance.SUPPORTS && e.family().equals(borrowed)) {
                continue;
            }
            if (e.stance() == Stance.SUPPORTS) {
                support.add(e.weight());
            } else {
                against.computeIfAbsent(e.family(), k -> new ArrayList<>()).add(e.weight());
            }
        }
        double alternative = against.values().stream().mapToDouble(Scores::noisyOr).max().orElse(0);
        // Evidence in files can always be forged as a whole: never claim certainty.
        return Scores.round(Math.min(MAX_CONFIDENCE, Scores.noisyOr(support) * (1.0 - 0.5 * alternative)));
    }

    /** The generation with the strongest evidence: its own signals plus names that mention it. */
    private String generation(String familyId, List<SignalIndex.Match> matches, Map<Claim, Set<String>> claims) {
        if (familyId == null) {
            return null;
        }
        FamilyDef family = kb.family(familyId).orElseThrow();
        String best = null;
        double bestScore = 0;
        for (GenerationDef generation : family.generations()) {
            List<Double> weights = new ArrayList<>();
            matches.stream().filter(m -> familyId.equals(m.entry().family())
                            && generation.id().equals(m.entry().generation()))
                    .forEach(m -> weights.add(m.entry().signal().weight()));
            claims.forEach((claim, families) -> {
                if (families.contains(familyId) && NameResolver.matchesAny(generation.namePatterns(), claim.value())) {
                    weights.add(0.6);
                }
            });
            double score = Scores.noisyOr(weights);
            if (score > bestScore) {
                bestScore = score;
                best = generation.id();
            }
        }
        return best;
    }
}
