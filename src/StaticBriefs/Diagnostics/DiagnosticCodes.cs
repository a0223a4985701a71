namespace StaticBriefs.Diagnostics;

/// <summary>The stable codes of every diagnostic StaticBriefs reports.</summary>
public static class DiagnosticCodes
{
    /// <summary>Front matter is not valid YAML.</summary>
    public const string BadYaml = "SB001";
    /// <summary>A required front matter key is missing.</summary>
    public const string MissingKey = "SB002";
    /// <summary>A date could not be read.</summary>
    public const string BadDate = "SB003";
    /// <summary>A value has the wrong shape (a list where a string belongs, ...).</summary>
    public const string WrongType = "SB004";
    /// <summary>Two documents want the same URL.</summary>
    public const string DuplicateSlug = "SB005";
    /// <summary>A link points at a brief or page that does not exist.</summary>
    public const string BrokenLink = "SB006";
    /// <summary>A front matter key is unknown but close to a known one.</summary>
    public const string UnknownKey = "SB007";
    /// <summary>The site settings file is wrong.</summary>
    public const string BadSettings = "SB008";
    /// <summary>A template failed to parse or render.</summary>
    public const string TemplateError = "SB009";
    /// <summary>The front matter block is not closed.</summary>
    public const string UnclosedFrontMatter = "SB010";
    /// <summary>A data file (companies, people, topics) is wrong.</summary>
    public const string BadData = "SB011";
    /// <summary>A tag matches no known entity.</summary>
    public const string UnknownEntity = "SB012";
    /// <summary>The same term is used as two kinds of entity.</summary>
    public const string TermKindClash = "SB013";
    /// <summary>A file could not be read or written.</summary>
    public const string IoError = "SB014";
    /// <summary>Template syntax from another generator (Liquid, Nunjucks, a Hugo shortcode) is left in a body.</summary>
    public const string TemplateSyntax = "SB060";
    /// <summary>A shortcode StaticBriefs has a built-in equivalent for is missing what it needs (a figure's src, a video id).</summary>
    public const string BadShortcode = "SB061";
}
