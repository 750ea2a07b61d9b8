package io.modelgate.sbom.cyclonedx;

import org.cyclonedx.model.Property;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of BOM properties that leaves out values that are not known. */
final class Properties {

    private final List<Property> list = new ArrayList<>();

    Properties add(String name, Object value) {
        if (value != null && !String.valueOf(value).isEmpty()) {
            list.add(new Property(name, String.valueOf(value)));
        }
        return this;
    }

    Properties addAll(String name, List<String> values) {
        values.forEach(v -> add(name, v));
        return this;
    }

    /** The properties, or null when there are none (so the BOM has no empty array). */
    List<Property> orNull() {
        return list.isEmpty() ? null : List.copyOf(list);
    }
}
