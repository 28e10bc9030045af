using Microsoft.Extensions.Logging;

namespace RagPapers.Core.Tests.Fakes;

/// <summary>A logger that keeps the event ids it was given, so a test can count what a component did.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<EventId> _events = [];

    public int Count(int eventId)
    {
        lock (_events)
        {
            return _events.Count(e => e.Id == eventId);
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_events)
        {
            _events.Add(eventId);
        }
    }
}
