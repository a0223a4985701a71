namespace StaticBriefs.Output;

/// <summary>
/// A sink with somewhere to put bytes that are not output: the build's work folder (beside the output folder, or inside
/// it; see <see cref="WorkFolder"/>), which goes when the build ends.
/// </summary>
internal interface IScratchSink
{
    /// <summary>A path for a new scratch file whose name starts with <paramref name="name"/>.</summary>
    string ScratchFile(string name);

    /// <summary>Bytes a writer may hold in memory before it puts the rest in a scratch file.</summary>
    long HoldInMemory => 32L * 1024 * 1024;
}
