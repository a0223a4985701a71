namespace StaticBriefs.Output;

/// <summary>How a build or preview wants its output folder: where it is, what it must stay clear of, and the owner's choices.</summary>
/// <param name="Directory">The output folder as given (messages name it so).</param>
/// <param name="Guarded">The folders it must not be, contain or lie inside.</param>
internal sealed record OutputRequest(string Directory, GuardedFolders Guarded)
{
    /// <summary>Build into a non-empty folder that holds no StaticBriefs manifest, keeping its files (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Also remove files StaticBriefs did not write, except folders whose names start with '.' (<c>--clean-output</c>).</summary>
    public bool CleanOutput { get; init; }

    /// <summary>How long to wait for another build or preview that holds the folder.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called once when the lock is held by someone else and the open starts waiting.</summary>
    public Action? OnWait { get; init; }

    /// <summary>Keep a <see cref="CommitGate"/> so a server reading the folder never sees a commit half done (preview).</summary>
    public bool WithGate { get; init; }
}
