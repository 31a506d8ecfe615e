using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Validation.ValidationHelpers;

namespace LakeCircle.Core.Tests.Validation;

public class FilterChecksTests
{
    private static LifecycleRule WithFilter(LifecycleFilter filter) => ValidRule() with { Filter = filter };

    private static LifecycleRule WithAnd(LifecycleAndOperator and) => WithFilter(new LifecycleFilter { And = and });

    [Test]
    public void Validate_TwoTopLevelPredicates_ReportsFilter()
    {
        SingleProblem(WithFilter(new LifecycleFilter { Prefix = "a/", ObjectSizeGreaterThan = 10 }))
            .ShouldReport("Rules[0].Filter", "r1", "only one of", "combine several conditions in And", "Prefix, ObjectSizeGreaterThan");
    }

    [Test]
    public void Validate_EmptyFilterOrNoFilter_ReportsNothing()
    {
        Validate(WithFilter(LifecycleFilter.MatchAll)).Should().BeEmpty();
        Validate(ValidRule() with { Filter = null }).Should().BeEmpty();
    }

    [Test]
    public void Validate_AndWithOneCondition_ReportsAnd()
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { Prefix = "a/" }))
            .ShouldReport("Rules[0].Filter.And", "r1", "at least two conditions", "got 1");
    }

    [Test]
    public void Validate_AndWithEmptyPrefixAndOneTag_ReportsNothing()
    {
        Validate(WithAnd(new LifecycleAndOperator { Prefix = "", Tags = ValueList.Of(new LifecycleTag("k", "v")) })).Should().BeEmpty();
    }

    [Test]
    public void Validate_EmptyTagKey_ReportsKey()
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { Prefix = "a/", Tags = ValueList.Of(new LifecycleTag("a", "1"), new LifecycleTag("", "2")) }))
            .ShouldReport("Rules[0].Filter.And.Tags[1].Key", "r1", "1 to 128 characters", "empty key");
    }

    [Test]
    public void Validate_TagKeyOf129Characters_ReportsKey()
    {
        SingleProblem(WithFilter(new LifecycleFilter { Tag = new LifecycleTag(new string('k', 129), "v") }))
            .ShouldReport("Rules[0].Filter.Tag.Key", "r1", "1 to 128 characters", "got 129");
    }

    [Test]
    public void Validate_TagValueOf257Characters_ReportsValue()
    {
        SingleProblem(WithFilter(new LifecycleFilter { Tag = new LifecycleTag("k", new string('v', 257)) }))
            .ShouldReport("Rules[0].Filter.Tag.Value", "r1", "at most 256 characters", "got 257");
        Validate(WithFilter(new LifecycleFilter { Tag = new LifecycleTag(new string('k', 128), new string('v', 256)) })).Should().BeEmpty();
    }

    [Test]
    public void Validate_DuplicateTagKeys_ReportsSecondKey()
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { Tags = ValueList.Of(new LifecycleTag("env", "a"), new LifecycleTag("env", "b")) }))
            .ShouldReport("Rules[0].Filter.And.Tags[1].Key", "r1", "unique", "'env'", "Tags[0]");
    }

    [Test]
    public void Validate_FilterPrefixOver1024Bytes_ReportsPrefix()
    {
        SingleProblem(WithFilter(new LifecycleFilter { Prefix = new string('x', 1025) }))
            .ShouldReport("Rules[0].Filter.Prefix", "r1", "at most 1024 bytes in UTF-8", "got 1025");
        Validate(WithFilter(new LifecycleFilter { Prefix = new string('x', 1024) })).Should().BeEmpty();
    }

    [Test]
    public void Validate_AndPrefixOver1024Bytes_ReportsPrefix()
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { Prefix = new string('€', 342), ObjectSizeGreaterThan = 1 }))
            .ShouldReport("Rules[0].Filter.And.Prefix", "r1", "got 1026");
    }

    [Test]
    public void Validate_NegativeObjectSizeGreaterThan_ReportsField()
    {
        SingleProblem(WithFilter(new LifecycleFilter { ObjectSizeGreaterThan = -1 }))
            .ShouldReport("Rules[0].Filter.ObjectSizeGreaterThan", "r1", "between 0 and", "got -1");
        Validate(WithFilter(new LifecycleFilter { ObjectSizeGreaterThan = 0 })).Should().BeEmpty();
    }

    [Test]
    public void Validate_ZeroObjectSizeLessThan_ReportsField()
    {
        SingleProblem(WithFilter(new LifecycleFilter { ObjectSizeLessThan = 0 }))
            .ShouldReport("Rules[0].Filter.ObjectSizeLessThan", "r1", "between 1 and", "got 0");
    }

    [Test]
    public void Validate_ObjectSizeOver50TB_ReportsField()
    {
        const long max = 50L * 1024 * 1024 * 1024 * 1024;
        SingleProblem(WithAnd(new LifecycleAndOperator { Prefix = "a/", ObjectSizeLessThan = max + 1 }))
            .ShouldReport("Rules[0].Filter.And.ObjectSizeLessThan", "r1", "50 TB", $"got {max + 1}");
        Validate(WithFilter(new LifecycleFilter { ObjectSizeLessThan = max })).Should().BeEmpty();
    }

    [TestCase(500, 500)]
    [TestCase(600, 500)]
    public void Validate_GreaterThanNotBelowLessThan_ReportsLessThan(long greater, long less)
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less }))
            .ShouldReport("Rules[0].Filter.And.ObjectSizeLessThan", "r1", "greater than ObjectSizeGreaterThan", $"got {less}");
    }
}
