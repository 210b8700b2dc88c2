using System.Text.RegularExpressions;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Architecture;

/// <summary>
/// Where the product may reach outside its process (docs/security.md): the network only in `db update`, other
/// programs only through GitCli (git, with fixed options, never a shell). Read from the sources, so a new
/// HttpClient or Process.Start elsewhere fails here and has to be argued for.
/// </summary>
public partial class SideEffectTests
{
    [GeneratedRegex(@"\b(HttpClient|HttpMessageHandler|SocketsHttpHandler|WebRequest|WebClient|TcpClient|UdpClient|TcpListener)\b|\bnew\s+Socket\b|System\.Net\.Sockets|\bDns\s*\.")]
    private static partial Regex NetworkApi();

    [GeneratedRegex(@"\b(Process\s*\.\s*Start|ProcessStartInfo)\b")]
    private static partial Regex ProcessApi();

    static List<string> FilesUsing(Regex api)
    {
        var hits = new List<string>();
        foreach (var folder in new[] { "src/Bulwark", "src/Bulwark.Python", "src/Bulwark.Cli" })
            foreach (var f in Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(RepoPaths.RepoRoot, f).Replace('\\', '/');
                if (rel.Contains("/obj/") || rel.Contains("/bin/")) continue;
                if (api.IsMatch(NamespaceReferences.StripCommentsAndStrings(File.ReadAllText(f)))) hits.Add(rel);
            }
        hits.Sort(StringComparer.Ordinal);
        return hits;
    }

    [Fact]
    public void Only_db_update_uses_the_network() =>
        Assert.Equal(["src/Bulwark.Cli/Commands/DbCommand.cs"], FilesUsing(NetworkApi()));

    [Fact]
    public void Only_git_is_started_and_only_through_GitCli() =>
        Assert.Equal(["src/Bulwark/Engine/GitHistory.cs", "src/Bulwark/Secrets/GitCli.cs"], FilesUsing(ProcessApi()));
}
