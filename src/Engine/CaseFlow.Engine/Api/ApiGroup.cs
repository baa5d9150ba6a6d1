namespace CaseFlow.Engine.Api;

public static class ApiGroup
{
    /// <summary>
    /// The root of every API endpoint. Every route needs a signed-in user or an API token (the fallback
    /// authorization policy, see Security/SecuritySetup.cs) unless it is marked AllowAnonymous.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app) =>
        app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
