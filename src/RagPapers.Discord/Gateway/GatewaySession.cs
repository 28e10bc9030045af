namespace RagPapers.Discord.Gateway;

/// <summary>
/// What a resume needs and outlives a connection: the session id and resume URL from READY, and the sequence
/// number of the last dispatch received. Also who the bot is, for telling which messages mention it.
/// </summary>
internal sealed class GatewaySession
{
    private readonly Lock _gate = new();
    private long? _sequence;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private GatewayUser? _user;

    public long? Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The bot's own user, once a READY has arrived.</summary>
    public GatewayUser? User
    {
        get
        {
            lock (_gate)
            {
                return _user;
            }
        }
    }

    /// <summary>The session to resume, or null when the next connection must identify.</summary>
    public (string SessionId, Uri Url, long Sequence)? Resumable
    {
        get
        {
            lock (_gate)
            {
                return _sessionId is { } id && _resumeUrl is { } url && _sequence is { } seq ? (id, url, seq) : null;
            }
        }
    }

    public void Observe(long? sequence)
    {
        if (sequence is { } s)
        {
            lock (_gate)
            {
                _sequence = s;
            }
        }
    }

    public void Start(ReadyData ready)
    {
        lock (_gate)
        {
            _sessionId = ready.SessionId;
            _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var url) ? url : null;
            _user = ready.User;
        }
    }

    /// <summary>Forgets the session (the user stays known): the next connection identifies.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
