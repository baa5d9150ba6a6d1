using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over the test server's WebSocket (the .NET SignalR client is not a
/// dependency here): handshake, invocations with completions, and the server's event invocations, each message
/// ended by the record separator 0x1E.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly WebSocket _socket;
    private readonly Channel<(string Target, JsonElement Argument)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _reading;
    private int _nextId;

    private HubClient(WebSocket socket)
    {
        _socket = socket;
        _reading = ReadAsync();
    }

    /// <summary>Connects to <c>/hubs/live</c> with the request's headers set by <paramref name="authenticate"/> (a cookie or a bearer token).</summary>
    public static async Task<HubClient> ConnectAsync(WebApplicationFactory<Program> app, Action<HttpRequestHeadersSetter> authenticate)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => authenticate(new HttpRequestHeadersSetter(request.Headers));
        var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "hubs/live"), CancellationToken.None);
        await SendRawAsync(socket, """{"protocol":"json","version":1}""");
        var handshake = await ReceiveOneAsync(socket);
        if (handshake.TryGetProperty("error", out var error)) throw new InvalidOperationException($"Handshake refused: {error}");
        return new HubClient(socket);
    }

    /// <summary>Calls a hub method and returns its result; throws <see cref="HubError"/> with the server's message when it fails.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = completion;
        await SendRawAsync(_socket, JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }, TestApi.Json));
        var message = await completion.Task.WaitAsync(Eventually.Patience);
        if (message.TryGetProperty("error", out var error)) throw new HubError(error.GetString()!);
        return message.TryGetProperty("result", out var result) ? result : default;
    }

    /// <summary>The next event named <paramref name="target"/> that <paramref name="match"/> accepts (others are skipped); fails after the patience.</summary>
    public async Task<JsonElement> NextAsync(string target, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var patience = new CancellationTokenSource(timeout ?? Eventually.Patience);
        try
        {
            while (true)
            {
                var (name, argument) = await _events.Reader.ReadAsync(patience.Token);
                if (name == target && (match?.Invoke(argument) ?? true)) return argument;
            }
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"No {target} event within {timeout ?? Eventually.Patience}.");
        }
    }

    /// <summary>The events received so far and not yet read.</summary>
    public List<(string Target, JsonElement Argument)> Received()
    {
        var received = new List<(string, JsonElement)>();
        while (_events.Reader.TryRead(out var e)) received.Add(e);
        return received;
    }

    private async Task ReadAsync()
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var read = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (read.MessageType == WebSocketMessageType.Close) break;
                text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
                if (!read.EndOfMessage) continue;
                foreach (var frame in text.ToString().Split(Separator, StringSplitOptions.RemoveEmptyEntries)) Dispatch(JsonDocument.Parse(frame).RootElement.Clone());
                text.Clear();
            }
        }
        // The test server's socket ends with ObjectDisposedException when closed under a pending receive.
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
            foreach (var call in _calls.Values) call.TrySetException(new InvalidOperationException("The connection closed."));
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1 when !message.TryGetProperty("invocationId", out _):
                _events.Writer.TryWrite((message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0]));
                break;
            case 3 when _calls.TryRemove(message.GetProperty("invocationId").GetString()!, out var call):
                call.TrySetResult(message);
                break;
            // 6 ping, 7 close: nothing to do in a test.
        }
    }

    private static Task SendRawAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveOneAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains(Separator))
        {
            var read = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).WaitAsync(Eventually.Patience);
            if (read.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The hub closed the connection during the handshake.");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
        }
        return JsonDocument.Parse(text.ToString().TrimEnd(Separator)).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
        }
        await _closing.CancelAsync();
        await _reading;
        _socket.Dispose();
        _closing.Dispose();
    }
}

/// <summary>Sets the WebSocket request's headers (the test server's request is an HttpRequest of ASP.NET Core).</summary>
public sealed class HttpRequestHeadersSetter(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
{
    public void Bearer(string secret) => headers.Authorization = "Bearer " + secret;

    public void Cookie(string cookie) => headers.Cookie = cookie;
}

/// <summary>A hub method's failure, with the message the hub threw (a HubException's).</summary>
public sealed class HubError(string message) : Exception(message);
