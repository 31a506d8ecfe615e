using LakeCircle.Core.Definitions.Reading;

namespace LakeCircle.Core.Tests.Definitions;

public class KeySuggesterTests
{
    private static readonly string[] Known = ["Expiration", "Transitions", "ID", "Status", "NoncurrentVersionExpiration"];

    [TestCase("Expiraton", "Expiration")]
    [TestCase("expiration", "Expiration")]
    [TestCase("Id", "ID")]
    [TestCase("Transition", "Transitions")]
    [TestCase("Stauts", "Status")]
    [TestCase("NoncurrentVersionExpirations", "NoncurrentVersionExpiration")]
    public void Closest_NearMiss_SuggestsTheKnownKey(string unknown, string expected) =>
        KeySuggester.Closest(unknown, Known).Should().Be(expected);

    [TestCase("Owner")]
    [TestCase("Tags")]
    public void Closest_NothingClose_SuggestsNothing(string unknown) =>
        KeySuggester.Closest(unknown, Known).Should().BeNull();
}
