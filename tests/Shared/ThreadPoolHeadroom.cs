using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace StaticBriefs.Tests.Shared;

/// <summary>
/// Gives the test process thread-pool headroom before any test runs (compiled into each test project). xunit runs test classes side by side,
/// and synchronous site builds fill the pool's few threads on a 2-core machine; without headroom the
/// in-process HTTP servers' callbacks queue behind them until the pool slowly grows, and requests time out.
/// </summary>
internal static class ThreadPoolHeadroom
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Test assembly: the setting must precede every test.")]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
