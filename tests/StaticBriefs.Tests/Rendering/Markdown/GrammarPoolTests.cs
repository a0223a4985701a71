using StaticBriefs.Rendering.Markdown.Highlighting;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>One language's grammar sets: lent one worker at a time, waited for while busy, one more made once the waiting adds up.</summary>
public sealed class GrammarPoolTests
{
    private static readonly SyntaxHighlighter Highlighter = new();

    private static GrammarSet NewSet() => Highlighter.NewGrammarSet();

    [Fact]
    public void A_set_given_back_is_lent_again_and_no_other_is_made()
    {
        var pool = new GrammarPool(TimeSpan.Zero);
        var first = pool.Take(NewSet);
        pool.Return(first);

        Assert.Same(first, pool.Take(NewSet));
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task A_worker_waits_for_the_busy_set_rather_than_making_its_own()
    {
        var pool = new GrammarPool(TimeSpan.FromSeconds(30));
        var busy = pool.Take(NewSet);

        var waiting = Task.Run(() => pool.Take(NewSet));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        pool.Return(busy);

        Assert.Same(busy, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task The_pool_grows_by_a_set_once_its_workers_have_waited_long_enough_between_them()
    {
        var pool = new GrammarPool(TimeSpan.FromSeconds(1));
        var busy = pool.Take(NewSet);
        var waiting = Task.Run(() => pool.Take(NewSet));
        await Task.Delay(100);
        pool.Return(busy);
        busy = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, pool.Created);

        // The set is busy again: this worker waits out what is left of the second and then makes its own.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var own = pool.Take(NewSet);

        Assert.NotSame(busy, own);
        Assert.Equal(2, pool.Created);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        pool.Return(own);
        pool.Return(busy);
        var lent = new[] { pool.Take(NewSet), pool.Take(NewSet) };
        Assert.Equal(2, pool.Created);
        Assert.Contains(busy, lent);
        Assert.Contains(own, lent);
    }
}
