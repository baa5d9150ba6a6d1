using System.Collections.Concurrent;
using System.Security.Cryptography;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for every POST under /api. The request runs inside a transaction that this
/// middleware commits only after storing the response it produced, so "done" and "remembered" are
/// one atomic fact: a retry after a crash either finds the stored answer or finds nothing done.
/// Only successful (2xx) answers are stored; a failed request changed nothing and may simply run again.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, InFlightKeys inFlight, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext http, CaseFlowDb db, IProblemDetailsService problems)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api") || key.Length == 0)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await WriteProblemAsync(http, problems, StatusCodes.Status400BadRequest, "invalid_idempotency_key",
                $"{Header} must be 1 to {MaxKeyLength} printable characters.");
            return;
        }

        var request = new RequestKey(key, http.Request.Method, http.Request.Path.Value ?? "", await HashAsync(http.Request));
        if (await TryReplayAsync(http, db, problems, request)) return;
        if (!inFlight.TryEnter(request))
        {
            // Same key, same node, still running: tell the client to retry later instead of running twice.
            if (await TryReplayAsync(http, db, problems, request)) return;
            await WriteProblemAsync(http, problems, StatusCodes.Status409Conflict, "request_in_progress",
                $"A request with this {Header} is still being processed; retry shortly.");
            return;
        }
        try
        {
            await ExecuteAndStoreAsync(http, db, request);
        }
        catch (Exception e) when (IsLostRace(e))
        {
            // A concurrent request with this key (on another node) may have won: answer with its response.
            db.ChangeTracker.Clear();
            if (!await TryReplayAsync(http, db, problems, request)) throw;
        }
        finally
        {
            inFlight.Exit(request);
        }
    }

    private async Task ExecuteAndStoreAsync(HttpContext http, CaseFlowDb db, RequestKey request)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = request.Key, Method = request.Method, Path = request.Path, RequestHash = request.Hash,
                    StatusCode = http.Response.StatusCode, ResponseBody = buffer.ToArray(),
                    ContentType = http.Response.ContentType, CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(http.RequestAborted);
                await transaction.CommitAsync(http.RequestAborted);
            }
        }
        finally
        {
            http.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task<bool> TryReplayAsync(HttpContext http, CaseFlowDb db, IProblemDetailsService problems, RequestKey request)
    {
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Key == request.Key && r.Method == request.Method && r.Path == request.Path, http.RequestAborted);
        if (stored is null) return false;
        if (stored.RequestHash != request.Hash)
        {
            await WriteProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                $"This {Header} was already used with a different request.");
            return true;
        }
        http.Response.StatusCode = stored.StatusCode;
        http.Response.ContentType = stored.ContentType;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(stored.ResponseBody, http.RequestAborted);
        return true;
    }

    private static bool IsLostRace(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException update => ApiExceptionHandler.IsUniqueViolation(update.InnerException),
        WorkflowException { Kind: WorkflowErrorKind.Conflict } => true,
        _ => false,
    };

    /// <summary>The query string and the body: the same key must come with the same request.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.QueryString.Value + "\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task WriteProblemAsync(HttpContext http, IProblemDetailsService problems, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code } };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}

internal readonly record struct RequestKey(string Key, string Method, string Path, string Hash);

/// <summary>Keys being executed on this node right now.</summary>
internal sealed class InFlightKeys
{
    private readonly ConcurrentDictionary<(string, string, string), byte> _keys = new();

    public bool TryEnter(RequestKey request) => _keys.TryAdd((request.Key, request.Method, request.Path), 0);

    public void Exit(RequestKey request) => _keys.TryRemove((request.Key, request.Method, request.Path), out _);
}

public static class IdempotencySetup
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services) => services.AddSingleton<InFlightKeys>();

    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
