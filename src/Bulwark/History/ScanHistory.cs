using System.Globalization;
using Bulwark.Core;
using Bulwark.Engine;
using Microsoft.Data.Sqlite;

namespace Bulwark.History;

/// <summary>
/// The scan-history database (`scan --record`, `bulwark history`): one SQLite file holding every recorded scan
/// (time, git commit and branch, tool and advisory-database versions, configuration and rule-set digests) and its
/// findings by fingerprint with rule, severity, path and line for display; never a message, snippet or secret.
/// Every failure (corrupt, locked, read-only, a directory, another program's database) is a
/// <see cref="HistoryException"/> with one line for the user.
/// </summary>
public sealed class ScanHistory : IDisposable
{
    /// <summary>`PRAGMA application_id` of a Bulwark history database ("BWKH").</summary>
    public const int ApplicationId = 0x42574B48;
    /// <summary>`PRAGMA user_version`: the schema this code writes and reads.</summary>
    public const int SchemaVersion = 1;
    /// <summary>Earlier scans shown in a report's trend.</summary>
    public const int TrendLength = 30;
    /// <summary>The default database, under the repository root, when configuration enables history.</summary>
    public static readonly string DefaultRelativePath = ScanSettings.DefaultHistoryRelativePath;

    readonly SqliteConnection _connection;
    public string Path { get; }

    ScanHistory(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Opens (creating it and its directory when missing) a database to compare with and record into.</summary>
    /// <param name="busySeconds">How long to wait for another process's lock before giving up (at least 1).</param>
    public static ScanHistory OpenForRecording(string path, int busySeconds = 5)
    {
        path = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(path)) throw new HistoryException($"{path}: is a directory, not a history database");
        if (File.Exists(path) && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
            throw new HistoryException($"{path}: the history database is read-only (no write permission)");
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { } dir) Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HistoryException($"{path}: cannot create its directory: {ex.Message}");
        }
        return Open(path, SqliteOpenMode.ReadWriteCreate, busySeconds, create: true);
    }

    /// <summary>Opens an existing database for reading only (`bulwark history`).</summary>
    public static ScanHistory OpenForReading(string path, int busySeconds = 5)
    {
        path = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(path)) throw new HistoryException($"{path}: is a directory, not a history database");
        if (!File.Exists(path)) throw new HistoryException($"{path}: no scan history here (record scans with `bulwark scan --record`)");
        return Open(path, SqliteOpenMode.ReadOnly, busySeconds, create: false);
    }

    static ScanHistory Open(string path, SqliteOpenMode mode, int busySeconds, bool create)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = Math.Max(1, busySeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        var history = new ScanHistory(path, connection);
        try
        {
            history.Guard(() =>
            {
                connection.Open();
                history.CheckSchema(create);
                return 0;
            });
            return history;
        }
        catch
        {
            history.Dispose();
            throw;
        }
    }

    void CheckSchema(bool create)
    {
        long appId = Scalar("PRAGMA application_id");
        long version = Scalar("PRAGMA user_version");
        long objects = Scalar("SELECT count(*) FROM sqlite_master");
        if (appId == 0 && version == 0 && objects == 0)
        {
            if (!create) throw new HistoryException($"{Path}: the history database is empty");
            using var tx = _connection.BeginTransaction();
            Execute($"""
                PRAGMA application_id = {ApplicationId};
                PRAGMA user_version = {SchemaVersion};
                CREATE TABLE scans (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    branch TEXT,
                    commit_sha TEXT,
                    paths TEXT NOT NULL,
                    root TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    advisory_db TEXT,
                    advisory_db_date TEXT,
                    config_digest TEXT NOT NULL,
                    ruleset_digest TEXT NOT NULL,
                    files_digest TEXT NOT NULL,
                    files INTEGER NOT NULL,
                    findings INTEGER NOT NULL,
                    critical INTEGER NOT NULL,
                    high INTEGER NOT NULL,
                    medium INTEGER NOT NULL,
                    low INTEGER NOT NULL
                );
                CREATE INDEX scans_by_branch ON scans (branch, paths, id);
                CREATE TABLE findings (
                    scan_id INTEGER NOT NULL REFERENCES scans (id),
                    fingerprint TEXT NOT NULL,
                    rule_id TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    path TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    PRIMARY KEY (scan_id, fingerprint)
                ) WITHOUT ROWID;
                """, tx);
            tx.Commit();
            return;
        }
        if (appId != ApplicationId) throw new HistoryException($"{Path}: not a Bulwark history database (another program's SQLite file)");
        if (version > SchemaVersion)
            throw new HistoryException($"{Path}: written by a newer Bulwark (history schema {version.ToString(CultureInfo.InvariantCulture)}; this one reads {SchemaVersion.ToString(CultureInfo.InvariantCulture)})");
        if (version < 1) throw new HistoryException($"{Path}: history schema {version.ToString(CultureInfo.InvariantCulture)} is not one this Bulwark reads");
    }

    /// <summary>The scan as it would be recorded: <paramref name="paths"/> are the scanned paths relative to the root.</summary>
    public static HistoryScan Describe(ScanResult result, IEnumerable<string> paths)
    {
        var sorted = new List<string>(paths);
        sorted.Sort(StringComparer.Ordinal);
        var bySeverity = new int[4];
        foreach (var f in result.Findings) bySeverity[(int)f.Severity]++;
        var db = result.Evidence.AdvisoryDatabase;
        return new HistoryScan
        {
            Id = 0, StartedAt = result.StartedAt.ToUniversalTime(), Branch = result.Evidence.GitBranch, Commit = result.Evidence.GitCommit,
            Paths = string.Join("\n", sorted), ToolVersion = result.ToolVersion, AdvisoryDatabase = db?.Digest, AdvisoryDatabaseDate = db?.ImportedAt,
            ConfigurationDigest = result.Evidence.ConfigurationDigest, RuleSetDigest = result.Evidence.RuleSetDigest,
            FilesDigest = result.Evidence.FilesDigest, Files = result.FilesScanned, Findings = result.Findings.Count, BySeverity = bySeverity,
        };
    }

    /// <summary>This scan against the latest recorded scan of the same branch and paths (reads only).</summary>
    public HistoryDelta Compare(HistoryScan current, IReadOnlyList<Finding> findings) => Guard(() =>
    {
        var trend = new List<HistoryScan>();
        using (var cmd = Command($"SELECT {ScanColumns} FROM scans WHERE branch IS $branch AND paths = $paths ORDER BY id DESC LIMIT $n"))
        {
            cmd.Parameters.AddWithValue("$branch", (object?)current.Branch ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$paths", current.Paths);
            cmd.Parameters.AddWithValue("$n", TrendLength);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) trend.Add(ReadScan(reader));
        }
        trend.Reverse();
        if (trend.Count == 0) return new HistoryDelta { Branch = current.Branch };
        var previous = trend[^1];
        var before = FindingsOf(previous.Id);
        var had = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in before) had.Add(f.Fingerprint);
        var now = new HashSet<string>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        int unchanged = 0;
        foreach (var f in findings)
        {
            if (!now.Add(f.Fingerprint)) continue;
            if (had.Contains(f.Fingerprint)) unchanged++; else added.Add(f.Fingerprint);
        }
        var fixedOnes = new List<HistoryFinding>();
        foreach (var f in before) if (!now.Contains(f.Fingerprint)) fixedOnes.Add(f);
        return new HistoryDelta { Branch = current.Branch, Previous = previous, NewFingerprints = added, Fixed = fixedOnes, Unchanged = unchanged, Trend = trend };
    });

    /// <summary>Records the scan and its findings in one transaction; returns the new scan's id.</summary>
    public long Record(HistoryScan scan, IReadOnlyList<Finding> findings, string root) => Guard(() =>
    {
        using var tx = _connection.BeginTransaction();
        long id;
        using (var cmd = Command("""
            INSERT INTO scans (started_at, branch, commit_sha, paths, root, tool_version, advisory_db, advisory_db_date, config_digest,
                ruleset_digest, files_digest, files, findings, critical, high, medium, low)
            VALUES ($started, $branch, $commit, $paths, $root, $tool, $db, $dbdate, $config, $rules, $files_digest, $files, $findings,
                $critical, $high, $medium, $low);
            SELECT last_insert_rowid();
            """, tx))
        {
            var p = cmd.Parameters;
            p.AddWithValue("$started", Timestamp(scan.StartedAt));
            p.AddWithValue("$branch", (object?)scan.Branch ?? DBNull.Value);
            p.AddWithValue("$commit", (object?)scan.Commit ?? DBNull.Value);
            p.AddWithValue("$paths", scan.Paths);
            p.AddWithValue("$root", root);
            p.AddWithValue("$tool", scan.ToolVersion);
            p.AddWithValue("$db", (object?)scan.AdvisoryDatabase ?? DBNull.Value);
            p.AddWithValue("$dbdate", scan.AdvisoryDatabaseDate is { } d ? Timestamp(d) : DBNull.Value);
            p.AddWithValue("$config", scan.ConfigurationDigest);
            p.AddWithValue("$rules", scan.RuleSetDigest);
            p.AddWithValue("$files_digest", scan.FilesDigest);
            p.AddWithValue("$files", scan.Files);
            p.AddWithValue("$findings", scan.Findings);
            p.AddWithValue("$critical", scan.BySeverity[(int)Severity.Critical]);
            p.AddWithValue("$high", scan.BySeverity[(int)Severity.High]);
            p.AddWithValue("$medium", scan.BySeverity[(int)Severity.Medium]);
            p.AddWithValue("$low", scan.BySeverity[(int)Severity.Low]);
            id = (long)cmd.ExecuteScalar()!;
        }
        using (var cmd = Command("INSERT OR IGNORE INTO findings (scan_id, fingerprint, rule_id, severity, path, line) VALUES ($scan, $fp, $rule, $sev, $path, $line)", tx))
        {
            var scanId = cmd.Parameters.AddWithValue("$scan", id);
            var fp = cmd.Parameters.Add("$fp", SqliteType.Text);
            var rule = cmd.Parameters.Add("$rule", SqliteType.Text);
            var sev = cmd.Parameters.Add("$sev", SqliteType.Text);
            var path = cmd.Parameters.Add("$path", SqliteType.Text);
            var line = cmd.Parameters.Add("$line", SqliteType.Integer);
            cmd.Prepare();
            foreach (var f in findings)
            {
                fp.Value = f.Fingerprint;
                rule.Value = f.Rule.Id;
                sev.Value = f.Severity.Name();
                path.Value = f.Location.Path.Replace('\\', '/');
                line.Value = f.Location.StartLine;
                cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return id;
    });

    /// <summary>Recorded scans, newest first; only one branch's when <paramref name="branch"/> is given.</summary>
    public IReadOnlyList<HistoryScan> Scans(string? branch = null, int limit = int.MaxValue) => Guard(() =>
    {
        var list = new List<HistoryScan>();
        using var cmd = Command($"SELECT {ScanColumns} FROM scans {(branch is null ? "" : "WHERE branch = $branch")} ORDER BY id DESC LIMIT $n");
        if (branch is not null) cmd.Parameters.AddWithValue("$branch", branch);
        cmd.Parameters.AddWithValue("$n", limit);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(ReadScan(reader));
        return (IReadOnlyList<HistoryScan>)list;
    });

    public HistoryScan? Scan(long id) => Guard(() =>
    {
        using var cmd = Command($"SELECT {ScanColumns} FROM scans WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadScan(reader) : null;
    });

    /// <summary>Compares two recorded scans by fingerprint: new in <paramref name="to"/>, fixed since <paramref name="from"/>, unchanged.</summary>
    public HistoryDiff Diff(long from, long to)
    {
        var a = Scan(from) ?? throw new HistoryException($"{Path}: no scan #{from.ToString(CultureInfo.InvariantCulture)} (see `bulwark history`)");
        var b = Scan(to) ?? throw new HistoryException($"{Path}: no scan #{to.ToString(CultureInfo.InvariantCulture)} (see `bulwark history`)");
        var before = Guard(() => FindingsOf(from));
        var after = Guard(() => FindingsOf(to));
        var had = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in before) had.Add(f.Fingerprint);
        var has = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in after) has.Add(f.Fingerprint);
        var added = new List<HistoryFinding>();
        var same = new List<HistoryFinding>();
        foreach (var f in after) (had.Contains(f.Fingerprint) ? same : added).Add(f);
        var gone = new List<HistoryFinding>();
        foreach (var f in before) if (!has.Contains(f.Fingerprint)) gone.Add(f);
        return new HistoryDiff(a, b, added, gone, same);
    }

    List<HistoryFinding> FindingsOf(long scanId)
    {
        var list = new List<HistoryFinding>();
        using var cmd = Command("SELECT fingerprint, rule_id, severity, path, line FROM findings WHERE scan_id = $id");
        cmd.Parameters.AddWithValue("$id", scanId);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add(new HistoryFinding(reader.GetString(0), reader.GetString(1),
                EnumNames.TryParseSeverity(reader.GetString(2), out var s) ? s : Severity.Low, reader.GetString(3), reader.GetInt32(4)));
        list.Sort((x, y) =>
        {
            int c = string.CompareOrdinal(x.Path, y.Path);
            if (c == 0) c = x.Line.CompareTo(y.Line);
            if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
            return c != 0 ? c : string.CompareOrdinal(x.Fingerprint, y.Fingerprint);
        });
        return list;
    }

    const string ScanColumns = "id, started_at, branch, commit_sha, paths, tool_version, advisory_db, advisory_db_date, config_digest, ruleset_digest, " +
        "files_digest, files, findings, critical, high, medium, low";

    static HistoryScan ReadScan(SqliteDataReader r)
    {
        var bySeverity = new int[4];
        bySeverity[(int)Severity.Critical] = r.GetInt32(13);
        bySeverity[(int)Severity.High] = r.GetInt32(14);
        bySeverity[(int)Severity.Medium] = r.GetInt32(15);
        bySeverity[(int)Severity.Low] = r.GetInt32(16);
        return new HistoryScan
        {
            Id = r.GetInt64(0), StartedAt = ParseTimestamp(r.GetString(1)), Branch = r.IsDBNull(2) ? null : r.GetString(2),
            Commit = r.IsDBNull(3) ? null : r.GetString(3), Paths = r.GetString(4), ToolVersion = r.GetString(5),
            AdvisoryDatabase = r.IsDBNull(6) ? null : r.GetString(6), AdvisoryDatabaseDate = r.IsDBNull(7) ? null : ParseTimestamp(r.GetString(7)),
            ConfigurationDigest = r.GetString(8), RuleSetDigest = r.GetString(9), FilesDigest = r.GetString(10), Files = r.GetInt32(11),
            Findings = r.GetInt32(12), BySeverity = bySeverity,
        };
    }

    static string Timestamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    static DateTimeOffset ParseTimestamp(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.UnixEpoch;

    SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a database operation, turning SQLite's and the file system's failures into one-line messages.</summary>
    T Guard<T>(Func<T> operation)
    {
        try { return operation(); }
        catch (SqliteException ex) { throw new HistoryException($"{Path}: {Describe(ex)}"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or InvalidCastException)
        {
            throw new HistoryException($"{Path}: {Untrusted.Visible(ex.Message)}");
        }
    }

    /// <summary>The user's words for SQLite's primary result codes (https://sqlite.org/rescode.html).</summary>
    static string Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => "the history database is locked by another process (still busy after waiting)",
        8 => "the history database is read-only",
        10 => "I/O error reading or writing the history database",
        11 or 26 => "the history database is corrupt or not a SQLite database",
        13 => "the disk is full",
        14 => "cannot open the history database",
        _ => "SQLite error: " + OneLine(ex.Message),
    };

    static string OneLine(string s) => Untrusted.Visible(s.ReplaceLineEndings(" "));

    public void Dispose() => _connection.Dispose();
}

/// <summary>A history database that cannot be used (corrupt, locked, read-only, a directory, not Bulwark's): one line for the user.</summary>
public sealed class HistoryException(string message) : Exception(message);
