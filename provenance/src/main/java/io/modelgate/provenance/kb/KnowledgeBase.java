package io.modelgate.provenance.kb;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Families, generations, publishers, countries, licenses and fingerprints, loaded from versioned data
 * files ({@link KnowledgeBaseLoader}). Immutable.
 */
public final class KnowledgeBase {

    private final String version;
    private final Map<String, FamilyDef> families;
    private final Map<String, LicenseDef> licenses;
    private final Map<String, LicenseDef> licensesByAlias;
    // The lists handed out, made once: provenance asks for them several times per model unit.
    private final List<FamilyDef> familyList;
    private final List<LicenseDef> licenseList;

    KnowledgeBase(String version, Collection<FamilyDef> families, Collection<LicenseDef> licenses) {
        this.version = version;
        Map<String, FamilyDef> f = new LinkedHashMap<>();
        families.forEach(family -> f.put(family.id(), family));
        this.families = java.util.Collections.unmodifiableMap(f);
        Map<String, LicenseDef> l = new LinkedHashMap<>();
        Map<String, LicenseDef> byAlias = new LinkedHashMap<>();
        for (LicenseDef license : licenses) {
            l.put(license.id(), license);
            byAlias.put(key(license.id()), license);
            license.aliases().forEach(alias -> byAlias.putIfAbsent(key(alias), license));
        }
        this.licenses = java.util.Collections.unmodifiableMap(l);
        this.licensesByAlias = java.util.Collections.unmodifiableMap(byAlias);
        this.familyList = List.copyOf(f.values());
        this.licenseList = List.copyOf(l.values());
    }

    /** Version of the data, e.g. {@code 2026.11.1} or {@code 2026.11.1+user}. */
    public String version() {
        return version;
    }

    /** The families in the order of the data files; unmodifiable. */
    public List<FamilyDef> families() {
        return familyList;
    }

    public Optional<FamilyDef> family(String id) {
        return Optional.ofNullable(id == null ? null : families.get(id));
    }

    /** The licenses in the order of the data files; unmodifiable. */
    public List<LicenseDef> licenses() {
        return licenseList;
    }

    public Optional<LicenseDef> license(String id) {
        return Optional.ofNullable(id == null ? null : licenses.get(id));
    }

    /** The license a card or metadata value names: an id, a Hub license id or a license_name slug. */
    public Optional<LicenseDef> licenseByAlias(String alias) {
        return alias == null ? Optional.empty() : Optional.ofNullable(licensesByAlias.get(key(alias)));
    }

    private static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
