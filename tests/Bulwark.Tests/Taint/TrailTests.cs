using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>Joined trails read exactly as the trail built one step at a time (the engine's flows depend on it).</summary>
public class TrailTests
{
    static Trail? Build(Random random, int steps)
    {
        Trail? t = null;
        for (int i = 0; i < steps; i++)
        {
            // Few distinct places, so repeats of the previous step (which are dropped) happen often.
            int at = random.Next(6);
            t = random.Next(5) == 0 && t is not null
                ? Trail.Append(t, Build(random, random.Next(1, 6)))
                : Trail.Extend(t, new Step(at % 2, at * 10, at * 10 + 3, (StepKind)(at % 3), "s" + at));
        }
        return t;
    }

    static List<Step> Naive(Trail? first, Trail? then)
    {
        // The definition: every step of `then`, oldest first, added with Extend.
        var t = first;
        if (then is not null) foreach (var s in then.Steps()) t = Trail.Extend(t, s);
        return t?.Steps() ?? [];
    }

    [Fact]
    public void Append_reads_as_extending_step_by_step_including_repeats_and_the_length_cap()
    {
        var random = new Random(11);
        for (int i = 0; i < 3000; i++)
        {
            var first = random.Next(8) == 0 ? null : Build(random, random.Next(0, 45));
            var then = random.Next(8) == 0 ? null : Build(random, random.Next(0, 45));
            var joined = Trail.Append(first, then);
            var expected = Naive(first, then);
            var actual = joined?.Steps() ?? [];
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, joined?.Length ?? 0);
            Assert.True(actual.Count <= Trail.MaxLength);
            for (int k = 1; k < actual.Count; k++)
                Assert.False(actual[k].Module == actual[k - 1].Module && actual[k].Start == actual[k - 1].Start && actual[k].Kind == actual[k - 1].Kind);
            // Extending a joined trail repeats-checks against its newest step.
            if (joined is not null && actual.Count > 0) Assert.Same(joined, Trail.Extend(joined, actual[^1]));
        }
    }
}
