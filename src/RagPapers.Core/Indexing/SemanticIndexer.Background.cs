using RagPapers.Storage;

namespace RagPapers.Indexing;

/// <summary>The background mode: one loop that fills the vectors, sleeps until the next ingestion, and retries after a failure.</summary>
public sealed partial class SemanticIndexer
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();
    private Task? _background;
    private volatile string? _problem;

    /// <summary>Whether <see cref="StartBackground"/> has been called (and the store defers vectors).</summary>
    public bool IsRunningInBackground => Volatile.Read(ref _background) is not null;

    /// <summary>Fills the missing vectors on the thread pool from now on, again after every <see cref="Notify"/>; returns at once.</summary>
    public void StartBackground()
    {
        lock (_gate)
        {
            if (_background is null && _index.GetService<IDeferredVectorIndex>() is not null)
            {
                _background = Task.Run(() => RunAsync(_stopping.Token));
            }
        }
    }

    /// <summary>New chunks may lack vectors (an ingestion committed): the background loop, if running, looks again.</summary>
    public void Notify()
    {
        if (!IsRunningInBackground)
        {
            return;
        }

        lock (_gate)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FillAsync(cancellationToken);
                (_problem, retry) = (null, FirstRetry);
                await _wake.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (StoreIncompatibleException ex)
            {
                _problem = ex.Message;
                Log.Stopped(_logger, Status.Embedded, Status.Total, ex.Message);
                return;
            }
            catch (Exception ex)
            {
                if (!await WaitToRetryAsync(ex, retry, cancellationToken))
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    // An embeddings endpoint that is down must not end the indexer for the life of a server: keyword results are
    // served meanwhile, the problem shows in the status, and the next attempt resumes where this one stopped.
    private async Task<bool> WaitToRetryAsync(Exception failure, TimeSpan retry, CancellationToken cancellationToken)
    {
        _problem = $"{failure.Message} (retrying in {retry.TotalSeconds:0} s)";
        Log.Failed(_logger, failure, Status.Embedded, Status.Total, retry.TotalSeconds);
        return await DelayAsync(retry, cancellationToken);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StopBackgroundAsync()
    {
        if (Volatile.Read(ref _background) is { } background)
        {
            await background; // RunAsync returns on cancellation; it never throws
        }
    }
}
