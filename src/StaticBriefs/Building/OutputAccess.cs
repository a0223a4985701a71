using StaticBriefs.Diagnostics;
using StaticBriefs.Output;

namespace StaticBriefs.Building;

/// <summary>Opens a build's output folder (guard, lock, recovery, ownership) from its options.</summary>
internal static class OutputAccess
{
    /// <summary>The output folder, or null with the reason in <paramref name="diagnostics"/> (<paramref name="refused"/>: exit 2).</summary>
    public static OutputFolder? Open(BuildOptions options, TextWriter? notices, DiagnosticBag diagnostics, out bool refused, bool withGate = false) =>
        OutputFolder.Open(Request(options, notices, withGate), diagnostics, out refused);

    private static OutputRequest Request(BuildOptions options, TextWriter? notices, bool withGate)
    {
        var cache = options.Cache?.Directory ?? options.CacheDirectory ?? Incremental.BuildCache.DefaultDirectory(options.InputDirectory);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var guarded = new GuardedFolders(
            options.InputDirectory, options.ThemeDirectory, cache, options.SettingsFile, Directory.GetCurrentDirectory(), home);
        return new OutputRequest(options.OutputDirectory, guarded)
        {
            Force = options.Force,
            CleanOutput = options.CleanOutput,
            LockTimeout = options.LockTimeout,
            WithGate = withGate,
            OnWait = notices is null ? null : () =>
            {
                notices.WriteLine($"{options.OutputDirectory}: waiting for another StaticBriefs build or preview writing this folder to finish (up to {options.LockTimeout.TotalSeconds:F0} s)...");
                notices.Flush();
            },
        };
    }
}
