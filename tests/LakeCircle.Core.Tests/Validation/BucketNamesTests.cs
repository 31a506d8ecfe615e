using LakeCircle.Core.Validation;

namespace LakeCircle.Core.Tests.Validation;

/// <summary>The general purpose bucket naming rules of the S3 user guide ("General purpose bucket naming rules").</summary>
public sealed class BucketNamesTests
{
    [TestCase("abc")]
    [TestCase("acme-logs")]
    [TestCase("docexamplebucket1")]
    [TestCase("log-delivery-march-2020")]
    [TestCase("my-hosted-content")]
    [TestCase("docexamplewebsite.com")]
    [TestCase("www.docexamplewebsite.com")]
    [TestCase("my.example.s3.bucket")]
    [TestCase("1.2.3")]
    [TestCase("1.2.3.4.5")]
    [TestCase("a-xn--b")]
    [TestCase("s3alias-bucket")]
    [TestCase("012345678901234567890123456789012345678901234567890123456789012")]
    public void IsValid_GoodName_True(string name) => BucketNames.IsValid(name).Should().BeTrue(BucketNames.Problem(name));

    [TestCase("ab", "3 to 63 characters long")]
    [TestCase("", "3 to 63 characters long")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123", "3 to 63 characters long")]
    [TestCase("doc_example_bucket", "only lowercase letters")]
    [TestCase("DocExampleBucket", "only lowercase letters")]
    [TestCase("acme logs", "only lowercase letters")]
    [TestCase("acme/logs", "only lowercase letters")]
    [TestCase("acme\nlogs", "only lowercase letters")]
    [TestCase("acme\u001blogs", "only lowercase letters")]
    [TestCase("été-logs", "only lowercase letters")]
    [TestCase("doc-example-bucket-", "begins and ends")]
    [TestCase("-acme", "begins and ends")]
    [TestCase(".acme", "begins and ends")]
    [TestCase("acme.", "begins and ends")]
    [TestCase("acme..logs", "two adjacent periods")]
    [TestCase("192.168.5.4", "IP address")]
    [TestCase("999.1.1.1", "IP address")]
    [TestCase("xn--acme", "prefix 'xn--'")]
    [TestCase("sthree-acme", "prefix 'sthree-'")]
    [TestCase("sthree-configurator", "prefix 'sthree-'")]
    [TestCase("amzn-s3-demo-bucket", "prefix 'amzn-s3-demo-'")]
    [TestCase("acme-s3alias", "suffix '-s3alias'")]
    [TestCase("acme--ol-s3", "suffix '--ol-s3'")]
    [TestCase("acme.mrap", "suffix '.mrap'")]
    [TestCase("acme--usw2-az1--x-s3", "suffix '--x-s3'")]
    [TestCase("acme--table-s3", "suffix '--table-s3'")]
    public void Problem_BadName_SaysWhichRule(string name, string words)
    {
        BucketNames.IsValid(name).Should().BeFalse();
        BucketNames.Problem(name).Should().Contain(words);
    }

    [Test]
    public void IsValid_Null_False() => BucketNames.IsValid(null).Should().BeFalse();
}
