package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for the legacy PyTorch serialisation formats (the non-zip stream and the old tar layout). */
public final class PyTorchRules {

    public static final Rule MALFORMED_LEGACY_HEADER = new Rule("MG-PT-001", Severity.MEDIUM, "integrity",
            "Malformed legacy PyTorch header",
            "The pickles that open a legacy torch.save stream (magic number, protocol version 1001, system info) "
                    + "are missing or wrong, so torch.load would refuse the file. A damaged or hand-crafted file is "
                    + "not proven clean; it is reported incomplete.");
    public static final Rule MALFORMED_STORAGE_DATA = new Rule("MG-PT-002", Severity.MEDIUM, "integrity",
            "Malformed legacy PyTorch storage data",
            "The raw tensor storages after the pickles do not match the element counts they declare (truncated "
                    + "or inconsistent). The file is reported incomplete.");
    public static final Rule TRAILING_DATA = new Rule("MG-PT-003", Severity.LOW, "integrity",
            "Data after the last PyTorch storage",
            "torch.load stops after the last storage and ignores anything behind it, which can hide a payload "
                    + "for another loader. The extra bytes are analysed as an embedded artifact.");

    public static final List<Rule> ALL = List.of(MALFORMED_LEGACY_HEADER, MALFORMED_STORAGE_DATA, TRAILING_DATA);

    private PyTorchRules() {
    }
}
