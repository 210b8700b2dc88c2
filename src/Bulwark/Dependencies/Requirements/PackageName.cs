using System.Text;

namespace Bulwark.Dependencies.Requirements;

/// <summary>PEP 503 name normalisation and the import names of distributions whose module is named differently.</summary>
public static class PackageName
{
    /// <summary>Lower-cases and collapses runs of `-`, `_` and `.` into one `-` (`Foo.Bar__baz` → `foo-bar-baz`).</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool sep = false;
        foreach (var ch in name.Trim())
        {
            if (ch is '-' or '_' or '.') { sep = true; continue; }
            if (sep && sb.Length > 0) sb.Append('-');
            sep = false;
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>A valid PEP 508 distribution name: ASCII letters and digits, with `.`, `_`, `-` inside.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1])) return false;
        foreach (var c in name) if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        return true;
    }

    // Distributions whose top-level import differs from the distribution name (common cases only).
    static readonly Dictionary<string, string[]> ImportNames = new(StringComparer.Ordinal)
    {
        ["pyyaml"] = ["yaml"], ["pillow"] = ["PIL"], ["beautifulsoup4"] = ["bs4"], ["python-dateutil"] = ["dateutil"],
        ["scikit-learn"] = ["sklearn"], ["opencv-python"] = ["cv2"], ["opencv-python-headless"] = ["cv2"],
        ["opencv-contrib-python"] = ["cv2"], ["pycryptodome"] = ["Crypto"], ["pycryptodomex"] = ["Cryptodome"],
        ["pycrypto"] = ["Crypto"], ["pyjwt"] = ["jwt"], ["python-jose"] = ["jose"], ["protobuf"] = ["google"],
        ["pyopenssl"] = ["OpenSSL"], ["python-multipart"] = ["multipart"], ["python-dotenv"] = ["dotenv"],
        ["attrs"] = ["attr", "attrs"], ["scikit-image"] = ["skimage"], ["pymysql"] = ["pymysql"],
        ["mysqlclient"] = ["MySQLdb"], ["psycopg2-binary"] = ["psycopg2"], ["psycopg-binary"] = ["psycopg"],
        ["django-rest-framework"] = ["rest_framework"], ["djangorestframework"] = ["rest_framework"],
        ["msgpack-python"] = ["msgpack"], ["pyzmq"] = ["zmq"], ["pywin32"] = ["win32api", "win32con", "pywintypes"],
        ["setuptools"] = ["setuptools", "pkg_resources"], ["ruamel-yaml"] = ["ruamel"], ["markdown"] = ["markdown"],
        ["python-ldap"] = ["ldap"], ["pysaml2"] = ["saml2"], ["python-magic"] = ["magic"], ["pyserial"] = ["serial"],
        ["ipython"] = ["IPython"], ["jinja2"] = ["jinja2"], ["markupsafe"] = ["markupsafe"], ["tensorflow-gpu"] = ["tensorflow"],
        ["google-api-python-client"] = ["googleapiclient"], ["gitpython"] = ["git"], ["websocket-client"] = ["websocket"],
        ["pyasn1-modules"] = ["pyasn1_modules"], ["dnspython"] = ["dns"], ["paho-mqtt"] = ["paho"], ["pynacl"] = ["nacl"],
    };

    /// <summary>The top-level module names a distribution is usually imported as.</summary>
    public static IReadOnlyList<string> ImportNamesOf(string distribution)
    {
        var n = Normalize(distribution);
        return ImportNames.TryGetValue(n, out var names) ? names : [n.Replace('-', '_')];
    }

    /// <summary>Whether any of the distribution's import names is in <paramref name="imported"/> (case-sensitive, like Python).</summary>
    public static bool IsImported(string distribution, IReadOnlySet<string> imported)
    {
        foreach (var m in ImportNamesOf(distribution))
            if (imported.Contains(m)) return true;
        // Some projects import a lower-cased form of the distribution name as-is (`import Flask` is rare but `flask` common).
        var plain = Normalize(distribution).Replace('-', '_');
        return imported.Contains(plain);
    }
}
