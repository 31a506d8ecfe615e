using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace LakeCircle.InstalledTests;

/// <summary>What the packages carry: readme, licence, public documentation, symbols, the tool's settings.</summary>
public sealed class PackageContentTests
{
    // The portable PDB's custom debug information kind of a source file embedded in it.
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [TestCase("LakeCircle.Core")]
    [TestCase("LakeCircle.Cli")]
    [TestCase("LakeCircle.Cli.linux-x64")]
    [TestCase("LakeCircle.Cli.any")]
    public void The_package_has_a_readme_an_MIT_licence_expression_a_description_and_tags(string id)
    {
        using var package = ZipFile.OpenRead(Installed.Package(id, ".nupkg"));
        var metadata = Nuspec(package);

        Element(metadata, "version").Should().Be(Installed.Version);
        Element(metadata, "readme").Should().Be("README.md");
        package.GetEntry("README.md").Should().NotBeNull();
        metadata.Elements().Single(e => e.Name.LocalName == "license").Should().Match<XElement>(
            l => (string?)l.Attribute("type") == "expression" && l.Value == "MIT");
        Element(metadata, "description").Should().NotBeNullOrWhiteSpace();
        Element(metadata, "tags").Should().Contain("s3").And.Contain("lifecycle");
        Read(package, "README.md").Should().Contain("```");
    }

    [Test]
    public void The_library_documents_its_public_types_and_no_internal_one()
    {
        using var package = ZipFile.OpenRead(Installed.Package("LakeCircle.Core", ".nupkg"));
        var publicTypes = PublicTypes(package, "lib/net10.0/LakeCircle.Core.dll");
        var documented = XDocument.Parse(Read(package, "lib/net10.0/LakeCircle.Core.xml"))
            .Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();
        var documentedTypes = documented.Where(n => n.StartsWith("T:", StringComparison.Ordinal)).Select(n => n[2..]).ToHashSet();

        publicTypes.Should().Contain("LakeCircle.Core.LakeCircleClient");
        documentedTypes.Should().BeEquivalentTo(publicTypes, "every public type is documented, and only those");
        documented.Should().NotContain(n => n.Contains("WritingRun", StringComparison.Ordinal) || n.Contains("ClientSettings", StringComparison.Ordinal));
        documented.Should().Contain("M:LakeCircle.Core.LakeCircleClient.PlanAsync(System.Collections.Generic.IEnumerable{System.String},System.Threading.CancellationToken)");
        documented.Should().NotContain(n => n.StartsWith("M:", StringComparison.Ordinal) && n.Contains(".Log.", StringComparison.Ordinal));
    }

    [TestCase("LakeCircle.Core", "lib/net10.0/LakeCircle.Core.pdb")]
    [TestCase("LakeCircle.Cli.linux-x64", "tools/net10.0/linux-x64/lakecircle.pdb")]
    [TestCase("LakeCircle.Cli.any", "tools/net10.0/any/lakecircle.pdb")]
    public void The_symbols_package_has_a_portable_pdb_with_the_sources_embedded(string id, string pdb)
    {
        using var symbols = ZipFile.OpenRead(Installed.Package(id, ".snupkg"));
        var entry = symbols.GetEntry(pdb);
        entry.Should().NotBeNull($"{pdb} is in the symbols package");

        using var stream = new MemoryStream();
        using (var entryStream = entry!.Open())
        {
            entryStream.CopyTo(stream);
        }

        stream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var reader = provider.GetMetadataReader();
        var documents = reader.Documents.Count;
        var embedded = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Count(c => reader.GetGuid(c.Kind) == EmbeddedSource);

        documents.Should().BePositive();
        embedded.Should().Be(documents, "every source document is embedded");
    }

    [Test]
    public void The_tool_package_is_a_dotnet_tool_named_lakecircle_that_points_at_a_linux_x64_and_a_portable_package()
    {
        using var package = ZipFile.OpenRead(Installed.Package("LakeCircle.Cli", ".nupkg"));
        var metadata = Nuspec(package);
        var settings = XDocument.Parse(Read(package, "tools/any/any/DotnetToolSettings.xml"));

        metadata.Descendants().Should().Contain(e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        settings.Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("lakecircle");
        settings.Descendants("RuntimeIdentifierPackage")
            .Select(p => $"{p.Attribute("RuntimeIdentifier")?.Value}={p.Attribute("Id")?.Value}")
            .Should().BeEquivalentTo(["linux-x64=LakeCircle.Cli.linux-x64", "any=LakeCircle.Cli.any"]);
        package.Entries.Should().NotContain(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal), "the pointer package holds no program");
        File.Exists(Installed.Package("LakeCircle.Cli", ".snupkg")).Should().BeFalse("only the runtime packages have symbols");
    }

    [TestCase("linux-x64", true)]
    [TestCase("any", false)]
    public void Each_runtime_package_is_a_framework_dependent_tool_that_rolls_forward_ReadyToRun_for_linux_x64_only(string runtime, bool readyToRun)
    {
        using var package = ZipFile.OpenRead(Installed.Package("LakeCircle.Cli." + runtime, ".nupkg"));
        var folder = $"tools/net10.0/{runtime}/";
        var settings = XDocument.Parse(Read(package, folder + "DotnetToolSettings.xml"));
        var runtimeConfig = Read(package, folder + "lakecircle.runtimeconfig.json");

        Nuspec(package).Descendants().Should().Contain(e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetToolRidPackage");
        // Both run lakecircle.dll through `dotnet`: no executable linked against one C library (linux-musl-x64 installs linux-x64).
        var command = settings.Descendants("Command").Single();
        command.Attribute("EntryPoint")!.Value.Should().Be("lakecircle.dll");
        command.Attribute("Runner")!.Value.Should().Be("dotnet");
        package.GetEntry(folder + "lakecircle.dll").Should().NotBeNull();
        package.GetEntry(folder + "lakecircle").Should().BeNull("the package holds no native executable");
        runtimeConfig.Should().Contain("\"rollForward\": \"Major\"").And.Contain("\"name\": \"Microsoft.NETCore.App\"");
        runtimeConfig.Should().Contain("\"System.Runtime.TieredPGO\": false");
        package.Entries.Should().NotContain(e => e.FullName.EndsWith("System.Private.CoreLib.dll", StringComparison.Ordinal), "the runtime is not shipped");
        package.Entries.Should().NotContain(e => e.FullName.Contains("Tests", StringComparison.Ordinal), "no test project is packed");
        foreach (var assembly in new[] { "lakecircle.dll", "LakeCircle.Core.dll", "System.CommandLine.dll", "Tomlyn.dll" })
        {
            IsReadyToRun(package, folder + assembly).Should().Be(readyToRun, assembly);
        }
    }

    [Test]
    public void The_module_package_holds_the_manifest_of_the_product_version_and_every_dependency()
    {
        using var module = ZipFile.OpenRead(Installed.Package("LakeCircle.PowerShell", ".zip"));
        var names = module.Entries.Select(e => e.FullName).ToList();
        var manifest = Read(module, "LakeCircle/LakeCircle.psd1");

        names.Should().Contain(["LakeCircle/LakeCircle.PowerShell.dll", "LakeCircle/LakeCircle.Core.dll", "LakeCircle/Tomlyn.dll", "LakeCircle/AWSSDK.S3.dll"]);
        names.Should().NotContain(n => n.EndsWith("System.Management.Automation.dll", StringComparison.Ordinal), "PowerShell provides it");
        manifest.Should().MatchRegex($@"(?m)^\s*ModuleVersion\s*=\s*'{System.Text.RegularExpressions.Regex.Escape(Installed.Version.Split('-', '+')[0])}'");
    }

    /// <summary>Whether an assembly holds ReadyToRun native code (a managed native header), not IL alone.</summary>
    private static bool IsReadyToRun(ZipArchive package, string path)
    {
        using var stream = new MemoryStream();
        using (var entry = (package.GetEntry(path) ?? throw new AssertionException($"{path} is not in the package")).Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Read(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path) ?? throw new AssertionException($"{path} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static HashSet<string> PublicTypes(ZipArchive package, string path)
    {
        using var stream = new MemoryStream();
        using (var entry = (package.GetEntry(path) ?? throw new AssertionException($"{path} is not in the package")).Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            if (IsVisible(md, handle))
            {
                types.Add(Name(md, handle));
            }
        }

        return types;
    }

    private static bool IsVisible(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        return (type.Attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => IsVisible(md, type.GetDeclaringType()),
            _ => false,
        };
    }

    private static string Name(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var outer = type.GetDeclaringType();
        if (!outer.IsNil)
        {
            return Name(md, outer) + "." + name;
        }

        var space = md.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
