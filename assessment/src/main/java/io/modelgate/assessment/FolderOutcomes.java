package io.modelgate.assessment;

import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.FolderResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the folder checks' findings and incomplete reasons to the unit they concern: the unit holding the
 * file a finding names, else the first unit of the folder it names or of the folder holding the named file
 * (a check that failed on the folder, a shard or locked file that is missing), else the scan itself (a file
 * that belongs to no unit).
 */
final class FolderOutcomes {

    /** A unit as seen here: the folder whose checks apply to it and the display paths of its files. */
    record Owner(String folder, List<String> files) {
    }

    /** What one unit (or the scan) receives. */
    record Owned(List<Finding> findings, List<IncompleteReason> incomplete) {
    }

    private final List<Owned> owned;
    private final Owned unowned;

    private FolderOutcomes(List<Owned> owned, Owned unowned) {
        this.owned = owned;
        this.unowned = unowned;
    }

    static FolderOutcomes assign(List<FolderResult> folders, List<Owner> owners) {
        Map<String, Integer> byPath = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            for (String file : owners.get(i).files()) {
                byPath.putIfAbsent(file, i);
            }
        }
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).folder() != null) {
                byPath.putIfAbsent(owners.get(i).folder(), i);
            }
        }
        // most units receive nothing: theirs is made when the first outcome comes
        List<Owned> owned = new ArrayList<>(Collections.nCopies(owners.size(), null));
        Owned unowned = emptyOwned();
        for (FolderResult folder : folders) {
            for (Finding finding : folder.findings()) {
                Integer owner = ownerOf(byPath, finding.location().path().segments().get(0));
                receiver(owned, unowned, owner).findings().add(finding);
            }
            folder.incomplete().forEach((path, reasons) -> {
                Integer owner = ownerOf(byPath, path);
                reasons.forEach(r -> receiver(owned, unowned, owner).incomplete().add(new IncompleteReason(path, r)));
            });
        }
        return new FolderOutcomes(owned, unowned);
    }

    private static Owned emptyOwned() {
        return new Owned(new ArrayList<>(), new ArrayList<>());
    }

    private static Owned receiver(List<Owned> owned, Owned unowned, Integer owner) {
        if (owner == null) {
            return unowned;
        }
        Owned own = owned.get(owner);
        if (own == null) {
            own = emptyOwned();
            owned.set(owner, own);
        }
        return own;
    }

    private static Integer ownerOf(Map<String, Integer> byPath, String path) {
        Integer owner = byPath.get(path);
        int slash = path.lastIndexOf('/');
        return owner != null || slash < 0 ? owner : byPath.get(path.substring(0, slash));
    }

    Owned owned(int unit) {
        Owned own = owned.get(unit);
        return own != null ? own : NOTHING;
    }

    /** What a unit that received nothing is given: shared, and never added to. */
    private static final Owned NOTHING = new Owned(List.of(), List.of());

    Owned unowned() {
        return unowned;
    }
}
