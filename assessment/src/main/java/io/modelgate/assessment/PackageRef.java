package io.modelgate.assessment;

/**
 * The archive or software package a model unit was found in.
 *
 * @param path    the container as shown in reports (the outer file, then entries: {@code app.jar!lib/m.zip})
 * @param type    {@code npm}, {@code jar}, {@code wheel}, {@code zip}, {@code tar}, … (the container's format id)
 * @param name    the package name when the package declares one, else null
 * @param version the package version when declared, else null
 */
public record PackageRef(String path, String type, String name, String version) {
}
