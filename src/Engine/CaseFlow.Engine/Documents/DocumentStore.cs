namespace CaseFlow.Engine.Documents;

/// <summary>
/// Where documents' bytes live. An upload is written to a staged file first and only put in place under
/// its key once it is complete and accepted, so a refused or broken upload leaves nothing behind.
/// </summary>
public interface IDocumentStore
{
    /// <summary>A new, empty staging file; disposing it without <see cref="IStagedDocument.CommitAsync"/> removes it.</summary>
    IStagedDocument Stage();

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="key"/>.</summary>
    Stream? Open(string key);

    /// <summary>Removes the bytes under <paramref name="key"/>; nothing there is not an error.</summary>
    void Delete(string key);
}

public interface IStagedDocument : IAsyncDisposable
{
    /// <summary>Readable, writable and seekable: the upload writes it, the type check may read it back.</summary>
    Stream Content { get; }

    /// <summary>Puts the staged bytes in place under <paramref name="key"/>.</summary>
    Task CommitAsync(string key, CancellationToken ct);
}

/// <summary><c>Documents:MaxBytes</c> (default 20 MiB) and <c>Documents:Folder</c> (default <c>data/documents</c>).</summary>
public sealed record DocumentSettings(long MaxBytes, string Folder)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
    public const string DefaultFolder = "data/documents";

    public static DocumentSettings From(IConfiguration configuration)
    {
        var maxBytes = configuration.GetValue("Documents:MaxBytes", DefaultMaxBytes);
        if (maxBytes < 1) throw new InvalidOperationException("Documents:MaxBytes must be 1 or more.");
        var folder = configuration["Documents:Folder"];
        // Beside the default SQLite file (data/caseflow.db), relative to the working folder as that one is.
        return new DocumentSettings(maxBytes, Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder));
    }
}

/// <summary>
/// Files under <see cref="DocumentSettings.Folder"/>: <c>{key}</c> for stored documents (the key is
/// <c>{case id}/{document id}</c>), <c>.staging/</c> for uploads in progress. A staged file is moved into
/// place, an atomic rename on the same file system.
/// </summary>
public sealed class FileSystemDocumentStore(DocumentSettings settings) : IDocumentStore
{
    private string StagingFolder => Path.Combine(settings.Folder, ".staging");

    public IStagedDocument Stage()
    {
        Directory.CreateDirectory(StagingFolder);
        var path = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N"));
        // DeleteOnClose is not used: the file must survive the close that precedes the move.
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        return new StagedFile(this, path, stream);
    }

    public Stream? Open(string key)
    {
        try
        {
            return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Delete(string key) => File.Delete(PathOf(key));

    /// <summary>Keys are made by the service from two Guids; anything else is a bug, not a path to follow.</summary>
    private string PathOf(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 2 || !parts.All(p => Guid.TryParseExact(p, "N", out _)))
            throw new ArgumentException($"'{key}' is not a document storage key.", nameof(key));
        return Path.Combine(settings.Folder, parts[0], parts[1]);
    }

    private sealed class StagedFile(FileSystemDocumentStore store, string path, FileStream stream) : IStagedDocument
    {
        private bool _committed;

        public Stream Content => stream;

        public async Task CommitAsync(string key, CancellationToken ct)
        {
            await stream.FlushAsync(ct);
            // The bytes reach the disk before the rename makes them visible (and before the row is committed).
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync();
            var target = store.PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: false);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed) File.Delete(path);
        }
    }
}
