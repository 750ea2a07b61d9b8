package io.modelgate.rules.policy.load;

import io.modelgate.assessment.RulePack;
import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.LicenseDef;
import io.modelgate.rules.policy.ApprovedModel;
import io.modelgate.rules.policy.ByteSize;
import io.modelgate.rules.policy.Effect;
import io.modelgate.rules.policy.FormatPolicy;
import io.modelgate.rules.policy.LicensePolicy;
import io.modelgate.rules.policy.LockPolicy;
import io.modelgate.rules.policy.NameLists;
import io.modelgate.rules.policy.OriginPolicy;
import io.modelgate.rules.policy.PathGlob;
import io.modelgate.rules.policy.PicklePolicy;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.ReasonCodes;
import io.modelgate.rules.policy.SecurityGate;
import io.modelgate.rules.policy.SignaturePolicy;
import io.modelgate.rules.policy.Waiver;
import io.modelgate.rules.policy.spdx.SpdxException;
import io.modelgate.rules.policy.spdx.SpdxExpression;
import io.modelgate.rules.policy.spdx.SpdxIds;
import io.modelgate.rules.policy.spdx.SpdxParser;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and checks a policy file. Every key is known, every value has the right type and form (SPDX
 * expressions, ISO 3166-1 country codes, dates, digests, rule ids, existing files); whatever is wrong is
 * reported with its line and column, all problems at once.
 */
public final class PolicyLoader {

    static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern PICKLE_PATTERN =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(\\.\\*)?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Supplier<KnowledgeBase> source;
    private KnowledgeBase kb;
    private SpdxParser spdx;

    /** A loader checking license, family and publisher names against the given knowledge base. */
    public PolicyLoader(KnowledgeBase kb) {
        this(() -> kb);
    }

    /**
     * A loader that asks for the knowledge base only when a policy names a license, a publisher or a family: a
     * policy that names none (the default profile) is read while the knowledge base is still loading.
     */
    public PolicyLoader(Supplier<KnowledgeBase> kb) {
        this.source = kb;
    }

    private synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = Objects.requireNonNull(source.get(), "knowledge base");
        }
        return kb;
    }

    /** The license-expression parser, made on first use: the SPDX lists are read only when a policy needs them. */
    private synchronized SpdxParser spdx() {
        if (spdx == null) {
            spdx = new SpdxParser(new SpdxIds(kb().licenses().stream().map(LicenseDef::id).toList()));
        }
        return spdx;
    }

    /** Reads a policy file; paths inside it are relative to its folder. */
    public Policy load(Path file) throws PolicyException, IOException {
        return parseFile(read(file), file);
    }

    /** Parses the text read from {@code file}: paths inside are relative to its folder, errors name the file. */
    Policy parseFile(String text, Path file) throws PolicyException {
        try {
            return parse(text, file.getFileName().toString(), file.toAbsolutePath().getParent());
        } catch (PolicyException e) {
            throw e.withSource(file.toString());
        }
    }

    /** A policy file's text: bounded in size and strictly UTF-8. */
    static String read(Path file) throws PolicyException, IOException {
        String source = file.toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new PolicyException(source, List.of(new PolicyError(0, 0,
                    "larger than " + MAX_FILE_BYTES + " bytes; a policy file is a short text")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(source, List.of(new PolicyError(0, 0, "not UTF-8 text")));
        }
    }

    /**
     * Reads policy text. {@code baseDir} resolves the paths in it; null for built-in profiles, which may
     * not name files.
     */
    public Policy parse(String text, String name, Path baseDir) throws PolicyException {
        Node root;
        try {
            root = YamlTree.read(text);
        } catch (PolicyException e) {
            throw e.withSource(name);
        }
        return parse(root, name, baseDir);
    }

    /** Reads a built-in profile compiled by {@link ProfileCompiler}. */
    Policy parseCompiled(byte[] compiled, String name) throws PolicyException {
        return parse(YamlTree.readCompact(compiled), name, null);
    }

    private Policy parse(Node root, String name, Path baseDir) throws PolicyException {
        Problems problems = new Problems();
        if (root == null) {
            problems.add(new Node.Mark(1, 1), "the policy is empty; it needs at least 'version: 1'");
            throw new PolicyException(name, problems.sorted());
        }
        Section top = Section.of("", root, new Node.Mark(1, 1), problems);
        Policy policy = new Reading(top, baseDir, problems).policy(name);
        if (!problems.isEmpty()) {
            throw new PolicyException(name, problems.sorted());
        }
        return policy;
    }

    /** One reading of one document: the sections in order. */
    private final class Reading {
        private final Section top;
        private final Path baseDir;
        private final Problems problems;
        private Set<String> publishers;
        private Set<String> families;

        Reading(Section top, Path baseDir, Problems problems) {
            this.top = top;
            this.baseDir = baseDir;
            this.problems = problems;
        }

        Policy policy(String fallbackName) {
            top.onlyKeys("version", "name", "expiryWarningDays", "gate", "licenses", "origin", "signature", "lock",
                    "formats", "pickle", "approvedModels", "waivers");
            if (!top.present()) {
                return null;
            }
            Integer version = top.integer("version", null, 1, Integer.MAX_VALUE);
            if (!top.has("version")) {
                problems.add(top.mark(), "'version' is required (write 'version: " + Policy.VERSION + "')");
            } else if (version != null && version != Policy.VERSION) {
                problems.add(top.node("version").mark(), "policy version " + version + " is not supported; this "
                        + "ModelGate reads version " + Policy.VERSION);
            }
            String name = top.text("name", fallbackName);
            int warningDays = top.integer("expiryWarningDays", 30, 0, 3650);
            List<ApprovedModel> approved = top.node("approvedModels") == null ? null : approvedModels();
            return new Policy(name, Policy.VERSION, gate(), licenses(), origin(), signature(), lock(), formats(),
                    pickle(), approved, waivers(), warningDays);
        }

        SecurityGate gate() {
            Section s = top.section("gate");
            s.onlyKeys("failOn", "reviewOn", "strict", "allowIncomplete");
            SecurityGate defaults = SecurityGate.defaults();
            Severity failOn = s.severity("failOn", defaults.failOn());
            Severity reviewOn = s.severity("reviewOn", defaults.reviewOn());
            if (failOn != null && reviewOn != null && reviewOn.atLeast(failOn)) {
                problems.add(s.node("reviewOn").mark(), "'gate.reviewOn' (" + reviewOn.id()
                        + ") must be less severe than 'gate.failOn' (" + failOn.id() + "), or none");
            }
            return new SecurityGate(failOn, reviewOn, s.bool("strict", false), s.bool("allowIncomplete", false));
        }

        LicensePolicy licenses() {
            Section s = top.section("licenses");
            s.onlyKeys("allow", "deny", "review", "requireCommercialUse", "onMissing", "onUnknown", "onConflict",
                    "onUnlisted");
            List<SpdxExpression> allow = s.list("allow", item -> expression(item, s.child("allow")));
            List<SpdxExpression> deny = s.list("deny", item -> expression(item, s.child("deny")));
            List<SpdxExpression> review = s.list("review", item -> expression(item, s.child("review")));
            disjoint(s, Map.of("allow", allow.stream().map(Object::toString).toList(),
                    "deny", deny.stream().map(Object::toString).toList(),
                    "review", review.stream().map(Object::toString).toList()));
            boolean commercial = s.bool("requireCommercialUse", false);
            boolean constrains = !allow.isEmpty() || !deny.isEmpty() || !review.isEmpty() || commercial;
            Effect fallback = constrains ? Effect.REVIEW : Effect.NOTE;
            return new LicensePolicy(allow, deny, review, commercial, s.effect("onMissing", fallback),
                    s.effect("onUnknown", fallback), s.effect("onConflict", fallback),
                    s.effect("onUnlisted", Effect.REJECT));
        }

        OriginPolicy origin() {
            Section s = top.section("origin");
            s.onlyKeys("countries", "publishers", "families", "requireDeclaredBase", "onUnknown", "onUnlisted",
                    "onUncertain");
            NameLists countries = names(s.section("countries"), this::country);
            NameLists publisherLists = names(s.section("publishers"), item -> known(item, publishers(), "publisher"));
            NameLists familyLists = names(s.section("families"), item -> known(item, families(), "family"));
            boolean constrains = !countries.isEmpty() || !publisherLists.isEmpty() || !familyLists.isEmpty();
            return new OriginPolicy(countries, publisherLists, familyLists, s.bool("requireDeclaredBase", false),
                    s.effect("onUnknown", constrains ? Effect.REVIEW : Effect.NOTE),
                    s.effect("onUnlisted", Effect.REJECT),
                    s.effect("onUncertain", constrains ? Effect.REVIEW : Effect.NOTE));
        }

        private NameLists names(Section s, java.util.function.Function<Node.Scalar, String> convert) {
            s.onlyKeys("allow", "deny", "review");
            NameLists lists = new NameLists(s.list("allow", convert), s.list("deny", convert),
                    s.list("review", convert));
            disjoint(s, Map.of("allow", lists.allow(), "deny", lists.deny(), "review", lists.review()));
            return lists;
        }

        private String country(Node.Scalar item) {
            String code = item.text().trim();
            if (code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT))) {
                return code.toUpperCase(Locale.ROOT);
            }
            problems.add(item.mark(), "'" + item.text() + "' is not an ISO 3166-1 alpha-2 country code "
                    + "(examples: US, FR, CN)");
            return null;
        }

        /** The publishers of the knowledge base, in their own and their normal spelling; made on first use. */
        private Set<String> publishers() {
            if (publishers == null) {
                publishers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                kb().families().stream().map(FamilyDef::publisher).filter(p -> p != null).forEach(p -> {
                    publishers.add(p);
                    publishers.add(NameLists.normal(p));
                });
            }
            return publishers;
        }

        /** The family and generation ids of the knowledge base; made on first use. */
        private Set<String> families() {
            if (families == null) {
                families = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (FamilyDef family : kb().families()) {
                    families.add(family.id());
                    family.generations().stream().map(GenerationDef::id).forEach(families::add);
                }
            }
            return families;
        }

        private String known(Node.Scalar item, Set<String> names, String what) {
            if (names.contains(item.text())) {
                return item.text();
            }
            problems.add(item.mark(), "unknown " + what + " '" + item.text() + "' (the knowledge base knows: "
                    + String.join(", ", names.stream().limit(40).toList()) + (names.size() > 40 ? ", …" : "")
                    + "; see 'modelgate families')");
            return null;
        }

        SignaturePolicy signature() {
            Section s = top.section("signature");
            s.onlyKeys("required", "publicKeys", "certificates", "trustRoot", "keyrings", "identities");
            List<String> identities = s.list("identities", item -> nonBlank(item, s.child("identities")));
            return new SignaturePolicy(s.bool("required", false), s.list("publicKeys", this::file),
                    s.list("certificates", this::file), optionalFile(s, "trustRoot"), s.list("keyrings", this::file),
                    identities);
        }

        LockPolicy lock() {
            Section s = top.section("lock");
            s.onlyKeys("required", "file");
            return new LockPolicy(s.bool("required", false), optionalFile(s, "file"));
        }

        FormatPolicy formats() {
            Section s = top.section("formats");
            s.onlyKeys("allow", "deny", "review", "maxFileSize");
            List<String> allow = s.list("allow", this::format);
            List<String> deny = s.list("deny", this::format);
            List<String> review = s.list("review", this::format);
            disjoint(s, Map.of("allow", allow, "deny", deny, "review", review));
            long max = 0;
            Node node = s.node("maxFileSize");
            if (node instanceof Node.Scalar scalar && scalar.type() != Node.ScalarType.NULL
                    && scalar.type() != Node.ScalarType.BOOLEAN) {
                try {
                    max = ByteSize.parse(scalar.text());
                    if (max <= 0) {
                        problems.add(scalar.mark(), "'formats.maxFileSize' must be more than 0");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(scalar.mark(), "'formats.maxFileSize': " + e.getMessage());
                }
            } else if (node != null && !Section.isNull(node)) {
                problems.add(node.mark(), "'formats.maxFileSize' must be a size such as 500M or 200G, not "
                        + Section.describe(node));
            }
            return new FormatPolicy(allow, deny, review, max);
        }

        private String format(Node.Scalar item) {
            List<String> ids = Arrays.stream(ModelFormat.values()).map(ModelFormat::id).toList();
            if (ids.contains(item.text())) {
                return item.text();
            }
            problems.add(item.mark(), "unknown format '" + item.text() + "'; formats: " + String.join(", ", ids));
            return null;
        }

        PicklePolicy pickle() {
            Section s = top.section("pickle");
            s.onlyKeys("allow");
            return new PicklePolicy(s.list("allow", item -> {
                if (PICKLE_PATTERN.matcher(item.text()).matches()) {
                    return item.text();
                }
                problems.add(item.mark(), "'" + item.text() + "' is not an import pattern; write module.name or "
                        + "module.* (e.g. mycompany.models.*)");
                return null;
            }));
        }

        List<ApprovedModel> approvedModels() {
            List<ApprovedModel> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : top.items("approvedModels")) {
                Section s = Section.of("approvedModels[" + out.size() + "]", item, item.mark(), problems);
                if (!s.present()) {
                    continue;
                }
                s.onlyKeys("digest", "name", "approvedBy", "approvedOn", "expires");
                String digest = s.requiredText("digest");
                if (digest != null && !DIGEST.matcher(digest).matches()) {
                    problems.add(s.node("digest").mark(), "'digest' must be sha256: followed by 64 lowercase hex "
                            + "digits (the whole-model digest the scan report shows)");
                    digest = null;
                } else if (digest != null && seen.putIfAbsent(digest, s.mark().line()) != null) {
                    problems.add(s.node("digest").mark(), "digest listed twice (first at line " + seen.get(digest)
                            + ")");
                }
                String by = s.requiredText("approvedBy");
                LocalDate on = s.date("approvedOn", true);
                LocalDate expires = s.date("expires", false);
                if (on != null && expires != null && expires.isBefore(on)) {
                    problems.add(s.node("expires").mark(), "'expires' is before 'approvedOn'");
                }
                out.add(new ApprovedModel(digest, s.text("name", null), by, on, expires));
            }
            return out;
        }

        List<Waiver> waivers() {
            List<Waiver> out = new ArrayList<>();
            List<String> codes = ReasonCodes.waivable();
            for (Node item : top.items("waivers")) {
                Section s = Section.of("waivers[" + out.size() + "]", item, item.mark(), problems);
                if (!s.present()) {
                    continue;
                }
                s.onlyKeys("rule", "path", "reason", "owner", "expires");
                String rule = s.requiredText("rule");
                if (rule != null && RulePack.all().stream().noneMatch(r -> r.id().equals(rule)) && !codes.contains(rule)) {
                    problems.add(s.node("rule").mark(), "unknown rule '" + rule + "': name a rule id (see "
                            + "'modelgate rules') or a decision reason code such as license.deny");
                }
                String path = s.text("path", "**");
                try {
                    PathGlob.compile(path);
                } catch (IllegalArgumentException e) {
                    problems.add(s.has("path") ? s.node("path").mark() : s.mark(), "'path': " + e.getMessage());
                }
                String reason = s.requiredText("reason");
                String owner = s.requiredText("owner");
                LocalDate expires = s.date("expires", false);
                out.add(new Waiver(rule, path, reason, owner, expires, s.mark().line()));
            }
            return out;
        }

        private SpdxExpression expression(Node.Scalar item, String name) {
            try {
                return spdx().parse(item.text());
            } catch (SpdxException e) {
                problems.add(item.mark(), "'" + name + "': " + e.getMessage());
                return null;
            }
        }

        private String nonBlank(Node.Scalar item, String name) {
            if (item.text().isBlank()) {
                problems.add(item.mark(), "items of '" + name + "' must not be empty");
                return null;
            }
            return item.text();
        }

        private Path optionalFile(Section s, String key) {
            Node node = s.node(key);
            if (node == null || Section.isNull(node)) {
                return null;
            }
            if (node instanceof Node.Scalar scalar && scalar.type() == Node.ScalarType.TEXT) {
                return file(scalar);
            }
            problems.add(node.mark(), "'" + s.child(key) + "' must be a file path, not " + Section.describe(node));
            return null;
        }

        private Path file(Node.Scalar item) {
            if (baseDir == null) {
                problems.add(item.mark(), "a built-in profile cannot name files ('" + item.text() + "')");
                return null;
            }
            Path resolved = baseDir.resolve(item.text()).normalize();
            if (!Files.isRegularFile(resolved)) {
                problems.add(item.mark(), "no such file: " + item.text() + " (paths are relative to the policy "
                        + "file's folder: " + resolved + ")");
                return null;
            }
            return resolved;
        }

        private void disjoint(Section s, Map<String, List<String>> lists) {
            Map<String, String> owner = new HashMap<>();
            for (String list : List.of("allow", "deny", "review")) {
                for (String value : lists.get(list)) {
                    String key = value.toLowerCase(Locale.ROOT);
                    String first = owner.putIfAbsent(key, list);
                    if (first != null && !first.equals(list)) {
                        problems.add(s.node(list).mark(), "'" + value + "' is on both '" + s.child(first) + "' and '"
                                + s.child(list) + "'");
                    }
                }
            }
        }
    }
}
