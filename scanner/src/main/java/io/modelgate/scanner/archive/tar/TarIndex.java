package io.modelgate.scanner.archive.tar;

import io.modelgate.scanner.io.ByteSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The entry names of a tar's first headers (data is skipped, not read) and the bytes of a few small
 * entries a caller asks for. A damaged tar yields what was read before the damage.
 *
 * @param names entry names in order, {@code ./} prefixes removed
 * @param kept  the content of the entries the caller asked to keep
 */
record TarIndex(List<String> names, Map<String, byte[]> kept) {

    static TarIndex read(ByteSource source, int maxHeaders, Predicate<String> keep, int maxKeptBytes) {
        List<String> names = new ArrayList<>();
        Map<String, byte[]> kept = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(source.open())) {
            for (int i = 0; i < maxHeaders; i++) {
                TarArchiveEntry entry = in.getNextEntry();
                if (entry == null) {
                    break;
                }
                String name = normalise(entry.getName());
                names.add(name);
                if (entry.isFile() && !entry.isSparse() && entry.getSize() <= maxKeptBytes && keep.test(name)
                        && !kept.containsKey(name)) {
                    kept.put(name, in.readNBytes((int) entry.getSize()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged tar is still a tar: the tar analyser reports the damage
        }
        return new TarIndex(List.copyOf(names), Map.copyOf(kept));
    }

    static String normalise(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }
}
