package io.modelgate.scanner.pickle;

import java.util.Map;

/**
 * Python 2 module and attribute names that Python 3's unpickler maps to their Python 3 homes (its
 * {@code fix_imports} behaviour), so that {@code __builtin__.eval} is judged as {@code builtins.eval}.
 */
final class PythonNames {

    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("__builtin__", "builtins"),
            Map.entry("exceptions", "builtins"),
            Map.entry("copy_reg", "copyreg"),
            Map.entry("cPickle", "pickle"),
            Map.entry("cStringIO", "io"),
            Map.entry("StringIO", "io"),
            Map.entry("Queue", "queue"),
            Map.entry("SocketServer", "socketserver"),
            Map.entry("ConfigParser", "configparser"),
            Map.entry("repr", "reprlib"),
            Map.entry("commands", "subprocess"),
            Map.entry("thread", "_thread"),
            Map.entry("dummy_thread", "_dummy_thread"),
            Map.entry("httplib", "http.client"),
            Map.entry("BaseHTTPServer", "http.server"),
            Map.entry("CGIHTTPServer", "http.server"),
            Map.entry("SimpleHTTPServer", "http.server"),
            Map.entry("Cookie", "http.cookies"),
            Map.entry("cookielib", "http.cookiejar"),
            Map.entry("htmlentitydefs", "html.entities"),
            Map.entry("HTMLParser", "html.parser"),
            Map.entry("urllib2", "urllib.request"),
            Map.entry("urlparse", "urllib.parse"),
            Map.entry("robotparser", "urllib.robotparser"),
            Map.entry("xmlrpclib", "xmlrpc.client"),
            Map.entry("SimpleXMLRPCServer", "xmlrpc.server"),
            Map.entry("DocXMLRPCServer", "xmlrpc.server"),
            Map.entry("UserDict", "collections"),
            Map.entry("UserList", "collections"),
            Map.entry("UserString", "collections"),
            Map.entry("whichdb", "dbm"),
            Map.entry("anydbm", "dbm"),
            Map.entry("dbhash", "dbm.bsd"),
            Map.entry("dumbdbm", "dbm.dumb"),
            Map.entry("gdbm", "dbm.gnu"),
            Map.entry("markupbase", "_markupbase"),
            Map.entry("_winreg", "winreg"),
            Map.entry("Tkinter", "tkinter"),
            Map.entry("tkFileDialog", "tkinter.filedialog"),
            Map.entry("_elementtree", "xml.etree.ElementTree"));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("__builtin__.xrange", "builtins.range"),
            Map.entry("__builtin__.reduce", "functools.reduce"),
            Map.entry("__builtin__.intern", "sys.intern"),
            Map.entry("__builtin__.unichr", "builtins.chr"),
            Map.entry("__builtin__.unicode", "builtins.str"),
            Map.entry("__builtin__.long", "builtins.int"),
            Map.entry("__builtin__.basestring", "builtins.str"),
            Map.entry("__builtin__.raw_input", "builtins.input"),
            Map.entry("__builtin__.execfile", "builtins.exec"),
            Map.entry("itertools.izip", "builtins.zip"),
            Map.entry("itertools.imap", "builtins.map"),
            Map.entry("itertools.ifilter", "builtins.filter"),
            Map.entry("itertools.ifilterfalse", "itertools.filterfalse"),
            Map.entry("itertools.izip_longest", "itertools.zip_longest"),
            Map.entry("UserDict.IterableUserDict", "collections.UserDict"),
            Map.entry("whichdb.whichdb", "dbm.whichdb"),
            Map.entry("_socket.fromfd", "socket.fromfd"),
            Map.entry("_multiprocessing.Connection", "multiprocessing.connection.Connection"),
            Map.entry("multiprocessing.process.Process", "multiprocessing.context.Process"),
            Map.entry("multiprocessing.forking.Popen", "multiprocessing.popen_fork.Popen"),
            Map.entry("urllib.getproxies", "urllib.request.getproxies"),
            Map.entry("urllib.pathname2url", "urllib.request.pathname2url"),
            Map.entry("urllib.url2pathname", "urllib.request.url2pathname"),
            Map.entry("urllib.urlretrieve", "urllib.request.urlretrieve"),
            Map.entry("urllib.quote", "urllib.parse.quote"),
            Map.entry("urllib.unquote", "urllib.parse.unquote"),
            Map.entry("urllib.urlencode", "urllib.parse.urlencode"));

    private PythonNames() {
    }

    /** The Python 3 {@code {module, name}} for a possibly Python 2 pair. */
    static String[] map(String module, String name) {
        String renamed = NAMES.get(module + "." + name);
        if (renamed != null) {
            int dot = renamed.lastIndexOf('.');
            return new String[] {renamed.substring(0, dot), renamed.substring(dot + 1)};
        }
        return new String[] {MODULES.getOrDefault(module, module), name};
    }
}
