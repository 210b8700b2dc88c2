namespace Bulwark.Rules.Code.Blacklist;

/// <summary>urllib's URL openers: B310 reports every call, BW310 those whose URL scheme is not fixed.</summary>
static class UrllibOpeners
{
    public static readonly string[] Names =
    [
        "urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.request.URLopener", "urllib.request.FancyURLopener",
        "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve",
        "six.moves.urllib.request.URLopener", "six.moves.urllib.request.FancyURLopener",
    ];
}
