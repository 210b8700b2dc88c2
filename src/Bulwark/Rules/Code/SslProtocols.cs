using Bulwark.Core;

namespace Bulwark.Rules.Code;

/// <summary>Broken SSL/TLS protocol versions, the option B502 and B503 share.</summary>
static class SslProtocols
{
    public static readonly string[] BadVersions =
    [
        "PROTOCOL_SSLv2", "SSLv2_METHOD", "SSLv23_METHOD", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1", "SSLv3_METHOD",
        "TLSv1_METHOD", "PROTOCOL_TLSv1_1", "TLSv1_1_METHOD",
    ];

    public static readonly RuleOptionInfo BadVersionsOption = new("bad_protocol_versions", RuleOptionType.StringList, BadVersions,
        "Protocol constants considered broken (Bandit's `ssl_with_bad_version.bad_protocol_versions`).");
}
