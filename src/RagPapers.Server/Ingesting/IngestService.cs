using RagPapers.Ingestion;
using RagPapers.Server.Contracts;

namespace RagPapers.Server.Ingesting;

/// <summary>
/// Ingests an uploaded collection file: the body is written to a private temporary folder under the client's
/// file name (the name papers will cite as their source, and the extension that breaks format ties), read by the
/// core's readers, and removed afterwards. Uploads are ingested one at a time.
/// </summary>
public sealed class IngestService(PaperLibrary library, ILogger<IngestService> logger) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<IngestResponse> IngestAsync(Stream body, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var folder = Directory.CreateTempSubdirectory("ragpapers-ingest-");
        try
        {
            var path = Path.Combine(folder.FullName, fileName);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await body.CopyToAsync(file, cancellationToken);
            }

            await _one.WaitAsync(cancellationToken);
            try
            {
                // Every record's result, as the API promises: an upload is bounded by Server:MaxIngestBodyBytes, so is this list.
                var results = new List<IngestResult>();
                var summary = await library.IngestAsync([path], onResult: results.Add, cancellationToken: cancellationToken);
                Log.IngestedUpload(logger, fileName, summary.Read, summary.Added, summary.Updated, summary.Unchanged, summary.Skipped, summary.Elapsed.TotalMilliseconds);
                return IngestResponse.From(fileName, summary, results);
            }
            finally
            {
                _one.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.UploadCanceled(logger, fileName);
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public void Dispose() => _one.Dispose();
}
