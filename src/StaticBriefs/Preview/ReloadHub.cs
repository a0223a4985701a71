using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace StaticBriefs.Preview;

/// <summary>
/// Fans reload and error events out to every open event stream. Each subscriber gets a small
/// bounded queue that drops its oldest frames: a stalled tab costs at most a few frames, and
/// the frames kept are the newest, which is the state that matters.
/// </summary>
internal sealed class ReloadHub : IDisposable
{
    public const int MaxSubscribers = 256;
    private const int QueueLength = 8;

    private static readonly byte[] ReloadFrame = Encoding.UTF8.GetBytes("event: reload\ndata: reload\n\n");

    // Idle streams get a comment now and then so dead sockets are noticed and proxies keep them open.
    private static readonly byte[] PingFrame = Encoding.UTF8.GetBytes(": ping\n\n");

    private readonly Lock _gate = new();
    private readonly HashSet<Channel<byte[]>> _subscribers = [];
    private readonly Timer _heartbeat;
    private byte[]? _errorFrame;
    private bool _completed;

    public ReloadHub(TimeSpan heartbeat)
    {
        _heartbeat = new Timer(_ => Broadcast(PingFrame), null, heartbeat, heartbeat);
    }

    /// <summary>Opening frames for a new stream: reconnect delay, then the current error if any.</summary>
    public byte[] Greeting()
    {
        var error = Volatile.Read(ref _errorFrame);
        var hello = Encoding.UTF8.GetBytes("retry: 1000\n: connected\n\n");
        return error is null ? hello : [.. hello, .. error];
    }

    /// <summary>Registers a stream; null when the hub is full or shutting down.</summary>
    public ChannelReader<byte[]>? Subscribe(out Channel<byte[]> handle)
    {
        handle = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_completed || _subscribers.Count >= MaxSubscribers)
            {
                return null;
            }

            _subscribers.Add(handle);
        }

        return handle.Reader;
    }

    public void Unsubscribe(Channel<byte[]> handle)
    {
        lock (_gate)
        {
            _subscribers.Remove(handle);
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void NotifyReload() => Broadcast(ReloadFrame);

    public void ShowError(string? message)
    {
        var frame = message is null ? null : ErrorFrame(message);
        Volatile.Write(ref _errorFrame, frame);
        Broadcast(frame ?? ErrorFrame(null));
    }

    /// <summary>Ends every stream so the server can stop without waiting for open tabs.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        Complete();
    }

    // JSON rather than raw "data:" lines: an SSE event with empty data is never dispatched, so
    // "clear the overlay" needs a non-empty payload, and JSON carries multi-line text unambiguously.
    private static byte[] ErrorFrame(string? message) =>
        Encoding.UTF8.GetBytes("event: error\ndata: " + JsonSerializer.Serialize(new ErrorPayload(message), PreviewJsonContext.Default.ErrorPayload) + "\n\n");

    private void Broadcast(byte[] frame)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(frame);
            }
        }
    }
}
