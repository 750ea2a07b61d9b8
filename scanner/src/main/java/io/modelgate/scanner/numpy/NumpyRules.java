package io.modelgate.scanner.numpy;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for NumPy {@code .npy} arrays (also the members of {@code .npz} archives). */
public final class NumpyRules {

    public static final Rule OBJECT_ARRAY = new Rule("MG-NPY-001", Severity.MEDIUM, "deserialization",
            "NumPy array of Python objects",
            "The dtype holds Python objects, so the array data is a pickle. numpy.load refuses it unless "
                    + "allow_pickle=True, and then unpickling can run code. The embedded pickle is analysed; prefer "
                    + "plain numeric dtypes for shared arrays.");
    public static final Rule MALFORMED = new Rule("MG-NPY-002", Severity.MEDIUM, "integrity",
            "Malformed NumPy array",
            "The .npy magic, version, header or data size is invalid, so numpy.load would reject the file. A "
                    + "damaged or hand-crafted file is not proven clean; the file is reported incomplete.");
    public static final Rule TRAILING_DATA = new Rule("MG-NPY-003", Severity.LOW, "integrity",
            "Data after the end of a NumPy array",
            "The file is longer than its header's shape and dtype require. numpy.load ignores the extra bytes, "
                    + "which can hide another payload; they are analysed as an embedded artifact.");
    public static final Rule LARGE_HEADER = new Rule("MG-NPY-004", Severity.LOW, "integrity",
            "NumPy header larger than numpy.load accepts by default",
            "numpy.load refuses headers over 10,000 bytes unless max_header_size is raised or allow_pickle=True. "
                    + "Real arrays rarely need it; an oversized header suggests a crafted file.");

    public static final List<Rule> ALL = List.of(OBJECT_ARRAY, MALFORMED, TRAILING_DATA, LARGE_HEADER);

    private NumpyRules() {
    }
}
