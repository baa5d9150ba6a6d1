using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Privacy;

/// <summary>
/// Encryption of personal data at rest and the keyed hash that finds a resident ID without storing it.
/// Ciphers are Data Protection payloads (AES-256-CBC + HMAC-SHA256 with the key ring in the database), so
/// every node reads what another wrote, and old ciphers stay readable after the key rotates.
/// </summary>
public sealed class PersonalData
{
    public const string Purpose = "CaseFlow.PersonalData.v1";
    public const string SecretsPurpose = "CaseFlow.Secrets.v1";
    internal const string HashKeyName = "resident_id_hash_key";

    private readonly IDataProtector _protector;
    private readonly IDataProtector _secrets;
    private readonly IDbContextFactory<CaseFlowDb> _contexts;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile byte[]? _hashKey;

    public PersonalData(IDataProtectionProvider protection, IDbContextFactory<CaseFlowDb> contexts, TimeProvider clock)
    {
        _protector = protection.CreateProtector(Purpose);
        _secrets = protection.CreateProtector(SecretsPurpose);
        _contexts = contexts;
        _clock = clock;
    }

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    /// <summary>
    /// The plaintext of a cipher this service wrote. A cipher whose key is gone (the key table was lost
    /// or the key revoked) cannot be read: that is a 500 by design, logged, never a silent empty value.
    /// </summary>
    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    /// <summary>
    /// HMAC-SHA256 of the normalised resident ID under the service's hash key, hex. Equal IDs give equal
    /// hashes, so the unique index and lookups work; without the key, nobody can test a guessed ID
    /// against the column (a plain SHA-256 of 18 digits with a known structure falls to brute force).
    /// </summary>
    public async ValueTask<string> HashResidentIdAsync(string residentId, CancellationToken ct = default)
    {
        var key = _hashKey ?? await LoadHashKeyAsync(ct);
        return Hash(key, residentId);
    }

    /// <summary>The same as <see cref="HashResidentIdAsync"/>; the first call on a node may wait for the database.</summary>
    public string HashResidentId(string residentId)
    {
        var key = _hashKey ?? LoadHashKeyAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return Hash(key, residentId);
    }

    private static string Hash(byte[] key, string residentId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(residentId.Trim().ToUpperInvariant())));

    /// <summary>
    /// Reads the hash key, creating it when no node has yet. Two nodes creating it at once both try to
    /// insert the same primary key: one wins, the other reads the winner's, so all nodes hash alike.
    /// </summary>
    private async ValueTask<byte[]> LoadHashKeyAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_hashKey is { } loaded) return loaded;
            var stored = await ReadSecretAsync(ct);
            if (stored is null)
            {
                await TryInsertSecretAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ct);
                stored = await ReadSecretAsync(ct)
                    ?? throw new InvalidOperationException("The resident ID hash key could not be stored.");
            }
            var key = Convert.FromBase64String(_secrets.Unprotect(stored));
            _hashKey = key;
            return key;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<string?> ReadSecretAsync(CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.Secrets.AsNoTracking().Where(s => s.Name == HashKeyName).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }

    private async Task TryInsertSecretAsync(string secret, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        db.Secrets.Add(new Secret { Name = HashKeyName, Value = _secrets.Protect(secret), CreatedAt = _clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ApiExceptionHandler.IsUniqueViolation(e.InnerException))
        {
            // Another node stored its key first: the caller reads and uses that one.
        }
    }
}
