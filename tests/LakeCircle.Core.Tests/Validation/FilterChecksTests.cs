using LakeCircle.Core.Diagnostics;
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
        SingleProblem(WithFilter(new LifecycleFilter { Prefix = new string('x', 1025) })).ShouldBeWarning()
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
    public void Validate_ObjectSizeOverS3Bound_ReportsField()
    {
        const long max = 1_099_511_627_776_000; // "'ObjectSizeLessThan' should be between 1 and 1099511627776000"
        SingleProblem(WithAnd(new LifecycleAndOperator { Prefix = "a/", ObjectSizeLessThan = max + 1 })).ShouldBeError()
            .ShouldReport("Rules[0].Filter.And.ObjectSizeLessThan", "r1", "between 1 and 1099511627776000", $"got {max + 1}");
        SingleProblem(WithFilter(new LifecycleFilter { ObjectSizeGreaterThan = max + 1 })).ShouldBeError()
            .ShouldReport("Rules[0].Filter.ObjectSizeGreaterThan", "r1", "between 0 and 1099511627776000");
        Validate(WithFilter(new LifecycleFilter { ObjectSizeLessThan = max })).Should().BeEmpty();
        Validate(WithFilter(new LifecycleFilter { ObjectSizeLessThan = 50L * 1024 * 1024 * 1024 * 1024 + 1 })).Should().BeEmpty("above 50 TiB, S3 accepts it");
    }

    [TestCase(0x0001)]
    [TestCase(0x001F)]
    [TestCase(0xFFFE)]
    [TestCase(0xFFFF)]
    [TestCase(0xD800)]
    [TestCase(0xDC00)]
    public void Validate_PrefixWithCharacterXmlForbids_ReportsPrefix(int code)
    {
        var prefix = "logs/" + (char)code + "x";
        SingleProblem(WithFilter(new LifecycleFilter { Prefix = prefix })).ShouldBeError()
            .ShouldReport("Rules[0].Filter.Prefix", "r1", "characters XML 1.0 allows", $"U+{code:X4}", "position 6");
    }

    [Test]
    public void Validate_TagWithCharacterXmlForbids_ReportsKeyAndValue()
    {
        var diagnostics = Validate(WithAnd(new LifecycleAndOperator
        {
            Prefix = "a/",
            Tags = ValueList.Of(new LifecycleTag("k" + (char)2, "v" + (char)0xFFFF)),
        }));

        diagnostics.Select(d => d.Field).Should().Equal("Rules[0].Filter.And.Tags[0].Key", "Rules[0].Filter.And.Tags[0].Value");
        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
        diagnostics[0].Message.Should().Contain("U+0002");
        diagnostics[1].Message.Should().Contain("U+FFFF");
    }

    [Test]
    public void Validate_TextWithTabsNewlinesAndPairedSurrogates_ReportsNothing()
    {
        Validate(WithFilter(new LifecycleFilter { Prefix = "a\tb\n\r\uD83D\uDE00\u007F/" })).Should().BeEmpty();
    }

    [TestCase(500, 500)]
    [TestCase(600, 500)]
    public void Validate_GreaterThanNotBelowLessThan_ReportsLessThan(long greater, long less)
    {
        SingleProblem(WithAnd(new LifecycleAndOperator { ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less }))
            .ShouldReport("Rules[0].Filter.And.ObjectSizeLessThan", "r1", "greater than ObjectSizeGreaterThan", $"got {less}");
    }
}
