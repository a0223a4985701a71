using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>Helpers to turn YamlDotNet nodes into plain .NET values that templates can read.</summary>
internal static class YamlNodes
{
    /// <summary>Converts a node to string, list or dictionary values (recursively); scalars stay strings, except true/false.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ScalarToPlain(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "",
            pair => ToPlain(pair.Value),
            StringComparer.Ordinal),
        _ => null,
    };

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
