namespace Bulwark.Core;

/// <summary>The advisory database a scan used: its content digest (the version a project can pin), size and dates.</summary>
public sealed record AdvisoryDatabaseInfo(string Digest, int Advisories, DateTimeOffset ImportedAt, DateTimeOffset? NewestModified);
