package io.modelgate.scanner.config;

/** Key paths as a reader finds them in a config: {@code model.encoder._target_}, {@code callbacks[0].class_path}. */
final class KeyPaths {

    private static final int MAX_KEY_CHARS = 40;
    private static final int MAX_PATH_CHARS = 300;

    private KeyPaths() {
    }

    static String child(String parent, String key) {
        String shown = plain(key) ? key : "'" + shorten(key) + "'";
        return bounded(parent.isEmpty() ? shown : parent + "." + shown);
    }

    static String index(String parent, int index) {
        return bounded(parent + "[" + index + "]");
    }

    private static boolean plain(String key) {
        if (key.isEmpty() || key.length() > 64) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$' || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    /** How a path is shown in a message: the document itself has the empty path. */
    static String shown(String path) {
        return path.isEmpty() ? "(document)" : path;
    }

    private static String shorten(String key) {
        String oneLine = key.replaceAll("[\\p{Cntrl}]", "?").replace("'", "\\'");
        return oneLine.length() <= MAX_KEY_CHARS ? oneLine : oneLine.substring(0, MAX_KEY_CHARS) + "...";
    }

    /** A hostile document nests thousands of levels: keep the end of the path, which names the key. */
    private static String bounded(String path) {
        return path.length() <= MAX_PATH_CHARS ? path : "..." + path.substring(path.length() - MAX_PATH_CHARS);
    }
}
