using System.Diagnostics;
using System.Globalization;

namespace StaticBriefs.Benchmarks;

/// <summary>One child process run under <c>/usr/bin/time</c>: wall time, peak RSS and its output.</summary>
/// <param name="Wall">Start to exit, as measured by this process.</param>
/// <param name="PeakRssMiB">Maximum resident set size reported by <c>/usr/bin/time -f "%e %M"</c>.</param>
/// <param name="Stdout">What the child printed.</param>
/// <param name="Stderr">Its errors.</param>
/// <param name="ExitCode">Its exit code.</param>
internal sealed record ChildRun(TimeSpan Wall, double PeakRssMiB, string Stdout, string Stderr, int ExitCode)
{
    private const string TimeTool = "/usr/bin/time";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; peak RSS comes from GNU time, as compare-hugo.py reads it.</summary>
    public static ChildRun Dotnet(IEnumerable<string> arguments)
    {
        if (!File.Exists(TimeTool)) throw new InvalidOperationException($"{TimeTool} is missing: apt-get install -y time");
        var log = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(TimeTool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["-f", "%e %M", "-o", log, "dotnet", .. arguments]) start.ArgumentList.Add(argument);
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            // Both pipes are drained at once: a child blocked on a full stderr pipe would never exit.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var wall = watch.Elapsed;
            var fields = File.ReadAllText(log).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            // GNU time prints "Command exited with non-zero status N" first when the child fails; the figures are last.
            var rssKiB = fields.Length >= 1 && double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var kib) ? kib : double.NaN;
            return new ChildRun(wall, rssKiB / 1024, stdout.Result, stderr.Result, process.ExitCode);
        }
        finally
        {
            File.Delete(log);
        }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
