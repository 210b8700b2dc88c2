using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Engine;

/// <summary>Project rules that read the same Python files again share one predicate, asked once per file.</summary>
public class KeptTreeTests
{
    sealed class ReadingRule(string id, Predicate<SourceFile> keeps, List<string> seen) : ProjectRule
    {
        public override RuleInfo Info { get; } = new(id, "reads", Family.Configuration, Severity.Low, Confidence.High, null, "w", "y", "e", "f", []);
        public override Predicate<SourceFile> KeepsTree => keeps;
        public override void Check(ProjectContext context)
        {
            foreach (var f in context.Files)
                if (f.Tree is not null) seen.Add(id + ":" + f.RelativePath);
        }
    }

    [Fact]
    public void A_shared_predicate_is_asked_once_per_file_and_each_rule_sees_the_kept_trees()
    {
        using var dir = new TempDir();
        dir.Write("settings.py", "INSTALLED_APPS = []\n");
        dir.Write("a.py", "x = 1\n");
        dir.Write("b.py", "y = 2\n");
        int asked = 0, askedOther = 0;
        Predicate<SourceFile> shared = f => { Interlocked.Increment(ref asked); return f.RelativePath == "settings.py"; };
        Predicate<SourceFile> other = f => { Interlocked.Increment(ref askedOther); return f.RelativePath == "b.py"; };
        var seen = new List<string>();
        IRule[] rules = [new ReadingRule("XK1", shared, seen), new ReadingRule("XK2", shared, seen), new ReadingRule("XK3", other, seen)];
        var result = new Scanner(new ScanSettings { Jobs = 1 }, rules).Scan(new ScanRequest([dir.Path]));
        Assert.Empty(result.Errors);
        // Asked once per file, not once per rule; a file one predicate keeps need not ask the next.
        Assert.Equal(3, asked);
        Assert.Equal(2, askedOther);
        // A tree kept for any rule is kept for all of them: they read the project's files.
        Assert.Equal(["XK1:b.py", "XK1:settings.py", "XK2:b.py", "XK2:settings.py", "XK3:b.py", "XK3:settings.py"], seen.Order());
    }
}
