using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Authoring;

/// <summary>Reads written briefs back through the generator's own loader, and finds the seed texts kept in the fixtures.</summary>
internal static class AuthoringTestSupport
{
    /// <summary>A copy of the project's seed brief kept in the test fixtures, so the tests pass on a plain clone.</summary>
    public static string Seed(string name)
    {
        var path = Path.Combine(RepoPaths.SourceFixtures, "seeds", name);
        Assert.True(File.Exists(path), $"seed {path} is missing");
        return path;
    }

    /// <summary>Loads a written brief with <see cref="DocumentLoader"/>, failing the test on any diagnostic.</summary>
    public static SourceDocument LoadClean(string path)
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load(File.ReadAllText(path), "briefs/" + Path.GetFileName(path), bag);
        Assert.True(bag.Sorted().Count == 0, "loader reported:\n" + string.Join('\n', bag.Sorted()));
        Assert.NotNull(document);
        return document;
    }
}
