package io.modelgate.provenance.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a unit's metadata declares about itself: its names, its base models and their relation. Read from
 * the card front matter, config.json, adapter_config.json and GGUF general.* keys.
 *
 * @param claims   every name, base and organisation claim with its source
 * @param relation the declared base_model_relation, or null
 */
record Declarations(List<Claim> claims, String relation) {

    private static final Pattern HUB_URL =
            Pattern.compile("^https?://(?:www\\.)?(?:huggingface\\.co|hf\\.co)/");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private static final Pattern GGUF_BASE_NAME = Pattern.compile("^general\\.base_model\\.(\\d+)\\.(name|repo_url|organization)$");
    private static final int MAX_BASES = 32;

    List<Claim> of(ClaimKind kind) {
        return claims.stream().filter(c -> c.kind() == kind).toList();
    }

    static Declarations read(ModelEvidenceInput input) {
        List<Claim> claims = new ArrayList<>();
        Doc card = input.card();
        addName(claims, card.text(ModelEvidenceInput.CARD_TITLE), card.at("title"));
        addName(claims, card.text("model_name"), card.at("model_name"));
        for (String base : strings(card.get("base_model"))) {
            claims.add(new Claim(ClaimKind.BASE, base, card.at("base_model")));
        }
        Doc config = input.config();
        addName(claims, config.text("_name_or_path"), config.at("_name_or_path"));
        Doc adapter = input.adapterConfig();
        String adapterBase = adapter.text("base_model_name_or_path");
        if (adapterBase != null && !adapterBase.isBlank()) {
            claims.add(new Claim(ClaimKind.BASE, adapterBase, adapter.at("base_model_name_or_path")));
        }
        // An MLX (mlx-lm) adapter names its base model under "model".
        String mlxBase = adapter.text("model");
        if (mlxBase != null && !mlxBase.isBlank()) {
            claims.add(new Claim(ClaimKind.BASE, mlxBase, adapter.at("model")));
        }
        gguf(input.gguf(), claims);
        if (input.name() != null && !input.name().isBlank()) {
            claims.add(new Claim(ClaimKind.FILE_NAME, input.name(), input.path()));
        }
        String relation = card.text("base_model_relation");
        return new Declarations(dedupe(claims), relation == null ? null : relation.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static void gguf(Doc gguf, List<Claim> claims) {
        if (!gguf.present()) {
            return;
        }
        addName(claims, gguf.text("general.name"), gguf.source() + "#general.name");
        addName(claims, gguf.text("general.basename"), gguf.source() + "#general.basename");
        String organization = gguf.text("general.organization");
        if (organization != null && !organization.isBlank()) {
            claims.add(new Claim(ClaimKind.ORGANIZATION, organization, gguf.source() + "#general.organization"));
        }
        Map<String, String> bases = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : gguf.data().entrySet()) {
            var m = GGUF_BASE_NAME.matcher(entry.getKey());
            if (m.matches() && entry.getValue() instanceof String value && bases.size() < MAX_BASES) {
                // Prefer the repository URL (it carries org/name), then the name.
                String index = m.group(1);
                if (m.group(2).equals("repo_url") || !bases.containsKey(index)) {
                    bases.put(index, m.group(2).equals("repo_url") ? repoFromUrl(value) : value);
                }
            }
        }
        bases.forEach((index, base) -> claims.add(new Claim(ClaimKind.BASE, base,
                gguf.source() + "#general.base_model." + index)));
    }

    /** {@code https://huggingface.co/org/name} becomes {@code org/name}. */
    static String repoFromUrl(String url) {
        String trimmed = HUB_URL.matcher(url).replaceFirst("");
        return TRAILING_SLASHES.matcher(trimmed).replaceAll("");
    }

    private static void addName(List<Claim> claims, String name, String source) {
        if (name != null && !name.isBlank() && name.length() <= 300) {
            claims.add(new Claim(ClaimKind.NAME, name.trim(), source));
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s.trim());
        } else if (value instanceof List<?> list) {
            list.stream().limit(MAX_BASES).filter(v -> v instanceof String s && !s.isBlank())
                    .forEach(v -> out.add(((String) v).trim()));
        }
        return out;
    }

    private static List<Claim> dedupe(List<Claim> claims) {
        Map<String, Claim> unique = new LinkedHashMap<>();
        for (Claim claim : claims) {
            unique.putIfAbsent(claim.kind() + "\u0000" + claim.value().toLowerCase(java.util.Locale.ROOT), claim);
        }
        return new ArrayList<>(unique.values());
    }
}
