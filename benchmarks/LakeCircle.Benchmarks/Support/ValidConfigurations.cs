using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;
using LakeCircle.Core.Validation;

namespace LakeCircle.Benchmarks.Support;

/// <summary>
/// Generated configurations that validation accepts: the generator covers the whole schema but some combinations
/// (a legacy prefix beside filters, transitions too close in STANDARD_IA) are rejected, and definitions in use are valid.
/// </summary>
internal static class ValidConfigurations
{
    /// <summary>The next valid configuration; rules without an ID keep none, as a definition may write them.</summary>
    public static LifecycleConfiguration Next(ConfigurationGenerator generator, string bucket, int minRules, int maxRules)
    {
        while (true)
        {
            var configuration = generator.Configuration(minRules, maxRules);
            var withIds = configuration with { Rules = configuration.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList() };
            if (LifecycleValidator.Validate(bucket, withIds).Count == 0)
            {
                return configuration;
            }
        }
    }
}
