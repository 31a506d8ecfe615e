using System.Reflection;
using System.Runtime.CompilerServices;

namespace LakeCircle.Core.Tests.PublicApi;

/// <summary>
/// The public surface is immutable (in the style of NodaTime's MutabilityTest): no public type but the options has a
/// public property that can be set after construction, or a public field that is not read-only.
/// </summary>
public class MutabilityTests
{
    /// <summary>The types whose settable properties are their purpose.</summary>
    private static readonly Type[] OptionsTypes = [typeof(LakeCircleClientOptions)];

    private static IEnumerable<Type> PublicTypes() =>
        typeof(LakeCircleClient).Assembly.GetExportedTypes().Where(t => !OptionsTypes.Contains(t));

    [Test]
    public void PublicTypes_OutsideTheOptions_HaveNoPublicSetters()
    {
        var settable = PublicTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        settable.Should().BeEmpty("public values are immutable; only the options types are set property by property");
    }

    [Test]
    public void PublicTypes_HaveNoWritableFields()
    {
        var writable = PublicTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !t.IsEnum)
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        writable.Should().BeEmpty();
    }

    [Test]
    public void PublicTypes_AreFewAndEachIsSealedStaticOrAnInterfaceOrEnum()
    {
        var types = typeof(LakeCircleClient).Assembly.GetExportedTypes();
        TestContext.Out.WriteLine($"{types.Length} public types: {string.Join(", ", types.Select(t => t.Name).Order(StringComparer.Ordinal))}");

        types.Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).Should().BeEmpty("public classes are sealed");
    }

    [Test]
    public void Detection_FindsASetterAndAnInitAccessor()
    {
        // The check itself: a plain setter is found, an init accessor is not.
        var setter = typeof(LakeCircleClientOptions).GetProperty(nameof(LakeCircleClientOptions.Account))!.SetMethod!;
        var init = typeof(HistoryProbe).GetProperty(nameof(HistoryProbe.Value))!.SetMethod!;

        IsInitOnly(setter).Should().BeFalse();
        IsInitOnly(init).Should().BeTrue();
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private sealed record HistoryProbe(int Value);
}
