namespace StaticBriefs.Diagnostics;

/// <summary>The stable codes of every diagnostic StaticBriefs reports.</summary>
public static class DiagnosticCodes
{
    /// <summary>Front matter cannot be read (YAML, TOML or JSON that is not valid).</summary>
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

    // SB030-SB049: input that is read, never trusted (issue 11).

    /// <summary>A symbolic link points outside the input (or theme) folder: skipped, never followed.</summary>
    public const string LinkOutside = "SB030";
    /// <summary>A named pipe, socket or device: skipped, never opened.</summary>
    public const string SpecialFile = "SB031";
    /// <summary>A symbolic link to a folder that contains it (a loop), or a tree that never ends.</summary>
    public const string LinkLoop = "SB032";
    /// <summary>A symbolic link whose target does not exist or cannot be resolved.</summary>
    public const string BrokenFileLink = "SB033";
    /// <summary>A text file is not valid UTF-8 (or UTF-16/32 with a byte order mark).</summary>
    public const string InvalidEncoding = "SB034";
    /// <summary>A file or folder name is not valid UTF-8.</summary>
    public const string BadFileName = "SB035";
    /// <summary>A path is longer, or folders nest deeper, than the system or StaticBriefs allows.</summary>
    public const string PathTooLong = "SB036";
    /// <summary>YAML beyond the limits: an alias to itself, an alias bomb, nesting too deep, a document too big.</summary>
    public const string YamlLimit = "SB037";
    /// <summary>A YAML key that is not plain text (a list or mapping used as a key), or a key written twice.</summary>
    public const string YamlKey = "SB038";
    /// <summary>Markdown nested too deeply to render.</summary>
    public const string MarkdownTooDeep = "SB039";
    /// <summary>A cap was applied (tags per brief, chips per card, slug length) so one file cannot multiply the output.</summary>
    public const string CapApplied = "SB040";
    /// <summary>Two sources want the same output file (a page, static file or brief over a generated one).</summary>
    public const string OutputCollision = "SB041";
    /// <summary>Two entities claim one name or alias, or one entity is defined twice.</summary>
    public const string EntityClash = "SB042";
    /// <summary>A URL with a scheme other than http, https or mailto was dropped.</summary>
    public const string UnsafeUrl = "SB043";
    /// <summary>A file given to <c>import</c> is too big or not text.</summary>
    public const string ImportRefused = "SB044";
    /// <summary>A text file the site is made from is larger than StaticBriefs reads.</summary>
    public const string FileTooLarge = "SB045";
    /// <summary>A front matter value held control characters (NUL, escape ...), which HTML cannot carry: removed.</summary>
    public const string ControlCharacter = "SB046";
    /// <summary>Template syntax from another generator (Liquid, Nunjucks, a Hugo shortcode) is left in a body.</summary>
    public const string TemplateSyntax = "SB060";
    /// <summary>A shortcode StaticBriefs has a built-in equivalent for is missing what it needs (a figure's src, a video id).</summary>
    public const string BadShortcode = "SB061";

    // SB090-SB099: URLs and links (issue 17).

    /// <summary>A permalink pattern (<c>_site.yml</c> <c>permalinks:</c>) or a file's own <c>permalink:</c>/<c>url:</c> is not a valid site path.</summary>
    public const string BadPermalink = "SB090";
    /// <summary>An old URL in <c>aliases:</c> or <c>redirect_from:</c> is not a path on this site.</summary>
    public const string BadRedirect = "SB091";
    /// <summary>A redirect's old URL is also a page, a file or another redirect.</summary>
    public const string RedirectClash = "SB092";
    /// <summary>Raw HTML in a body was left out (allow_html is off); reported once per file.</summary>
    public const string RawHtmlOmitted = "SB093";
    // SB080-SB089: reading other generators' documents (issue 17).

    /// <summary>A <c>layout:</c> value StaticBriefs does not know (reported once per value for the whole site).</summary>
    public const string UnknownLayout = "SB080";
    /// <summary>A front matter key holding a list is used by nothing (reported once per key for the whole site).</summary>
    public const string UnusedList = "SB081";
    /// <summary>A front matter key is written twice: the last value is used, as Jekyll and Hugo do.</summary>
    public const string DuplicateKey = "SB082";
    /// <summary>Files of other generators that are neither read nor published (section files, Eleventy data files).</summary>
    public const string NotRead = "SB083";
    /// <summary>A date written in an odd way that was still read (a year written twice).</summary>
    public const string OddDate = "SB084";
    /// <summary>A draft without a date: it stays out of the site, even with --drafts, until it has one.</summary>
    public const string UndatedDraft = "SB085";

    // SB100-SB109: the reader's theme (issue 13).

    /// <summary>The site has no <c>base_url</c>: the sitemap, feeds and social cards point to http://localhost/.</summary>
    public const string NoBaseUrl = "SB100";
    /// <summary>Briefs dated after the build's clock were left out (one summary line).</summary>
    public const string FutureBriefsSkipped = "SB101";
    /// <summary>A social card image could not be drawn (its font is missing or unreadable).</summary>
    public const string SocialImage = "SB102";

    // SB110-SB119: relations between entities (issue 15).

    /// <summary>A relation names someone or something that is neither in the entity data nor among the brief's tags.</summary>
    public const string UnknownRelationName = "SB110";
    /// <summary>A relation's verb is not one of the documented verbs.</summary>
    public const string UnknownRelationVerb = "SB111";
    /// <summary>A relation pairs kinds that cannot go together (a company joins a person, a person acquires a company).</summary>
    public const string ImpossibleRelation = "SB112";
    /// <summary>A relation's or an affiliation's date is not a date.</summary>
    public const string BadRelationDate = "SB113";
    /// <summary>A relation is not written as a set of keys, lacks subject, verb or object, or has a key of the wrong shape.</summary>
    public const string BadRelation = "SB114";
}
