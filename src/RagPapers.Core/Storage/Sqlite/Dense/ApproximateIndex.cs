using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One store instance's handle on the HNSW file beside it: the current view (re-opened when a build, here or in
/// another process, saved a newer file) and at most one background build at a time.
/// </summary>
/// <remarks>
/// The view is searched under the dense reader's lock (<see cref="DenseReader"/>), while keyword search (under the
/// store's lock) may start the background open and writes may ask for a build: those two hand over through atomics.
/// </remarks>
internal sealed class ApproximateIndex(string storePath, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _buildGate = new();
    private ApproximateIndexView? _view;
    private Task<ApproximateIndexView?>? _opening;
    private int _openedInBackground;
    private Task? _build;

    public bool Building => _build is { IsCompleted: false };

    /// <summary>
    /// The view to search, or null when there is no file fit to use: missing, another embedder's, or older than the
    /// change log still remembers. The caller holds the dense reader's lock, and keeps it while it searches the view.
    /// </summary>
    public async Task<ApproximateIndexView?> CurrentAsync(CommandCache commands, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _opening, null) is { } opening)
        {
            // Opened in the background; a search that got here first opened its own, and keeps it.
            var opened = await opening;
            if (_view is null)
            {
                _view = opened;
            }
            else
            {
                opened?.Dispose();
            }
        }

        var written = File.GetLastWriteTimeUtc(ApproximateIndexState.StatePath(storePath));
        if (_view is null || _view.StateWritten != written)
        {
            _view?.Dispose();
            _view = Open(embedder, written);
        }

        if (_view is not null && _view.State.Seq < await VectorChangeLog.PrunedThroughAsync(commands, cancellationToken))
        {
            _view.Dispose();
            _view = null;
        }

        return _view;
    }

    /// <summary>
    /// Starts opening the HNSW file on the thread pool, once per store instance, for the first dense search to find ready
    /// (later ones re-open it in <see cref="CurrentAsync"/> when a build saves a newer file).
    /// Viewing a file of a million vectors builds USearch's table of keys (0.3–0.5 s), which then overlaps what a first
    /// question does meanwhile: loading the embedder, embedding, the keyword search.
    /// </summary>
    public void OpenInBackground(EmbedderDescriptor embedder)
    {
        if (Volatile.Read(ref _view) is null && !_stopping.IsCancellationRequested && Interlocked.Exchange(ref _openedInBackground, 1) == 0)
        {
            Volatile.Write(ref _opening, Task.Run(() => Open(embedder, File.GetLastWriteTimeUtc(ApproximateIndexState.StatePath(storePath)))));
        }
    }

    private ApproximateIndexView? Open(EmbedderDescriptor embedder, DateTime written) =>
        ApproximateIndexState.TryRead(storePath) is { } state && state.Fits(embedder)
            ? ApproximateIndexView.TryOpen(storePath, state, written)
            : null;

    /// <summary>The saved state when its file is fit to use (see <see cref="CurrentAsync"/>), without opening the file.</summary>
    public async Task<ApproximateIndexState?> UsableStateAsync(CommandCache commands, EmbedderDescriptor embedder, CancellationToken cancellationToken) =>
        ApproximateIndexState.TryRead(storePath) is { } state && state.Fits(embedder) && File.Exists(ApproximateIndexState.IndexPath(storePath))
            && state.Seq >= await VectorChangeLog.PrunedThroughAsync(commands, cancellationToken)
            ? state
            : null;

    /// <summary>Starts a build in the background unless one runs; a failed build is retried at the next request.</summary>
    public void RequestBuild(string path, EmbedderDescriptor embedder, DenseWork work)
    {
        lock (_buildGate) // asked by writes under the store's lock and by searches under the dense reader's
        {
            if (!Building && !_stopping.IsCancellationRequested)
            {
                _build = Task.Run(() => BuildLoggedAsync(path, embedder, work, _stopping.Token));
            }
        }
    }

    private async Task BuildLoggedAsync(string path, EmbedderDescriptor embedder, DenseWork work, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var state = await ApproximateIndexBuilder.BuildAsync(path, embedder, work, cancellationToken);
            Log.ApproximateIndexSaved(logger, path, state.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ApproximateIndexBuildStopped(logger, path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Searches stay exact (and correct) without the file; the next write or search asks for a build again.
            Log.ApproximateIndexBuildFailed(logger, path, ex);
        }
    }

    /// <summary>Waits for a running build, then builds (or catches up) once more so that the file covers every vector now stored.</summary>
    public async Task BuildNowAsync(string path, EmbedderDescriptor embedder, DenseWork work, CancellationToken cancellationToken)
    {
        if (_build is { } running)
        {
            await running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await ApproximateIndexBuilder.BuildAsync(path, embedder, work, cancellationToken);
    }

    /// <summary>Waits for a running build when <paramref name="finishBuild"/> (this process wrote the vectors), else stops it.</summary>
    public async ValueTask DisposeAsync(bool finishBuild)
    {
        if (!finishBuild)
        {
            await _stopping.CancelAsync();
        }

        if (_build is { } running)
        {
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stopping.Cancel();
        if (Interlocked.Exchange(ref _opening, null) is { } opening)
        {
            (await opening)?.Dispose();
        }

        _view?.Dispose();
        _view = null;
        _stopping.Dispose();
    }

    public ValueTask DisposeAsync() => DisposeAsync(finishBuild: false);
}
