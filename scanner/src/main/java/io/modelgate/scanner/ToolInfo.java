package io.modelgate.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version of the tool, as written into every report. */
public final class ToolInfo {

    public static final String NAME = "modelgate";

    private ToolInfo() {
    }

    public static String version() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
