using System.Diagnostics;
using System.Text;

namespace StaticBriefs.Tests.Support;

/// <summary>
/// The StaticBriefs command run as a real process (<c>dotnet StaticBriefs.dll ...</c>), for what only a process can
/// show: a build killed with SIGKILL, two builds at once, the working folder and the environment it runs in.
/// </summary>
internal sealed class StaticBriefsProcess : IDisposable
{
    /// <summary>Generous: the machine is shared, and a failing wait is a failure, not a measurement.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private StaticBriefsProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The StaticBriefs build the tests run, next to the test assembly.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "StaticBriefs.dll");

    public string Stdout
    {
        get { lock (_gate) return _stdout.ToString(); }
    }

    public string Stderr
    {
        get { lock (_gate) return _stderr.ToString(); }
    }

    /// <summary>Starts <c>dotnet StaticBriefs.dll</c> with <paramref name="arguments"/>.</summary>
    public static StaticBriefsProcess Start(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = Info("dotnet", environment, workingDirectory);
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new StaticBriefsProcess(start);
    }

    /// <summary>Runs a bash script (where <c>$SB</c> is the command) in a private mount namespace (<c>unshare -m</c>), as root.</summary>
    public static StaticBriefsProcess StartInMountNamespace(string script)
    {
        var start = Info("unshare", new Dictionary<string, string> { ["SB"] = "dotnet " + Dll }, null);
        foreach (var argument in (string[])["-m", "bash", "-euc", script]) start.ArgumentList.Add(argument);
        return new StaticBriefsProcess(start);
    }

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var process = Start(arguments, environment, workingDirectory);
        var code = process.WaitForExit();
        return (code, process.Stdout, process.Stderr);
    }

    /// <summary>Waits for the process to end; its exit code (137 when it was killed by SIGKILL).</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(Patience))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the process did not end within {Patience}:\n{this}");
        }
        _process.WaitForExit(); // flushes the output events
        return _process.ExitCode;
    }

    /// <summary>Waits until standard error contains <paramref name="text"/> (or the process ends, which fails).</summary>
    public void WaitForStderr(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"the process ended before printing '{text}':\n{this}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no '{text}' within {Patience}:\n{this}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Kills the process as <c>kill -9</c> does.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public override string ToString() => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(StringBuilder text, string? line)
    {
        if (line is null) return;
        lock (_gate) text.Append(line).Append('\n');
    }

    private static ProcessStartInfo Info(string program, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }
}
