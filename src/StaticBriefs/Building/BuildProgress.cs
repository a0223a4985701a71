namespace StaticBriefs.Building;

/// <summary>
/// What a running build is doing, for a progress display: the build writes it, any thread may read it. It never
/// changes what the build does.
/// </summary>
public sealed class BuildProgress
{
    private volatile string _stage = "starting";
    private volatile Func<long>? _files;
    private int _briefs;

    /// <summary>The stage running now (load, model, render briefs, ...).</summary>
    public string Stage => _stage;

    /// <summary>Briefs to publish, once the model is assembled (0 before).</summary>
    public int Briefs => Volatile.Read(ref _briefs);

    /// <summary>Files written to the staging folder so far.</summary>
    public long Files => _files?.Invoke() ?? 0;

    /// <summary>Called with each stage when it finishes, on the build's thread.</summary>
    public event Action<Diagnostics.StageTiming>? StageFinished;

    internal void Enter(string stage) => _stage = stage;

    internal void Finished(Diagnostics.StageTiming timing) => StageFinished?.Invoke(timing);

    internal void Publishing(int briefs) => Volatile.Write(ref _briefs, briefs);

    internal void CountFiles(Func<long> files) => _files = files;
}
