package io.modelgate.scanner.keras;

import io.jhdf.api.Group;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.UnsupportedHdfException;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.TimeoutExceededException;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks an HDF5 file's group tree (links are looked at, never followed) and reports external links (objects
 * the HDF5 library fetches from another file when the path is opened, as h5py and Keras' legacy loader do)
 * and datasets whose raw data is stored in external files.
 */
final class Hdf5Links {

    /** Keras weight files hold a few thousand objects; the walk stops (incomplete) beyond this. */
    static final int MAX_NODES = 200_000;
    private static final String TARGET_FILE = ", targetFile=";
    private static final String TARGET_PATH = ", targetPath=";

    private Hdf5Links() {
    }

    static void check(Group root, AnalysisContext context) throws TimeoutExceededException {
        Deque<Group> pending = new ArrayDeque<>();
        pending.push(root);
        long nodes = 0;
        long external = 0;
        while (!pending.isEmpty()) {
            context.deadline().check();
            Group group = pending.pop();
            java.util.Map<String, Node> children;
            try {
                children = group.getChildren();
            } catch (HdfException e) {
                if (!externalStorage(e)) {
                    throw e;
                }
                external++;
                context.report(KerasRules.HDF5_EXTERNAL, group.getPath(), "a dataset in '" + group.getPath()
                        + "' keeps its data in external files (HDF5 external storage) that the loader reads.");
                context.incomplete("the objects of '" + group.getPath() + "' cannot be listed past the external "
                        + "storage");
                continue;
            }
            for (Node child : children.values()) {
                if (++nodes > MAX_NODES) {
                    context.limitReached("HDF5 file has more than " + MAX_NODES + " objects; links past them are not checked");
                    return;
                }
                if (child instanceof ExternalLink link) {
                    external++;
                    String file = targetFile(link);
                    context.report(KerasRules.HDF5_EXTERNAL, link.getPath(), "'" + link.getPath()
                            + "' is an external link to '" + link.getTargetPath() + "' in the file '" + file + "'.");
                } else if (!(child instanceof Link) && child instanceof Group inner) {
                    pending.push(inner);
                }
            }
        }
        context.fact("hdf5.objectCount", nodes);
        if (external > 0) {
            context.fact("hdf5.externalLinks", external);
        }
    }

    /** jhdf refuses a dataset whose data lives in external files (the External Data Files message). */
    private static boolean externalStorage(HdfException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedHdfException && String.valueOf(t.getMessage()).contains("External Data Files")) {
                return true;
            }
        }
        return false;
    }

    /** jhdf exposes the target file of an external link only in its description. */
    private static String targetFile(ExternalLink link) {
        String text = link.toString();
        int start = text.indexOf(TARGET_FILE);
        int end = text.lastIndexOf(TARGET_PATH);
        return start >= 0 && end > start ? text.substring(start + TARGET_FILE.length(), end) : "(unknown)";
    }
}
