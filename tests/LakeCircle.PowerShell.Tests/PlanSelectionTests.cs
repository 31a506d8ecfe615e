using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Tests;

public sealed class PlanSelectionTests
{
    private static readonly LifecycleRule Rule = new() { Id = "expire", Status = RuleStatus.Enabled, Expiration = new LifecycleExpiration { Days = 30 } };

    private static BucketPlan Changed(string name) => new() { Bucket = name, Status = BucketStatus.Change, Action = BucketAction.Put, Added = ValueList.Of(Rule) };

    private static PlanOutcome Plan(params BucketPlan[] buckets) => new()
    {
        Plan = new AccountPlan { Buckets = buckets.ToValueList(), Summary = new PlanSummary { BucketsChanged = buckets.Count(b => b.HasChanges), RulesAdded = buckets.Sum(b => b.Added.Count) } },
    };

    [Test]
    public void Declined_buckets_leave_the_plan_and_its_summary()
    {
        var plan = Plan(Changed("a"), Changed("b"), new BucketPlan { Bucket = "c", Status = BucketStatus.InSync });

        var narrowed = PlanSelection.Without(plan, new HashSet<string>(["b"]));

        narrowed.Plan!.Buckets.Select(b => b.Bucket).Should().Equal("a", "c");
        narrowed.Plan.Summary.BucketsChanged.Should().Be(1);
        narrowed.Plan.Summary.RulesAdded.Should().Be(1);
        narrowed.Plan.Summary.BucketsInSync.Should().Be(1);
    }

    [Test]
    public void Nothing_declined_keeps_the_plan_itself()
    {
        var plan = Plan(Changed("a"));

        PlanSelection.Without(plan, new HashSet<string>()).Should().BeSameAs(plan);
    }
}
