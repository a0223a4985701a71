using NUglify;
using NUglify.Html;

namespace StaticBriefs.Output;

/// <summary>Minifies HTML, CSS and JS with NUglify; returns the input unchanged when minification is off or fails.</summary>
public sealed class Minifier(bool enabled)
{
    // Conservative settings: keep optional tags and attribute quotes so the output stays valid, readable HTML
    // that the W3C validator accepts, and keep inline JSON-LD untouched.
    private static readonly HtmlSettings Html = new()
    {
        RemoveOptionalTags = false,
        RemoveAttributeQuotes = false,
        DecodeEntityCharacters = false,
        RemoveScriptStyleTypeAttribute = false,
        MinifyJs = false,
        MinifyCss = true,
        KeepOneSpaceWhenCollapsing = true,
        RemoveComments = true,
        ShortBooleanAttribute = false,
        IsFragmentOnly = false,
    };

    /// <summary>Whether minification is on.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Minifies a file by its extension (.html, .css, .js); other files pass through.</summary>
    public string Minify(string relativePath, string content)
    {
        if (!Enabled) return content;
        var extension = Path.GetExtension(relativePath);
        UglifyResult result;
        switch (extension)
        {
            case ".html": result = Uglify.Html(content, Html); break;
            case ".css": result = Uglify.Css(content); break;
            case ".js": result = Uglify.Js(content); break;
            default: return content;
        }
        return result.HasErrors || result.Code is null ? content : result.Code;
    }
}
