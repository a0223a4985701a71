using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Hostile;

/// <summary>
/// A site in a temp folder for one hostile case: a good input, a copy of the theme, an <c>outside/</c> folder (the
/// files a link might try to reach), and <c>output/</c> filled by a previous good build. Helpers make what hostile
/// input is made of: links, pipes, sockets, devices, unreadable files, names that are not UTF-8, paths too long.
/// </summary>
internal sealed class HostileSite : IDisposable
{
    private static readonly Lazy<string> Template = new(BuildTemplate);

    private readonly List<System.Net.Sockets.Socket> _sockets = [];

    private HostileSite(string root)
    {
        Root = root;
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");
    public string Theme => Path.Combine(Root, "theme");
    public string Outside => Path.Combine(Root, "outside");

    /// <summary>A fresh copy of the good site, its output already built.</summary>
    public static HostileSite Create()
    {
        var site = new HostileSite(NewRoot());
        CopyTree(Template.Value, site.Root);
        return site;
    }

    /// <summary>Writes a text file under <c>input/</c> (UTF-8, '\n').</summary>
    public HostileSite Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));

    /// <summary>Writes bytes under <c>input/</c>.</summary>
    public HostileSite WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>A brief's text.</summary>
    public static string Brief(string frontMatter, string body = "Body text.") =>
        "---\n" + frontMatter.ReplaceLineEndings("\n").Trim('\n') + "\n---\n\n" + body + "\n";

    /// <summary>A symbolic link under <c>input/</c> with exactly this target text.</summary>
    public HostileSite Link(string relative, string target)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    /// <summary>A named pipe under <c>input/</c>: reading it would wait for a writer forever.</summary>
    public HostileSite Fifo(string relative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Input, relative))!);
        return Run("mkfifo", Path.Combine(Input, relative));
    }

    /// <summary>A character device (the null device) under <c>input/</c>.</summary>
    public HostileSite Device(string relative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Input, relative))!);
        return Run("mknod", Path.Combine(Input, relative), "c", "1", "3");
    }

    /// <summary>A Unix domain socket under <c>input/</c>, kept open (and so on disk) until the site is disposed.</summary>
    public HostileSite Socket(string relative)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var socket = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        _sockets.Add(socket);
        return this;
    }

    /// <summary>Removes every permission from a file or folder under <c>input/</c> (see <see cref="CliUnprivileged"/>).</summary>
    public HostileSite Lock(string relative)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("file modes are a Unix thing");
        File.SetUnixFileMode(Path.Combine(Input, relative), UnixFileMode.None);
        return this;
    }

    /// <summary>A file whose name holds the byte 0xFF (not UTF-8), made by the shell since .NET cannot spell it.</summary>
    public HostileSite BadlyNamedFile(string folder, string prefix, string suffix) =>
        Run("sh", "-c", $"mkdir -p '{Path.Combine(Input, folder)}' && printf 'x' > \"$(printf '{Path.Combine(Input, folder)}/{prefix}\\377{suffix}')\"");

    /// <summary>Folders nested under <c>input/folder</c> until the path is longer than the system allows, made with relative steps.</summary>
    public HostileSite DeepFolders(string folder, int levels)
    {
        var name = new string('d', 200);
        var script = new StringBuilder($"mkdir -p '{Path.Combine(Input, folder)}' && cd '{Path.Combine(Input, folder)}'");
        for (var i = 0; i < levels; i++) script.Append($" && mkdir {name} && cd {name}");
        script.Append(" && printf x > deep.txt");
        // bash, not sh: dash's cd refuses to enter a folder whose absolute path is past PATH_MAX.
        return Run("bash", "-c", script.ToString());
    }

    /// <summary>Every file and folder under the site (but the build cache), as lstat sees it: the "before" and "after".</summary>
    public TreeSnapshot Snapshot() => TreeSnapshot.Of(Root, exclude: ".staticbriefs");

    /// <summary>Runs <c>build</c> in-process, with this site's folders.</summary>
    public CliRun Cli(params string[] extra) => CliRun.Invoke(BuildArgs(extra));

    /// <summary>
    /// Runs <c>build</c> as a child process that cannot bypass file permissions. Tests run as root in CI, and root
    /// reads a file with mode 000 anyway; <c>setpriv</c> drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the
    /// child's bounding set, so the kernel refuses the read as it would for any user. Not root: no need.
    /// </summary>
    public CliRun CliUnprivileged(params string[] extra)
    {
        if (!Environment.IsPrivilegedProcess) return Cli(extra);
        var dll = Path.Combine(AppContext.BaseDirectory, "StaticBriefs.dll");
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo("setpriv", ["--bounding-set", "-dac_override,-dac_read_search", dotnet, dll, .. BuildArgs(extra)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("setpriv did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) process.Kill(entireProcessTree: true);
        return new CliRun(process.ExitCode, stdout.Result, stderr);
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket.Dispose();
        // Locked folders and paths longer than PATH_MAX defeat Directory.Delete; chmod and rm walk them relatively.
        try
        {
            Run("sh", "-c", $"chmod -R u+rwx '{Root}' 2>/dev/null; rm -rf '{Root}'");
        }
        catch (InvalidOperationException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private string[] BuildArgs(string[] extra) =>
        ["build", "--input", Input, "--output", Output, "--theme", Theme, "--no-minify", .. extra];

    private HostileSite Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error}");
        return this;
    }

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), "sb-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The good site, built once per test run; each case starts from a copy.</summary>
    private static string BuildTemplate()
    {
        var root = NewRoot();
        var site = new HostileSite(root);
        CopyTree(RepoPaths.Theme, site.Theme);
        Directory.CreateDirectory(site.Outside);
        File.WriteAllText(Path.Combine(site.Outside, "secret.txt"), "SECRET-OUTSIDE-THE-SITE\n");
        File.WriteAllText(Path.Combine(site.Outside, "companies.yml"), "- name: Outsider\n");
        site.Write("_site.yml", "title: Hostile\nbase_url: https://example.org/\n");
        site.Write("_data/companies.yml", "- name: OpenAI\n  aliases: [Open AI]\n- name: Anthropic\n  website: https://www.anthropic.com/\n");
        site.Write("briefs/2024/first.md", Brief("title: First\ndate: 2024-01-01\ncompanies: [OpenAI]"));
        site.Write("briefs/2024/second.md", Brief("title: Second\ndate: 2024-02-01\ncompanies: [Anthropic, OpenAI]", "See [first](/briefs/first/)."));
        site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nAbout us.\n");
        site.WriteBytes("images/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G']);
        var run = site.Cli();
        if (run.ExitCode != 0) throw new InvalidOperationException("the good site did not build:\n" + run);
        // The cache is the tool's own; each case starts without one, as a first build on a new machine would.
        Directory.Delete(Path.Combine(root, ".staticbriefs"), recursive: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
        return root;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
