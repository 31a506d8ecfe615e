using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Fingerprinting;

public class CanonicalFormSmokeTests
{
    [Test]
    public void Fingerprint_RuleOrder_DoesNotCount()
    {
        var a = new LifecycleRule { Id = "a", Expiration = new LifecycleExpiration { Days = 1 } };
        var b = new LifecycleRule { Id = "b", Expiration = new LifecycleExpiration { Days = 2 } };

        LifecycleConfiguration.Of(a, b).Fingerprint.Should().Be(LifecycleConfiguration.Of(b, a).Fingerprint);
        LifecycleConfiguration.Of(a, b).Should().NotBe(LifecycleConfiguration.Of(b, a));
    }
}
