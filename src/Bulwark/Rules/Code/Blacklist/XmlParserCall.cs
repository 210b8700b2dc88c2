using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B313–B319 share their rationale: standard-library XML parsers on untrusted input.</summary>
public abstract class XmlParserCall : BlacklistedCall
{
    protected const string XmlWhy = """
        The standard-library XML parsers expand entities: untrusted XML can exhaust memory and CPU ("billion laughs",
        quadratic blowup), and some parsers fetch external entities or DTDs. `defusedxml` provides drop-in replacements
        that refuse these constructs.
        """;

    protected static string Reference(string anchor) =>
        "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#" + anchor;

    protected const string DefusedXml = "https://pypi.org/project/defusedxml/";

    protected override string Message(string name) =>
        $"`{name}` parses XML without protection against entity expansion attacks; for untrusted data use its `defusedxml` equivalent (or call `defusedxml.defuse_stdlib()`).";
}
