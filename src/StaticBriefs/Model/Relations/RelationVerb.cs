namespace StaticBriefs.Model.Relations;

/// <summary>The events a relation can record between two entities.</summary>
public enum RelationVerb
{
    /// <summary>A person joins a company.</summary>
    Joins,
    /// <summary>A person leaves a company.</summary>
    Leaves,
    /// <summary>A person (or company) founds a company.</summary>
    Founds,
    /// <summary>A company (or person) invests in a company.</summary>
    InvestsIn,
    /// <summary>A company acquires a company.</summary>
    Acquires,
    /// <summary>A company partners with a company.</summary>
    PartnersWith,
    /// <summary>A company (or person) releases a product or model, named by a topic or in plain words.</summary>
    Releases,
}
