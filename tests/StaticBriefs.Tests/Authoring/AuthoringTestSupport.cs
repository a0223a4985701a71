using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Authoring;

/// <summary>Reads written briefs back through the generator's own loader, and finds the shared seed texts.</summary>
internal static class AuthoringTestSupport
{
    /// <summary><c>shared/seeds/</c> beside the repository (the repository root's parent holds <c>shared/</c>).</summary>
    public static string Seed(string name)
    {
        var path = Path.Combine(Directory.GetParent(RepoPaths.Root)!.FullName, "shared", "seeds", name);
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
