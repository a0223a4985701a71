using StaticBriefs.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>A file split into its YAML front matter (as nodes with line numbers) and its markdown body.</summary>
/// <param name="Mapping">The front matter mapping, or an empty mapping when the file has none.</param>
/// <param name="YamlFirstLine">File line of the first YAML line, used to turn YAML lines into file lines.</param>
/// <param name="Body">The markdown after the closing <c>---</c>.</param>
/// <param name="BodyFirstLine">File line where the body starts.</param>
public sealed record FrontMatterBlock(YamlMappingNode Mapping, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>The file line of a node inside the front matter.</summary>
    public int FileLine(YamlNode node) => YamlFirstLine + YamlNodes.LineOf(node) - 1;

    /// <summary>The 1-based column of a node (the YAML text starts at column 1 of its lines).</summary>
    public int FileColumn(YamlNode node) => (int)Math.Max(1, node.Start.Column);
}
