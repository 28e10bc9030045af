using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// The Gateway stand-in's sessions and which connection is live: every event gets the session's next sequence
/// number and is kept, so a resume can replay what the client missed.
/// </summary>
internal sealed class StandInSessions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StandInSession> _sessions = new(StringComparer.Ordinal);
    private StandInSession? _newest;
    private StandInGatewayConnection? _live;

    public StandInGatewayConnection Live
    {
        get
        {
            lock (_gate)
            {
                return _live ?? throw new InvalidOperationException("no live Gateway connection");
            }
        }
    }

    /// <summary>A new connection is live (before it identifies it still takes op 7, op 9 and closes).</summary>
    public void Accept(StandInGatewayConnection connection)
    {
        lock (_gate)
        {
            _live = connection;
        }
    }

    public void Detach(StandInGatewayConnection connection)
    {
        lock (_gate)
        {
            if (_live == connection)
            {
                _live = null;
            }
        }
    }

    public StandInSession Start(StandInGatewayConnection connection)
    {
        lock (_gate)
        {
            var session = new StandInSession(Guid.NewGuid().ToString("N"));
            _sessions[session.Id] = session;
            _newest = session;
            connection.Session = session;
            _live = connection;
            return session;
        }
    }

    public StandInSession? Find(string? id)
    {
        lock (_gate)
        {
            return id is not null && _sessions.TryGetValue(id, out var session) ? session : null;
        }
    }

    /// <summary>Numbers and keeps an event of <paramref name="session"/> (the newest by default); says where to send it now, if anywhere.</summary>
    public (StandInGatewayConnection? Live, long Seq) Record(string name, JsonNode data, StandInSession? session = null)
    {
        lock (_gate)
        {
            session ??= _newest ?? throw new InvalidOperationException("no session yet: wait for READY first");
            var seq = ++session.Sequence;
            session.History.Add((seq, name, data.DeepClone()));
            return (_live?.Session == session ? _live : null, seq);
        }
    }

    /// <summary>Makes <paramref name="connection"/> the live one of <paramref name="session"/>; returns the events after <paramref name="seq"/>.</summary>
    public (long Seq, string Name, JsonNode Data)[] Resume(StandInGatewayConnection connection, StandInSession session, long seq)
    {
        lock (_gate)
        {
            connection.Session = session;
            _live = connection;
            return session.History.Where(e => e.Seq > seq).ToArray();
        }
    }
}
