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
    /// <summary>The output folder is, contains or lies inside a folder the build must not replace (input, theme, cache, home...).</summary>
    public const string OutputOverlaps = "SB020";
    /// <summary>The output folder holds files StaticBriefs did not write and no manifest of its own (see README "Output folder").</summary>
    public const string OutputNotOwned = "SB021";
    /// <summary>Another build or preview is writing the same output folder.</summary>
    public const string OutputLocked = "SB022";
    /// <summary>Writing or committing the output failed (disk full, permission denied, path too long); the old output is kept.</summary>
    public const string OutputWriteFailed = "SB023";
    /// <summary>A commit interrupted by a crash was finished before this build started.</summary>
    public const string OutputRecovered = "SB024";
    /// <summary>A file StaticBriefs did not write was replaced, because the build writes that path.</summary>
    public const string ForeignFileReplaced = "SB025";
}
