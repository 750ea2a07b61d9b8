package io.modelgate.sbom.diff;

import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a ModelGate BOM says, reduced to the values a drift check compares: per model its files (path inside
 * the model, so a model scanned from another folder compares equal), license, identity, signature and lock;
 * the decision; and the findings.
 */
record BomSnapshot(Map<String, ModelView> models, Map<String, String> looseFiles, String decision,
                   Map<String, String> findings) {

    record ModelView(String name, String path, Map<String, String> files, String license, String identity,
                     String signature, String lock) {
    }

    static BomSnapshot of(Bom bom) {
        Map<String, ModelView> models = new TreeMap<>();
        Map<String, String> loose = new TreeMap<>();
        List<Component> pending = new ArrayList<>(Optional.ofNullable(bom.getComponents()).orElse(List.of()));
        while (!pending.isEmpty()) {
            Component next = pending.remove(0);
            if (next.getType() == Component.Type.MACHINE_LEARNING_MODEL) {
                ModelView view = model(next);
                models.put(view.name(), view);
                continue;
            }
            if (next.getType() == Component.Type.FILE && next.getHashes() != null) {
                loose.put(next.getName(), sha256(next));
            }
            if (next.getComponents() != null) {
                pending.addAll(next.getComponents());
            }
        }
        String decision = bom.getMetadata() == null ? null : property(bom.getMetadata().getProperties(),
                "modelgate:decision");
        Map<String, String> findings = new TreeMap<>();
        for (Vulnerability v : Optional.ofNullable(bom.getVulnerabilities()).orElse(List.of())) {
            String where = property(v.getProperties(), "modelgate:location");
            String subject = property(v.getProperties(), "modelgate:subject");
            findings.put(v.getId() + " " + relativeLocation(where, models) + (subject == null ? "" : " " + subject),
                    v.getDescription());
        }
        return new BomSnapshot(models, loose, decision, findings);
    }

    private static ModelView model(Component model) {
        String path = property(model.getProperties(), "modelgate:path");
        String name = model.getName();
        Map<String, String> files = new TreeMap<>();
        for (Component file : Optional.ofNullable(model.getComponents()).orElse(List.of())) {
            files.put(inside(file.getName(), path), sha256(file));
        }
        String identity = join(model, "modelgate:family", "modelgate:generation", "modelgate:publisher",
                "modelgate:countryOfOrigin");
        String signature = join(model, "modelgate:signature.status", "modelgate:signature.method",
                "modelgate:signature.signer");
        return new ModelView(name, path, files, license(model.getLicenses()), identity, signature,
                property(model.getProperties(), "modelgate:lock.status"));
    }

    /** A file's path inside its model folder (the folder part of the path may differ between two scans). */
    private static String inside(String file, String modelPath) {
        if (modelPath != null && file.startsWith(modelPath + "/")) {
            return file.substring(modelPath.length() + 1);
        }
        if (modelPath != null && file.equals(modelPath)) {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? file : file.substring(slash + 1);
        }
        return file;
    }

    /** A finding's location with the model's folder replaced by the model's name. */
    private static String relativeLocation(String location, Map<String, ModelView> models) {
        if (location == null) {
            return "";
        }
        for (ModelView model : models.values()) {
            if (model.path() != null && location.startsWith(model.path() + "/")) {
                return model.name() + ":" + location.substring(model.path().length() + 1);
            }
            if (model.path() != null && location.startsWith(model.path())) {
                return model.name() + ":" + location.substring(model.path().length());
            }
        }
        return location;
    }

    private static String license(LicenseChoice choice) {
        if (choice == null) {
            return null;
        }
        if (choice.getExpression() != null) {
            return choice.getExpression().getValue();
        }
        return Optional.ofNullable(choice.getLicenses()).orElse(List.of()).stream()
                .map(l -> l.getId() != null ? l.getId() : l.getName())
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    private static String sha256(Component component) {
        return Optional.ofNullable(component.getHashes()).orElse(List.of()).stream()
                .filter(h -> Hash.Algorithm.SHA_256.getSpec().equals(h.getAlgorithm()))
                .map(Hash::getValue).findFirst().orElse(null);
    }

    private static String join(Component component, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            String value = property(component.getProperties(), name);
            values.add(value == null ? "-" : value);
        }
        return String.join(" / ", values);
    }

    static String property(List<Property> properties, String name) {
        if (properties == null) {
            return null;
        }
        return properties.stream().filter(p -> name.equals(p.getName())).map(Property::getValue).findFirst()
                .orElse(null);
    }
}
