using System.Text.Json;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseFlow.Engine.Api;

/// <summary>Turns every exception into a ProblemDetails with a stable code; only real faults become 500.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The client went away: there is nobody to answer.
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;

        var (status, code, detail, extensions) = Map(exception);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);

        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        http.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Code, string Detail, Dictionary<string, object?> Extensions) Map(Exception exception)
    {
        var none = new Dictionary<string, object?>();
        switch (exception)
        {
            case ApiProblemException api:
                return (api.Status, api.Code, api.Message, Located(field: api.Field, elementId: api.ElementId));
            case WorkflowException workflow:
                var status = workflow.Kind switch
                {
                    WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
                    WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status422UnprocessableEntity,
                };
                return (status, workflow.Code, workflow.Message, Located(elementId: workflow.ElementId));
            case DbUpdateConcurrencyException:
                return (StatusCodes.Status409Conflict, "concurrent_update",
                    "Another request changed the same instance first; reload and retry.", none);
            case DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner):
                return (StatusCodes.Status409Conflict, "concurrent_update",
                    "Another request wrote the same data first; reload and retry.", none);
            case var _ when IsUnstorableText(exception):
                return (StatusCodes.Status400BadRequest, "invalid_text",
                    "The request contains text the database cannot store (a NUL character).", none);
            case BadHttpRequestException bad:
                return MapBadRequest(bad);
            case JsonException json:
                return (StatusCodes.Status400BadRequest, "malformed_json", json.Message, Located(field: json.Path));
            default:
                return (StatusCodes.Status500InternalServerError, "internal_error", "An unexpected error occurred.", none);
        }
    }

    private static (int, string, string, Dictionary<string, object?>) MapBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return (StatusCodes.Status400BadRequest, "malformed_json", json.Message, Located(field: json.Path));
        var code = bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status413PayloadTooLarge => "request_too_large",
            _ => "malformed_request",
        };
        return (bad.StatusCode, code, bad.Message, []);
    }

    private static Dictionary<string, object?> Located(string? field = null, string? elementId = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null) extensions["field"] = field;
        if (elementId is not null) extensions["elementId"] = elementId;
        return extensions;
    }

    /// <summary>PostgreSQL text cannot hold U+0000; SQLite can, so only this provider refuses it.</summary>
    private static bool IsUnstorableText(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
                return true;
        }
        return false;
    }

    internal static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
