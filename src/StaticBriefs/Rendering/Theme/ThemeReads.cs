using Scriban;
using Scriban.Syntax;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Whether a theme's templates can read a member of the <c>site</c> object, told from the syntax of every file under
/// <c>layouts/</c> (any of them may be included). Only <c>site.&lt;member&gt;</c> written out is told apart: any other
/// use of <c>site</c> (passed on, indexed, <c>with site</c>, assigned), any <c>this</c>, text run as a template
/// (<c>object.eval</c>), and a file that does not read or parse count as reading every member. An edit that changes only a member no template shows then keeps its partial
/// rebuild: <c>site.year</c>, the newest brief's year, moves when the day's brief is the first of a new year, and the
/// built-in theme does not print it.
/// </summary>
internal static class ThemeReads
{
    /// <summary>True when some template of <paramref name="theme"/> may read <c>site.<paramref name="member"/></c>.</summary>
    public static bool SiteMember(ThemeFiles theme, string member)
    {
        ArgumentNullException.ThrowIfNull(theme);
        foreach (var path in theme.List("layouts"))
        {
            if (theme.Resolve(path) is not { } file || file.ReadText(new DiagnosticBag()) is not { } text || SiteMember(text, member)) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="text"/>, one template, may read <c>site.<paramref name="member"/></c>.</summary>
    internal static bool SiteMember(string text, string member)
    {
        var template = Template.Parse(text);
        return template.HasErrors || template.Page is null || Reads(template.Page, member, 0);
    }

    // Deeper than any template a person writes; past it the walk gives up and counts the member as read.
    private const int MaxDepth = 256;

    private static bool Reads(ScriptNode node, string member, int depth)
    {
        if (depth > MaxDepth) return true;
        switch (node)
        {
            case ScriptMemberExpression { Target: ScriptVariable { Name: "site" }, Member: var name }:
                return NameOf(name) is not { } read || read == member;
            // object.eval and object.eval_template run text as a template: what it reads cannot be seen here.
            case ScriptMemberExpression { Member: var name } when NameOf(name) is "eval" or "eval_template":
                return true;
            case ScriptMemberExpression { Target: var target }:
                // The member is a name (source.site is not the site object): only the target is read.
                return target is not null && Reads(target, member, depth + 1);
            case ScriptVariable { Name: "site" } or ScriptThisExpression:
                return true;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child && Reads(child, member, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>The member's name when it is written out; null for anything computed.</summary>
    private static string? NameOf(ScriptNode? member) => member is ScriptVariable variable ? variable.Name : null;
}
