using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading.Yaml;

/// <summary>Helpers to turn YamlDotNet nodes into plain .NET values that templates can read.</summary>
internal static class YamlNodes
{
    /// <summary>
    /// Converts a node to string, list or dictionary values (recursively); scalars stay strings, except true/false.
    /// Recursion is safe: nodes come from <see cref="LimitedParser"/>, so no cycle and at most
    /// <see cref="YamlLimits.MaxDepth"/> levels and <see cref="YamlLimits.MaxAliasExpansion"/> values from aliases.
    /// </summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ScalarToPlain(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlMappingNode mapping => ToDictionary(mapping),
        _ => null,
    };

    private static Dictionary<string, object?> ToDictionary(YamlMappingNode mapping)
    {
        // LimitedParser lets only text keys through; an indexer (not ToDictionary) keeps a repeated key from throwing.
        var result = new Dictionary<string, object?>(mapping.Children.Count, StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children) result[(key as YamlScalarNode)?.Value ?? ""] = ToPlain(value);
        return result;
    }

    private static object? ScalarToPlain(YamlScalarNode scalar)
    {
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (scalar.Value is "true" or "True" or "yes") return true;
            if (scalar.Value is "false" or "False" or "no") return false;
            if (scalar.Value is null or "~" or "null" or "") return null;
        }
        return scalar.Value;
    }

    /// <summary>1-based line where a node starts, counting from the first line of the YAML text.</summary>
    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
