package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.detect.ModelFormat;

import java.util.Optional;

/**
 * How the members of an old tar checkpoint are read by torch.load: {@code pickle} and
 * {@code sys_info} are pickles, {@code storages} and {@code tensors} mix pickles with raw records.
 * Other members are left to detection.
 */
public final class TorchTarMembers {

    private TorchTarMembers() {
    }

    public static Optional<ModelFormat> formatOf(String memberName) {
        String name = memberName.startsWith("./") ? memberName.substring(2) : memberName;
        return switch (name) {
            case "pickle", "sys_info" -> Optional.of(ModelFormat.PICKLE);
            case "storages" -> Optional.of(ModelFormat.PYTORCH_TAR_STORAGES);
            case "tensors" -> Optional.of(ModelFormat.PYTORCH_TAR_TENSORS);
            default -> Optional.empty();
        };
    }
}
