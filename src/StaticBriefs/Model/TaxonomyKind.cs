namespace StaticBriefs.Model;

/// <summary>The three kinds of entity a brief can name.</summary>
public enum TaxonomyKind
{
    /// <summary>Companies and organisations: <c>/companies/</c>.</summary>
    Companies,
    /// <summary>People: <c>/people/</c>.</summary>
    People,
    /// <summary>Topics: <c>/topics/</c>.</summary>
    Topics,
}

/// <summary>Names of taxonomy kinds as they appear in URLs, front matter and templates.</summary>
public static class TaxonomyKinds
{
    /// <summary>All kinds in display order.</summary>
    public static readonly TaxonomyKind[] All = [TaxonomyKind.Companies, TaxonomyKind.People, TaxonomyKind.Topics];

    /// <summary>URL segment and front matter key: companies, people, topics.</summary>
    public static string Key(this TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Companies => "companies",
        TaxonomyKind.People => "people",
        _ => "topics",
    };

    /// <summary>Heading for the kind's index page.</summary>
    public static string Title(this TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Companies => "Companies",
        TaxonomyKind.People => "People",
        _ => "Topics",
    };

    /// <summary>Singular noun: company, person, topic.</summary>
    public static string Singular(this TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Companies => "company",
        TaxonomyKind.People => "person",
        _ => "topic",
    };
}
