using Bulwark.Core;
using System.CommandLine;
using System.Net;
using Bulwark.Dependencies.Advisories;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark db import|update|info`: the local OSV advisory store.</summary>
public static class DbCommand
{
    public const string DefaultUrl = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("db", "Manage the local advisory database used by the dependency rules.");
        command.Subcommands.Add(Import(stdout, stderr));
        command.Subcommands.Add(Update(stdout, stderr));
        command.Subcommands.Add(Info(stdout, stderr));
        return command;
    }

    static Command Import(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "A directory of OSV records (JSON or YAML), or an OSV zip export." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the store to this file instead of the cache (a pinned database a project can keep and pass to `scan --vuln-db`).",
        };
        var cmd = new Command("import", "Import OSV records into the cached store.") { path, output };
        cmd.SetAction(r =>
        {
            var p = r.GetValue(path)!;
            try
            {
                var problems = new List<string>();
                var explicitOutput = r.GetValue(output);
                if (!string.IsNullOrWhiteSpace(explicitOutput) && Path.GetDirectoryName(Path.GetFullPath(explicitOutput)) is { } outDir) Directory.CreateDirectory(outDir);
                if (explicitOutput is not null && OutputFile.Problem(explicitOutput) is { } problem) { stderr.WriteLine($"bulwark: error: {problem}"); return ExitCodes.Error; }
                var store = AdvisoryStore.Import(p, problems);
                if (store.Count == 0) { stderr.WriteLine($"bulwark: error: no OSV records found in '{p}'"); return ExitCodes.Error; }
                var file = explicitOutput ?? AdvisoryStore.DefaultStorePath();
                store.Save(file);
                foreach (var x in problems.Take(10)) stderr.WriteLine($"bulwark: warning: skipped {x}");
                stdout.WriteLine($"imported {store.Count} records ({problems.Count} skipped) into {file}; database version {store.Digest}");
                return ExitCodes.Clean;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        return cmd;
    }

    static Command Update(TextWriter stdout, TextWriter stderr)
    {
        var url = new Option<string>("--url") { Description = "Where to download the OSV PyPI export from.", DefaultValueFactory = _ => DefaultUrl };
        var cmd = new Command("update", "Download OSV's PyPI export (conditional on the stored ETag) and import it.") { url };
        cmd.SetAction(r =>
        {
            var source = r.GetValue(url)!;
            if (!source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine("bulwark: error: the advisory database is only downloaded over HTTPS");
                return ExitCodes.Error;
            }
            var file = AdvisoryStore.DefaultStorePath();
            AdvisoryStore? existing = null;
            try { existing = File.Exists(file) ? AdvisoryStore.Load(file) : null; }
            catch (InvalidDataException) { existing = null; }
            var tmp = Path.Combine(Path.GetTempPath(), $"bulwark-osv-{Environment.ProcessId}.zip");
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                using var request = new HttpRequestMessage(HttpMethod.Get, source);
                if (existing?.ETag is { } etag && existing.Source == source && EntityTagHeaderValueTryParse(etag) is { } tag)
                    request.Headers.IfNoneMatch.Add(tag);
                using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    stdout.WriteLine($"advisory database is up to date ({existing!.Count} records, version {existing.Digest})");
                    return ExitCodes.Clean;
                }
                if (!response.IsSuccessStatusCode)
                {
                    stderr.WriteLine($"bulwark: error: downloading {source} failed: HTTP {(int)response.StatusCode}");
                    return ExitCodes.Error;
                }
                using (var fs = File.Create(tmp)) response.Content.ReadAsStream().CopyTo(fs);
                var problems = new List<string>();
                var store = AdvisoryStore.Import(tmp, problems, response.Headers.ETag?.ToString(), source);
                store.Save(file);
                stdout.WriteLine($"downloaded and imported {store.Count} records ({problems.Count} skipped) into {file}; database version {store.Digest}");
                return ExitCodes.Clean;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidDataException)
            {
                stderr.WriteLine($"bulwark: error: cannot download the advisory database from {source} ({FirstLine(ex.Message)}); offline? use `bulwark db import PATH`");
                return ExitCodes.Error;
            }
            finally
            {
                try { if (File.Exists(tmp)) File.Delete(tmp); } catch (IOException) { }
            }
        });
        return cmd;
    }

    static System.Net.Http.Headers.EntityTagHeaderValue? EntityTagHeaderValueTryParse(string s) =>
        System.Net.Http.Headers.EntityTagHeaderValue.TryParse(s, out var v) ? v : null;

    static string FirstLine(string s)
    {
        int nl = s.IndexOf('\n');
        return (nl < 0 ? s : s[..nl]).Trim();
    }

    static Command Info(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string?>("--vuln-db") { Description = "Describe this database instead of the cached one." };
        var cmd = new Command("info", "Show the advisory database's source, record count, newest record and import time.") { db };
        cmd.SetAction(r =>
        {
            try
            {
                var path = r.GetValue(db);
                var store = AdvisoryStore.Open(path);
                if (store is null)
                {
                    stderr.WriteLine("bulwark: error: no advisory database: run `bulwark db import` or `bulwark db update`");
                    return ExitCodes.Error;
                }
                int withdrawn = store.Advisories.Count(a => a.Withdrawn is not null);
                stdout.WriteLine($"file:      {path ?? AdvisoryStore.DefaultStorePath()}");
                stdout.WriteLine($"source:    {store.Source}");
                stdout.WriteLine($"records:   {store.Count} ({withdrawn} withdrawn) for {store.Packages.Count()} packages");
                stdout.WriteLine($"newest:    {store.NewestModified:yyyy-MM-dd HH:mm:ss}Z");
                stdout.WriteLine($"imported:  {store.ImportedAt:yyyy-MM-dd HH:mm:ss}Z");
                stdout.WriteLine($"version:   {store.Digest}");
                return ExitCodes.Clean;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        return cmd;
    }
}
