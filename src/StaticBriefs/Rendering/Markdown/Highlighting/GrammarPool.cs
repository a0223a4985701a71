using System.Diagnostics;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// The grammar sets that highlight one language, lent to one worker at a time. Compiling a grammar's rules is most of
/// what highlighting costs on a site with a few hundred code blocks (the OpenTelemetry blog's languages: about 400 ms
/// to compile, 330 ms to tokenize every line), and Onigwrap compiles one regular expression at a time for the whole
/// process, so workers that each compiled every language paid for it twice and waited on each other while doing so.
/// Here a worker that finds the language's sets busy waits for one (a block takes about a millisecond), and the pool
/// makes another set only once its workers have waited <paramref name="growAfter"/> between them since it last grew:
/// a language met now and then is compiled once, one that most blocks are in gets a set a worker soon enough. Which set
/// highlights a block never changes its HTML.
/// </summary>
/// <param name="growAfter">How much waiting, added up over the workers, makes the pool grow by a set.</param>
internal sealed class GrammarPool(TimeSpan growAfter)
{
    /// <summary>The waiting after which a language's pool grows (well under what compiling a grammar takes).</summary>
    public static readonly TimeSpan DefaultGrowAfter = TimeSpan.FromMilliseconds(20);

    private readonly Stack<GrammarSet> _idle = new();
    // Guards the fields below; Monitor.Wait on it is how a worker waits for a set to come back.
    private readonly object _gate = new();
    private int _created;
    private TimeSpan _waited;

    /// <summary>How many sets this pool has made.</summary>
    public int Created
    {
        get
        {
            lock (_gate) return _created;
        }
    }

    /// <summary>
    /// An idle set; else a new one when the pool has none yet or its workers have waited long enough; else the first
    /// set given back before they have. Give it back with <see cref="Return"/>.
    /// </summary>
    public GrammarSet Take(Func<GrammarSet> create)
    {
        lock (_gate)
        {
            if (_idle.TryPop(out var idle)) return idle;
            if (_created > 0 && Wait(out idle)) return idle;
            _created++;
            _waited = TimeSpan.Zero;
        }
        return create();
    }

    /// <summary>Waits (holding <see cref="_gate"/>) for a set while the pool's waiting stays under its limit.</summary>
    private bool Wait(out GrammarSet set)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            for (var left = growAfter - _waited; left > TimeSpan.Zero && Monitor.Wait(_gate, left); left = growAfter - _waited - clock.Elapsed)
                if (_idle.TryPop(out set!)) return true;
            set = null!;
            return false;
        }
        finally
        {
            _waited += clock.Elapsed;
        }
    }

    /// <summary>Gives a set back for the next worker.</summary>
    public void Return(GrammarSet set)
    {
        lock (_gate)
        {
            _idle.Push(set);
            Monitor.Pulse(_gate);
        }
    }
}
