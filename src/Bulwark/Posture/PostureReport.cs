namespace Bulwark.Posture;

/// <summary>The security principles a practice serves (what an auditor asks the practice to protect).</summary>
public enum Principle { Confidentiality, Integrity, Availability, Authentication, Authorization, NonRepudiation, Accountability }

public enum PracticeStatus { Met, Partial, Missing, NotApplicable }

/// <summary>Where a practice shows: a file and a 1-based line (0 for the file as a whole), and what is there.</summary>
public sealed record PostureEvidence(string Path, int Line, string Text);

/// <summary>One practice, scored: the evidence that it is in place, or what is missing and how to add it.</summary>
public sealed record PracticeResult
{
    /// <summary>A stable key (`tests-in-ci`).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required PracticeStatus Status { get; init; }
    /// <summary>0..<see cref="MaxScore"/>; 0 and not counted in the total when not applicable.</summary>
    public required int Score { get; init; }
    public int MaxScore { get; init; } = 10;
    /// <summary>One sentence on what was found.</summary>
    public required string Summary { get; init; }
    public IReadOnlyList<PostureEvidence> Evidence { get; init; } = [];
    /// <summary>What is missing, or null when the practice is fully met.</summary>
    public string? Missing { get; init; }
    /// <summary>How to add what is missing, or null.</summary>
    public string? HowToAdd { get; init; }
    public required IReadOnlyList<Principle> Principles { get; init; }
}

/// <summary>The scorecard of practices that protect a Python application, with a total out of 100.</summary>
public sealed record PostureReport(IReadOnlyList<PracticeResult> Practices)
{
    public int Score => Practices.Where(p => p.Status != PracticeStatus.NotApplicable).Sum(p => p.Score);
    public int MaxScore => Practices.Where(p => p.Status != PracticeStatus.NotApplicable).Sum(p => p.MaxScore);
    /// <summary>Score as a percentage of the applicable practices' maximum, rounded.</summary>
    public int Percent => MaxScore == 0 ? 0 : (int)Math.Round(100.0 * Score / MaxScore, MidpointRounding.AwayFromZero);
}

public static class PrincipleNames
{
    public static string Name(this Principle p) => p switch
    {
        Principle.Confidentiality => "confidentiality", Principle.Integrity => "integrity", Principle.Availability => "availability",
        Principle.Authentication => "authentication", Principle.Authorization => "authorization",
        Principle.NonRepudiation => "non-repudiation", Principle.Accountability => "accountability",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    public static string Name(this PracticeStatus s) => s switch
    {
        PracticeStatus.Met => "met", PracticeStatus.Partial => "partial", PracticeStatus.Missing => "missing",
        PracticeStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
