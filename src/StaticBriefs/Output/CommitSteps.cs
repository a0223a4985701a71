using System.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// TEST-ONLY hooks at the named steps of a commit, so tests can kill a real build process in the middle of one and
/// check what the next run finds. Nothing sets these variables outside the tests:
/// <c>STATICBRIEFS_TEST_CRASH_AT=step</c> or <c>step:N</c> kills the process with SIGKILL (as <c>kill -9</c>) when the
/// commit reaches that step (the N-th time); <c>STATICBRIEFS_TEST_PAUSE_AT=step</c> waits there until the file named
/// by <c>STATICBRIEFS_TEST_PAUSE_UNTIL</c> exists (to hold a commit open while a second build starts).
/// </summary>
internal static class CommitSteps
{
    private static readonly string? CrashAt = Environment.GetEnvironmentVariable("STATICBRIEFS_TEST_CRASH_AT");
    private static readonly string? PauseAt = Environment.GetEnvironmentVariable("STATICBRIEFS_TEST_PAUSE_AT");
    private static readonly string? PauseUntil = Environment.GetEnvironmentVariable("STATICBRIEFS_TEST_PAUSE_UNTIL");

    /// <summary>Marks that the commit reached <paramref name="step"/> for the <paramref name="count"/>-th time.</summary>
    public static void Reached(string step, int count = 0)
    {
        if (CrashAt is null && PauseAt is null) return;
        if (Matches(CrashAt, step, count))
        {
            Console.Error.WriteLine($"test hook: killed at {step}:{count}");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
        if (Matches(PauseAt, step, count) && PauseUntil is not null)
        {
            Console.Error.WriteLine($"test hook: paused at {step}");
            Console.Error.Flush();
            while (!File.Exists(PauseUntil)) Thread.Sleep(20);
        }
    }

    private static bool Matches(string? wanted, string step, int count) =>
        wanted is not null && (wanted == step || wanted == step + ":" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
