using Bulwark.Taint;
using Xunit;

namespace Bulwark.Tests.Taint;

public class YoungGenerationCapTests
{
    [Fact]
    public void Collects_once_per_budget_of_allocation_counted_from_the_first_tick_and_from_each_collection()
    {
        long allocated = 1_000;
        int collections = 0;
        var cap = new YoungGenerationCap(() => allocated, () => { collections++; allocated += 5; }, bytes: 100);

        cap.Tick(); // the baseline: 1,000
        allocated += 99; cap.Tick();
        Assert.Equal(0, collections);
        allocated += 1; cap.Tick(); // 1,100: the budget is spent
        Assert.Equal(1, collections);
        // Counted from after the collection (1,105), not from where it was asked for.
        allocated += 99; cap.Tick();
        Assert.Equal(1, collections);
        allocated += 1; cap.Tick();
        Assert.Equal(2, collections);
        // Many budgets at once still make one collection.
        allocated += 10_000; cap.Tick(); cap.Tick();
        Assert.Equal(3, collections);
    }
}
