namespace StaticBriefs.Output;

/// <summary>Where stages put generated files: a staging folder that becomes <c>output/</c> only if the whole build succeeds.</summary>
public interface IOutputSink
{
    /// <summary>Writes a text file (UTF-8, no BOM) at a site-relative path such as <c>briefs/x/index.html</c>. Thread-safe.</summary>
    void WriteText(string relativePath, string content);

    /// <summary>
    /// Writes a text file from a builder, as <see cref="WriteText(string, string)"/> writes its text. A sink that can
    /// encode the builder's chunks itself spares a string of the whole file. Thread-safe.
    /// </summary>
    void WriteText(string relativePath, System.Text.StringBuilder content) => WriteText(relativePath, content.ToString());

    /// <summary>Writes bytes at a site-relative path. Thread-safe.</summary>
    void WriteBytes(string relativePath, ReadOnlySpan<byte> content);
}
