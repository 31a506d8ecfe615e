using LakeCircle.Core.Fingerprinting;

namespace LakeCircle.Core.Tests.Fingerprinting;

public partial class CanonicalFormTests
{
    [Test]
    public void FormatDate_Midnight_UtcWithoutFraction()
    {
        CanonicalForm.FormatDate(Midnight).Should().Be("2030-01-01T00:00:00Z");
    }

    [Test]
    public void FormatDate_OtherOffset_ConvertedToUtc()
    {
        CanonicalForm.FormatDate(new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.FromHours(2))).Should().Be("2030-01-01T00:00:00Z");
        CanonicalForm.FormatDate(new DateTimeOffset(2029, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5))).Should().Be("2030-01-01T00:00:00Z");
    }

    [Test]
    public void FormatDate_Fraction_WrittenOnlyWhenPresentWithoutTrailingZeros()
    {
        CanonicalForm.FormatDate(Midnight.AddMilliseconds(250)).Should().Be("2030-01-01T00:00:00.25Z");
        CanonicalForm.FormatDate(Midnight.AddTicks(1)).Should().Be("2030-01-01T00:00:00.0000001Z");
    }

    [Test]
    [SetCulture("ar-SA")]
    public void FormatDate_AnyCulture_InvariantDigitsAndCalendar()
    {
        CanonicalForm.FormatDate(Midnight).Should().Be("2030-01-01T00:00:00Z");
    }
}
