using System.Threading.Channels;
using CaseFlow.Engine.Persistence;
using Npgsql;

namespace CaseFlow.Engine.Live;

/// <summary>
/// On PostgreSQL, every node LISTENs on <c>caseflow_live</c> on a connection of its own (outside the pool: a pooled
/// connection must carry no session state) and forwards each event to its own hub clients, so an event raised on one
/// node reaches the clients of all. Reconnects after a lost connection; events sent meanwhile are lost to this node.
/// On SQLite it does nothing (one node: the publisher delivers in-process).
/// </summary>
internal sealed class LiveListener(DatabaseSettings settings, LiveDelivery delivery, ILogger<LiveListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once this node first LISTENs (at once on SQLite): tests wait for it before raising events.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            _listening.TrySetResult();
            return;
        }
        var forwarding = ForwardAsync(stoppingToken);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning("Live events: LISTEN connection lost ({Reason}); reconnecting in {Delay}", e.Message, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
        _heard.Writer.TryComplete();
        await forwarding;
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            if (e.Channel == LivePublisher.Channel) _heard.Writer.TryWrite(e.Payload);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {LivePublisher.Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        _listening.TrySetResult();
        logger.LogDebug("Live events: listening on {Channel}", LivePublisher.Channel);
        while (true) await connection.WaitAsync(ct);
    }

    /// <summary>In the order heard, one at a time, away from Npgsql's notification callback.</summary>
    private async Task ForwardAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var payload in _heard.Reader.ReadAllAsync(ct))
            {
                try
                {
                    if (LiveEnvelope.Deserialize(payload) is { } envelope) await delivery.DeliverAsync(envelope, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Live events: a notification could not be forwarded");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
