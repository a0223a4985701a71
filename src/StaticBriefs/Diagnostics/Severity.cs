namespace StaticBriefs.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop the build from writing anything.</summary>
public enum Severity
{
    /// <summary>Reported, but the build still writes its output (unless strict).</summary>
    Warning,

    /// <summary>The build reports it and writes nothing.</summary>
    Error,
}
