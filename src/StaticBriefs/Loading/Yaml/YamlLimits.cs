namespace StaticBriefs.Loading.Yaml;

/// <summary>
/// How much YAML StaticBriefs reads. Front matter and data files are small; these bounds only stop input built to
/// exhaust the build: an alias to the node that contains it (a cycle), an alias bomb (each level repeating the one
/// before, 366 bytes becoming billions of nodes), and nesting deep enough to overflow the recursive readers.
/// </summary>
public static class YamlLimits
{
    /// <summary>Deepest nesting of lists and mappings, counted after aliases are expanded.</summary>
    public const int MaxDepth = 32;

    /// <summary>Nodes that aliases may add when expanded, over a whole file.</summary>
    public const long MaxAliasExpansion = 100_000;
}
